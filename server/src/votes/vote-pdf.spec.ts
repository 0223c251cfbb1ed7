import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { VoteDetailDto } from '@phonghop/shared';
import { FakeClock } from '../common/clock.js';
import { pageOnePng, pdfText } from '../minutes/minutes-test-kit.js';
import { json } from '../testing/factories.js';
import { type Who, VoteKit, yesNo } from './vote-test-kit.js';

const onPostgres = Boolean(process.env.DATABASE_URL);

const NAMED_QUESTION = 'Thông qua dự toán ngân sách bổ sung năm 2027 cho xã Hòa Mỹ';
const SECRET_QUESTION = 'Giới thiệu nhân sự Phó Chủ tịch Ủy ban nhân dân huyện';
const DRAFT_QUESTION = 'Dự thảo chưa mở: điều chỉnh quy hoạch';

describe(`vote results as PDF (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  const clock = new FakeClock(new Date('2026-12-15T01:30:00Z'));
  let k: VoteKit;
  let meetingId: string;
  let named: string;
  let secret: string;
  let draft: string;
  let names: string[];

  const get = (who: Who | null, url: string) => k.t.request('GET', url, who ? { cookie: k.cookies[who] } : {});
  const pdfOf = async (who: Who, url: string) => {
    const res = await get(who, url);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };
  const flat = (text: string) => text.replace(/\s+/g, ' ');

  beforeAll(async () => {
    k = await VoteKit.start(clock);
    ({ meetingId } = await k.liveMeeting());
    named = await k.openVote(meetingId, yesNo({ kind: 'named', question: NAMED_QUESTION }));
    await k.cast('nam', meetingId, named, ['yes']);
    await k.cast('chair', meetingId, named, ['no']);
    await k.ok('chair', meetingId, 'vote:close', { voteId: named });
    clock.advance(60_000); // the meeting's export lists votes in the order they were created
    secret = await k.openVote(meetingId, yesNo({ kind: 'secret', question: SECRET_QUESTION }));
    await k.cast('nam', meetingId, secret, ['no']);
    await k.cast('lan', meetingId, secret, ['yes']);
    await k.ok('chair', meetingId, 'vote:close', { voteId: secret });
    clock.advance(60_000);
    draft = await k.createVote(meetingId, yesNo({ question: DRAFT_QUESTION }));
    const detail = await json<VoteDetailDto>(await get('secretary', `/api/votes/${secret}`));
    names = detail.seats.map((s) => s.fullName);
  });
  afterAll(() => k.close());

  it('exports a named vote on A4 with the ND 30 header, Tinos embedded, the outcome and every member’s choice in Vietnamese', async () => {
    const res = await get('secretary', `/api/votes/${named}/export.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Ket qua bieu quyet - ${'Thông qua dự toán ngân sách bổ sung năm 2027 cho xã Hòa Mỹ'
        .normalize('NFD')
        .replace(/\p{M}/gu, '')}.pdf"; filename*=UTF-8''${encodeURIComponent(`Kết quả biểu quyết - ${NAMED_QUESTION}.pdf`)}`,
    );
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // page 1 as PNG in test/output/ (git-ignored), for a person to look at
    expect(fs.statSync(pageOnePng(pdf, `votes-named-${onPostgres ? 'pg' : 'sqlite'}`)).size).toBeGreaterThan(10_000);

    const fonts = execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' });
    expect(fonts).toMatch(/Tinos-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(fonts).toMatch(/Tinos-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    // every font is an embedded subset of Tinos: nothing left to the reader's system fonts
    const rows = fonts.split('\n').slice(2).filter(Boolean);
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+Tinos-\S+ .* yes\s+yes\s+yes\s+\d+\s+\d+$/);
    const info = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);

    const text = pdfText(pdf);
    expect(text).toBe(text.normalize('NFC'));
    const all = flat(text);
    for (const line of ['ỦY BAN NHÂN DÂN HUYỆN PHỤNG HIỆP', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'KẾT QUẢ BIỂU QUYẾT'])
      expect(all).toContain(line);
    expect(all).toContain('Phụng Hiệp, ngày 15 tháng 12 năm 2026');
    expect(all).toContain(NAMED_QUESTION);
    expect(all).toContain('Biểu quyết ghi danh');
    expect(all).toContain('Quá nửa số thành viên có mặt');
    expect(all).toContain('Kết quả: Không thông qua');

    const table = pdfText(pdf, true);
    expect(table).toMatch(/Đồng ý\s+1\s+33,33%/);
    expect(table).toMatch(/Không đồng ý\s+1\s+33,33%/);
    expect(table).toMatch(/1\s+Trần Văn Minh\s+Không đồng ý/);
    expect(table).toMatch(/\d\s+Lê Hoàng Nam\s+Đồng ý/);
    expect(table).toMatch(/\d\s+Phạm Thị Lan\s+Chưa biểu quyết/);
    // son was absent at opening: not eligible, not in the table
    const absent = names.find((n) => !['Trần Văn Minh', 'Lê Hoàng Nam', 'Phạm Thị Lan'].includes(n))!;
    expect(all).not.toContain(absent);
  });

  it('exports a secret vote with counts only: no member’s name anywhere in the file', async () => {
    const pdf = await pdfOf('chair', `/api/votes/${secret}/export.pdf`);
    const text = flat(pdfText(pdf));
    expect(text).toContain(SECRET_QUESTION);
    expect(text).toContain('Bỏ phiếu kín');
    expect(text).toContain('Kết quả: Không thông qua');
    expect(pdfText(pdf, true)).toMatch(/Đồng ý\s+1\s+33,33%/);
    expect(names.length).toBe(4);
    for (const name of names) expect(text).not.toContain(name);
  });

  it('exports every vote of the meeting but the draft, each with what the CSV would show', async () => {
    const res = await get('chair', `/api/meetings/${meetingId}/votes/export.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Ket qua bieu quyet - [\x20-\x7e]+\.pdf"; filename\*=UTF-8''K%E1%BA%BFt%20qu%E1%BA%A3%20/);
    const text = flat(pdfText(Buffer.from(await res.arrayBuffer())));
    expect(text).toContain('Biểu quyết 1/2');
    expect(text).toContain('Biểu quyết 2/2');
    expect(text).toContain(NAMED_QUESTION);
    expect(text).toContain(SECRET_QUESTION);
    expect(text).not.toContain(DRAFT_QUESTION);
    const secretPart = text.slice(text.indexOf('Biểu quyết 2/2'));
    for (const name of names) expect(secretPart).not.toContain(name);
  });

  it('follows the CSV’s permissions: outsiders and drafts refused, results hidden from members until published', async () => {
    for (const url of [`/api/votes/${named}/export.pdf`, `/api/meetings/${meetingId}/votes/export.pdf`]) {
      expect((await get('outsider', url)).status).toBe(404);
      expect((await get(null, url)).status).toBe(401);
    }
    for (const who of ['nam', 'guest'] as const) {
      expect((await get(who, `/api/votes/${draft}/export.pdf`)).status).toBe(404);
      expect((await get(who, `/api/votes/${draft}/export.csv`)).status).toBe(404);
    }
    // the guest gets exactly what the CSV gives them
    for (const [csv, pdf] of [
      [`/api/votes/${named}/export.csv`, `/api/votes/${named}/export.pdf`],
      [`/api/meetings/${meetingId}/votes/export.csv`, `/api/meetings/${meetingId}/votes/export.pdf`],
    ])
      expect((await get('guest', pdf)).status).toBe((await get('guest', csv)).status);

    const early = flat(pdfText(await pdfOf('nam', `/api/votes/${named}/export.pdf`)));
    expect(early).toContain(NAMED_QUESTION);
    expect(early).toContain('Kết quả chưa được công bố.');
    expect(early).not.toContain('Không thông qua');
    expect(early).not.toContain('Lê Hoàng Nam');
    expect(flat(pdfText(await pdfOf('guest', `/api/meetings/${meetingId}/votes/export.pdf`)))).not.toContain('Không thông qua');

    await k.ok('chair', meetingId, 'vote:publish', { voteId: named });
    const published = pdfText(await pdfOf('nam', `/api/votes/${named}/export.pdf`), true);
    expect(flat(published)).toContain('Kết quả: Không thông qua');
    expect(published).toMatch(/\d\s+Lê Hoàng Nam\s+Đồng ý/);
  });
});
