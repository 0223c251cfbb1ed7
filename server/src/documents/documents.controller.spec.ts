import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DeliveryRowDto, DocumentDto, DocumentMetadata, PaperRegisterEntryDto } from '@phonghop/shared';
import { FakeClock } from '../common/clock.js';
import { documentMeta, Fixtures, json } from '../testing/factories.js';
import { fixture } from '../testing/fixture-files.js';
import { nextEvent, startTestApp, type TestApp } from '../testing/test-app.js';

const PLAN = 'vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.pdf';

describe('documents', () => {
  const clock = new FakeClock(new Date('2026-12-01T01:00:00Z'));
  let t: TestApp;
  let f: Fixtures;
  let meetingId: string;
  let items: string[];
  let member: string;
  let guest: string;

  const upload = (body: Buffer, name: string, m: DocumentMetadata = documentMeta(), extra: Record<string, string> = {}) =>
    t.request('POST', `/api/meetings/${meetingId}/documents`, {
      cookie: f.secretary,
      body: body as unknown as string,
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
        'x-document-metadata': encodeURIComponent(JSON.stringify(m)),
        ...extra,
      },
    });

  beforeAll(async () => {
    t = await startTestApp({ clock });
    f = await Fixtures.create(t);
    const ready = await f.readyMeeting();
    meetingId = ready.meeting.id;
    items = ready.items;
    await json(await f.publish(meetingId));
    member = await t.login('pct.nam');
    guest = await t.login('tp.tuphap');
  });
  afterAll(() => t.close());

  it('accepts the Vietnamese plan as PDF, with its page count, text and metadata', async () => {
    const doc = await json<DocumentDto>(await upload(fixture(PLAN), 'Kế hoạch CCHC.pdf', documentMeta({ agendaItemId: items[1] })), 201);
    expect(doc).toMatchObject({ docType: 'ke_hoach', number: '125', symbol: 'KH-UBND', agendaItemId: items[1], current: { version: 1, pageCount: 7, originalKind: 'pdf' } });
    const agenda = await json<{ items: Array<{ id: string; documentIds: string[] }> }>(await t.request('GET', `/api/meetings/${meetingId}/agenda`, { cookie: member }));
    expect(agenda.items.find((i) => i.id === items[1])!.documentIds).toEqual([doc.id]);
  });

  it('converts the DOCX to PDF and keeps the original downloadable', async () => {
    const docx = fixture('vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.docx');
    const doc = await json<DocumentDto>(await upload(docx, 'Kế hoạch CCHC.docx'), 201);
    expect(doc.current.originalKind).toBe('docx');
    expect(doc.current.pageCount).toBeGreaterThanOrEqual(5);
    const original = await t.request('GET', `/api/documents/${doc.id}/original`, { cookie: member });
    expect(original.headers.get('content-type')).toMatch(/officedocument\.wordprocessingml/);
    expect(Buffer.from(await original.arrayBuffer()).equals(docx)).toBe(true);
    const pdf = await t.request('GET', `/api/documents/${doc.id}/file`, { cookie: member });
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('blocks a classified (Mật) document before storing anything, and keeps the paper register instead', async () => {
    const before = await json<DocumentDto[]>(await t.request('GET', `/api/meetings/${meetingId}/documents`, { cookie: f.secretary }));
    const blobs = countFiles(t.config.filesDir);
    const res = await upload(fixture(PLAN), 'Báo cáo mật.pdf', documentMeta({ classification: 'mat' }));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'CLASSIFIED_UPLOAD_FORBIDDEN', message: expect.stringMatching(/sổ theo dõi bản giấy/) });
    expect(await json<DocumentDto[]>(await t.request('GET', `/api/meetings/${meetingId}/documents`, { cookie: f.secretary }))).toHaveLength(before.length);
    expect(countFiles(t.config.filesDir)).toBe(blobs);

    const register = await json<PaperRegisterEntryDto[]>(
      await t.request('POST', `/api/meetings/${meetingId}/paper-register`, {
        cookie: f.secretary,
        body: { title: 'Báo cáo tình hình an ninh chính trị', classification: 'mat', number: '15', symbol: 'BC-CAH', copies: 3 },
      }),
      201,
    );
    const entry = register[0];
    expect(entry.copies.map((c) => c.copyNo)).toEqual([1, 2, 3]);
    const nam = await f.userId('pct.nam');
    const handed = await json<PaperRegisterEntryDto[]>(
      await t.request('POST', `/api/paper-register/${entry.id}/handout`, { cookie: f.secretary, body: { copyNo: 2, recipientUserId: nam } }),
    );
    expect(handed[0].copies[1]).toMatchObject({ copyNo: 2, recipient: { fullName: 'Lê Hoàng Nam' }, returnedAt: null });
    const twice = await t.request('POST', `/api/paper-register/${entry.id}/handout`, {
      cookie: f.secretary,
      body: { copyNo: 2, recipientUserId: await f.userId('pct.lan') },
    });
    expect(twice.status).toBe(409);
    const back = await json<PaperRegisterEntryDto[]>(
      await t.request('POST', `/api/paper-register/${entry.id}/return`, { cookie: f.secretary, body: { copyNo: 2 } }),
    );
    expect(back[0].copies[1].returnedAt).toBe(clock.now().toISOString());
    expect((await t.request('GET', `/api/meetings/${meetingId}/paper-register`, { cookie: member })).status).toBe(403);
  });

  it('serves byte ranges exactly, and the whole new file when If-Range is stale', async () => {
    const doc = await json<DocumentDto>(await upload(fixture('pdfs/tracemonkey.pdf'), 'tracemonkey.pdf'), 201);
    const whole = Buffer.from(await (await t.request('GET', `/api/documents/${doc.id}/file`, { cookie: member })).arrayBuffer());
    expect(whole.length).toBe(doc.current.sizeBytes);

    const part = await t.request('GET', `/api/documents/${doc.id}/file`, { cookie: member, headers: { range: 'bytes=0-1023' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-1023/${whole.length}`);
    expect(part.headers.get('content-length')).toBe('1024');
    expect(part.headers.get('accept-ranges')).toBe('bytes');
    expect(part.headers.get('cache-control')).toMatch(/private/);
    expect(part.headers.get('content-encoding')).toBe('identity');
    const etag = part.headers.get('etag')!;
    expect(etag).toBe(`"${doc.current.pdfSha256}"`);
    expect(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(0, 1024))).toBe(true);

    const fresh = await t.request('GET', `/api/documents/${doc.id}/file`, { cookie: member, headers: { range: 'bytes=1024-2047', 'if-range': etag } });
    expect(fresh.status).toBe(206);

    // The secretary replaces the file: a tablet resuming with the old ETag gets the whole new file.
    const v2 = await newVersion(doc.id, fixture(PLAN), 'Kế hoạch (bản sửa).pdf', 'Cập nhật số liệu mục II');
    const stale = await t.request('GET', `/api/documents/${doc.id}/file`, { cookie: member, headers: { range: 'bytes=0-1023', 'if-range': etag } });
    expect(stale.status).toBe(200);
    const body = Buffer.from(await stale.arrayBuffer());
    expect(body.length).toBe(v2.current.sizeBytes);
    expect(stale.headers.get('etag')).toBe(`"${v2.current.pdfSha256}"`);

    const outside = await t.request('GET', `/api/documents/${doc.id}/file`, { cookie: member, headers: { range: `bytes=${body.length}-` } });
    expect(outside.status).toBe(416);
    const notModified = await t.request('GET', `/api/documents/${doc.id}/file`, { cookie: member, headers: { 'if-none-match': `"${v2.current.pdfSha256}"` } });
    expect(notModified.status).toBe(304);
  });

  it('keeps old versions, and marks a replaced document "updated" for a member until they open it', async () => {
    const doc = await json<DocumentDto>(await upload(fixture('pdfs/annotation-highlight.pdf'), 'to-trinh.pdf', documentMeta({ docType: 'to_trinh', summary: 'Tờ trình dự toán' })), 201);
    await json(await t.request('POST', `/api/documents/${doc.id}/opened`, { cookie: member, body: { version: 1 } }), 204);
    const v2 = await newVersion(doc.id, fixture('pdfs/annotation-freetext.pdf'), 'to-trinh-v2.pdf', 'Sửa số liệu dự toán');
    expect(v2.versions.map((v) => [v.version, v.changeNote])).toEqual([
      [1, ''],
      [2, 'Sửa số liệu dự toán'],
    ]);
    const seen = await json<DocumentDto>(await t.request('GET', `/api/documents/${doc.id}`, { cookie: member }));
    expect(seen).toMatchObject({ updatedForMe: true, lastOpenedVersion: 1 });
    const list = await json<Array<{ id: string; updatedDocuments: number }>>(await t.request('GET', '/api/meetings', { cookie: member }));
    expect(list.find((m) => m.id === meetingId)!.updatedDocuments).toBeGreaterThanOrEqual(1);
    await json(await t.request('POST', `/api/documents/${doc.id}/opened`, { cookie: member, body: { version: 2 } }), 204);
    expect((await json<DocumentDto>(await t.request('GET', `/api/documents/${doc.id}`, { cookie: member }))).updatedForMe).toBe(false);
    const old = await t.request('GET', `/api/documents/${doc.id}/file?v=1`, { cookie: member });
    expect(old.headers.get('cache-control')).toMatch(/immutable/);
    expect(Buffer.from(await old.arrayBuffer()).length).toBe(doc.current.sizeBytes);
  });

  it('shows guests only what is granted to them: a direct URL to anything else is 403', async () => {
    const general = await json<DocumentDto>(await upload(fixture('pdfs/js-buttons.pdf'), 'chung.pdf'), 201);
    const forGuest = await json<DocumentDto>(
      await upload(fixture('pdfs/evaljs.pdf'), 'khach.pdf', documentMeta({ audience: 'selected', grantedUserIds: [await f.userId('tp.tuphap')] })),
      201,
    );
    const guestList = await json<DocumentDto[]>(await t.request('GET', `/api/meetings/${meetingId}/documents`, { cookie: guest }));
    expect(guestList.map((d) => d.id)).toEqual([forGuest.id]);
    expect((await t.request('GET', `/api/documents/${general.id}/file`, { cookie: guest })).status).toBe(403);
    expect((await t.request('GET', `/api/documents/${general.id}`, { cookie: guest })).status).toBe(403);
    expect((await t.request('GET', `/api/documents/${forGuest.id}/file`, { cookie: guest })).status).toBe(200);
    // A member sees documents for all participants, not those selected for someone else.
    const memberList = await json<DocumentDto[]>(await t.request('GET', `/api/meetings/${meetingId}/documents`, { cookie: member }));
    expect(memberList.map((d) => d.id)).toContain(general.id);
    expect(memberList.map((d) => d.id)).not.toContain(forGuest.id);
    // Someone outside the meeting learns nothing.
    const outsider = await t.login('tp.noivu');
    expect((await t.request('GET', `/api/documents/${general.id}/file`, { cookie: outsider })).status).toBe(404);
  });

  it('stores hostile and long file names safely and shows Vietnamese names intact', async () => {
    const traversal = await json<DocumentDto>(await upload(fixture('pdfs/helloworld-bad.pdf'), '../../x.pdf'), 201);
    expect(traversal.current.originalName).toBe('x.pdf');
    const long = await json<DocumentDto>(await upload(fixture('pdfs/helloworld-bad.pdf'), `${'Tờ trình '.repeat(40)}.pdf`), 201);
    expect(long.current.originalName.length).toBeLessThanOrEqual(180);
    expect(long.current.originalName.endsWith('.pdf')).toBe(true);
    const vietnamese = await json<DocumentDto>(await upload(fixture('pdfs/helloworld-bad.pdf'), 'Tờ trình số 12.pdf'), 201);
    expect(vietnamese.current.originalName).toBe('Tờ trình số 12.pdf');
    const res = await t.request('GET', `/api/documents/${vietnamese.id}/download`, { cookie: member });
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Tờ trình số 12.pdf')}`);
    expect(fs.readdirSync(path.join(t.config.filesDir, '..')).some((n) => n === 'x.pdf')).toBe(false);
  });

  it('records deliveries reported by tablets, for the secretary', async () => {
    const docs = await json<DocumentDto[]>(await t.request('GET', `/api/meetings/${meetingId}/documents`, { cookie: member }));
    const socket = t.socket(member);
    await nextEvent(socket, 'session:welcomed');
    const ack = await socket.emitWithAck('pack:report-delivery', {
      meetingId,
      items: docs.map((d) => ({ documentId: d.id, version: d.current.version })),
    });
    expect(ack).toEqual({ ok: true, recorded: docs.length });
    const rows = await json<DeliveryRowDto[]>(await t.request('GET', `/api/meetings/${meetingId}/delivery`, { cookie: f.secretary }));
    expect(rows.find((r) => r.user.fullName === 'Lê Hoàng Nam')).toMatchObject({ receivedAll: true });
    expect(rows.find((r) => r.user.fullName === 'Phạm Thị Lan')).toMatchObject({ receivedAll: false, openedAny: false });
    expect((await t.request('GET', `/api/meetings/${meetingId}/delivery`, { cookie: member })).status).toBe(403);
    const bad = await socket.emitWithAck('pack:report-delivery', { meetingId: 'nope', items: [] });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });

  async function newVersion(documentId: string, body: Buffer, name: string, note: string): Promise<DocumentDto> {
    const res = await t.request('POST', `/api/documents/${documentId}/versions`, {
      cookie: f.secretary,
      body: body as unknown as string,
      headers: { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent(name), 'x-change-note': encodeURIComponent(note) },
    });
    return json<DocumentDto>(res, 201);
  }
});

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}
