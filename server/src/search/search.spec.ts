import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DocumentDto, DocumentMetadata, SearchHitDto, SearchResultDto } from '@phonghop/shared';
import { FakeClock } from '../common/clock.js';
import { documentMeta, Fixtures, json } from '../testing/factories.js';
import { fixture } from '../testing/fixture-files.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const PLAN = 'vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.pdf';
const marked = (text: string, ranges: Array<{ start: number; end: number }>) => ranges.map((r) => text.slice(r.start, r.end));

describe(`archive search (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  const clock = new FakeClock(new Date('2026-12-01T01:00:00Z'));
  let t: TestApp;
  let f: Fixtures;
  let meetingId: string;
  let plan: DocumentDto;
  let selected: DocumentDto;
  let nam: string;
  let lan: string;

  const search = async (cookie: string, q: string, limit?: number): Promise<SearchHitDto[]> => {
    const query = new URLSearchParams({ q, ...(limit ? { limit: String(limit) } : {}) });
    return (await json<SearchResultDto>(await t.request('GET', `/api/search?${query.toString()}`, { cookie }))).hits;
  };
  const upload = (body: Buffer, m: DocumentMetadata) =>
    t.request('POST', `/api/meetings/${meetingId}/documents`, {
      cookie: f.secretary,
      body: body as unknown as string,
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('ke-hoach.pdf'),
        'x-document-metadata': encodeURIComponent(JSON.stringify(m)),
      },
    });

  beforeAll(async () => {
    t = await startTestApp({ clock });
    f = await Fixtures.create(t);
    const ready = await f.readyMeeting();
    meetingId = ready.meeting.id;
    await json(await f.publish(meetingId));
    plan = await json<DocumentDto>(await upload(fixture(PLAN), documentMeta()), 201);
    selected = await json<DocumentDto>(
      await upload(
        fixture(PLAN),
        documentMeta({ number: '7', symbol: 'TTr-UBND', summary: 'Tờ trình phân bổ ngân sách đặc thù xã Hòa Mỹ', audience: 'selected', grantedUserIds: [await f.userId('pct.lan')] }),
      ),
      201,
    );
    nam = await t.login('pct.nam');
    lan = await t.login('pct.lan');
  });
  afterAll(() => t.close());

  it('finds the plan\'s "phòng họp không giấy" from "phong hop khong giay", on its page, with the words marked', async () => {
    const hits = await search(nam, 'phong hop khong giay');
    const hit = hits.find((h) => h.id === plan.id)!;
    expect(hit).toMatchObject({ kind: 'document', meetingId, title: '125/KH-UBND – Kế hoạch cải cách hành chính giai đoạn 2021 – 2025' });
    expect(hit.page).toBeGreaterThanOrEqual(1);
    expect(hit.link).toBe(`/tai-lieu/${plan.id}?page=${hit.page}`);
    expect(hit.snippet).toContain('phòng họp không giấy');
    expect(marked(hit.snippet, hit.highlights)).toEqual(expect.arrayContaining(['phòng', 'họp', 'không', 'giấy']));
  });

  it('is insensitive to case and to đ, with or without diacritics in the query', async () => {
    for (const q of ['PHÒNG HỌP KHÔNG GIẤY', 'Phong Hop Khong Giay', 'DEN NAM 2025']) {
      expect((await search(nam, q)).map((h) => h.id)).toContain(plan.id);
    }
  });

  it('ranks a title match above the same words deep in a document', async () => {
    const other = await f.readyMeeting({ title: 'Triển khai phòng họp không giấy cấp huyện' });
    await json(await f.publish(other.meeting.id, true));
    const hits = await search(nam, 'phong hop khong giay');
    expect(hits[0]).toMatchObject({ kind: 'meeting', id: other.meeting.id, link: `/cuoc-hop/${other.meeting.id}` });
    expect(marked(hits[0].title, hits[0].titleHighlights)).toEqual(['phòng', 'họp', 'không', 'giấy']);
    expect(hits.map((h) => h.id)).toContain(plan.id);
  });

  it('finds agenda items by their title', async () => {
    const hits = await search(nam, 'bao cao tinh hinh kinh te xa hoi');
    expect(hits.filter((h) => h.kind === 'agenda_item' && h.meetingId === meetingId)).toHaveLength(1);
  });

  it('gives a member who is not in the meeting nothing from it', async () => {
    const outsider = await t.login('tp.taichinh');
    expect(await search(outsider, 'phong hop khong giay')).toEqual([]);
    expect(await search(outsider, 'ke hoach cai cach hanh chinh')).toEqual([]);
  });

  it("never shows a 'selected' document to a member it is not granted to", async () => {
    expect((await search(lan, 'hoa my')).map((h) => h.id)).toEqual([selected.id]);
    expect(await search(nam, 'hoa my')).toEqual([]);
    // nor through its text, which it shares with the plan
    expect((await search(nam, 'phong hop khong giay')).map((h) => h.id)).not.toContain(selected.id);
  });

  it('gives a guest only what is granted to them', async () => {
    const guest = await t.login('tp.tuphap');
    expect((await search(guest, 'ke hoach cai cach')).filter((h) => h.kind === 'document')).toEqual([]);
  });

  it('never shows a Mật paper, not even to the secretary', async () => {
    await json(
      await t.request('POST', `/api/meetings/${meetingId}/paper-register`, {
        cookie: f.secretary,
        body: { title: 'Báo cáo tình hình an ninh Bình Minh', classification: 'mat', number: '15', symbol: 'BC-CAH', copies: 1 },
      }),
      201,
    );
    expect(await search(f.secretary, 'an ninh binh minh')).toEqual([]);
  });

  it('keeps draft meetings to those who prepare them', async () => {
    const draft = await f.meeting({ title: 'Dự thảo quy hoạch khu dân cư Tân Long' });
    await f.addParticipant(draft.id, 'pct.nam', 'member');
    expect(await search(nam, 'tan long')).toEqual([]);
    expect((await search(f.secretary, 'tan long')).map((h) => h.id)).toEqual([draft.id]);
  });

  it('finds a renamed meeting by its new name, no longer by the old one', async () => {
    const m = await f.meeting({ title: 'Họp bàn kế hoạch trồng cây Phước Long' });
    await json(await t.request('PATCH', `/api/meetings/${m.id}`, { cookie: f.secretary, body: { title: 'Hội nghị chuyển đổi số Đông Phước' } }));
    expect((await search(f.secretary, 'chuyen doi so dong phuoc')).map((h) => h.id)).toEqual([m.id]);
    expect(await search(f.secretary, 'trong cay phuoc long')).toEqual([]);
  });

  it('loses a removed document', async () => {
    await json(await t.request('DELETE', `/api/documents/${plan.id}`, { cookie: f.secretary }), 204);
    const hits = await search(f.secretary, 'phong hop khong giay');
    expect(hits.map((h) => h.id)).not.toContain(plan.id);
  });

  it('refuses an empty or overlong query in Vietnamese, and strangers', async () => {
    for (const q of ['', '   ', '"*"', 'a'.repeat(201)]) {
      const res = await t.request('GET', `/api/search?q=${encodeURIComponent(q)}`, { cookie: nam });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect((await t.request('GET', '/api/search?q=ke+hoach&limit=500', { cookie: nam })).status).toBe(400);
    expect((await t.request('GET', '/api/search?q=ke+hoach')).status).toBe(401);
  });

  it('returns at most `limit` hits', async () => {
    expect(await search(f.secretary, 'ke hoach', 1)).toHaveLength(1);
  });
});
