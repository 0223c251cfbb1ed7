import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MinutesCommentDto, MinutesDto, MinutesRevisionDto, SignatureStatusDto } from '@phonghop/shared';
import { FakeClock } from '../common/clock.js';
import { json } from '../testing/factories.js';
import { MinutesKit, pageOnePng, pdfText, type ScriptedMeeting, SUMMARIES } from './minutes-test-kit.js';
import { DEMO_CERTIFICATE_LABEL } from './signing/demo-certificate.js';

const onPostgres = Boolean(process.env.DATABASE_URL);

describe(`minutes: editing, approval and signature (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  const clock = new FakeClock(new Date('2026-12-15T00:00:00Z'));
  let kit: MinutesKit;
  let s: ScriptedMeeting;
  const url = () => `/api/meetings/${s.meetingId}/minutes`;
  const minutes = (who: 'secretary' | 'chair' | 'nam' = 'secretary') => kit.minutes(s.meetingId, who);
  const notesAndHistory = async () => ({
    minutes: await minutes(),
    revisions: await json<MinutesRevisionDto[]>(await kit.call('secretary', 'GET', `${url()}/revisions`)),
  });

  beforeAll(async () => {
    kit = await MinutesKit.start(clock);
    s = await kit.scriptedMeeting({ end: false });
  });
  afterAll(() => kit?.close());

  it('keeps the draft to the secretary and the chair until the chair shares it; guests never see it', async () => {
    expect(await json(await kit.call('nam', 'GET', url()), 403)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await json(await kit.call('guest', 'GET', url()), 404)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await json(await kit.call('outsider', 'GET', url()), 404)).toMatchObject({ code: 'NOT_FOUND' });
    expect((await minutes('chair')).can).toEqual({ edit: false, submit: false, approve: false, share: true, comment: true });
    expect(await json(await kit.call('nam', 'PUT', `${url()}/sharing`, { membersCanRead: true }), 403)).toMatchObject({ code: 'FORBIDDEN' });
    await json(await kit.call('chair', 'PUT', `${url()}/sharing`, { membersCanRead: true }));
    const forNam = await minutes('nam');
    expect(forNam.notes[`turn:${s.turns.nam}`]).toBe(SUMMARIES.nam);
    expect(forNam.can).toEqual({ edit: false, submit: false, approve: false, share: false, comment: true });
    const comment = await json<MinutesCommentDto>(
      await kit.call('nam', 'POST', `${url()}/comments`, { text: 'Đề nghị ghi rõ số liệu quý IV.', noteKey: `turn:${s.turns.nam}` }),
      201,
    );
    expect(comment).toMatchObject({ by: { fullName: 'Lê Hoàng Nam' }, noteKey: `turn:${s.turns.nam}` });
    expect(await json(await kit.call('guest', 'GET', `${url()}/comments`), 404)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets only the secretary write; a stale version, an unknown key or bad input change nothing', async () => {
    const before = await notesAndHistory();
    const { version } = before.minutes;
    expect(await json(await kit.call('chair', 'PATCH', url(), { version, notes: { 'other-business': 'x' } }), 403)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await json(await kit.call('nam', 'PATCH', url(), { version, notes: { 'other-business': 'x' } }), 403)).toMatchObject({
      code: 'FORBIDDEN',
    });
    const stale = await json<{ code: string; message: string; details: Record<string, string> }>(
      await kit.call('secretary', 'PATCH', url(), { version: version - 1, notes: { 'other-business': 'x' } }),
      409,
    );
    expect(stale).toEqual({
      code: 'MINUTES_VERSION_CONFLICT',
      message: expect.stringContaining('Biên bản vừa được người khác cập nhật'),
      details: { version: String(version) },
    });
    expect(await json(await kit.call('secretary', 'PATCH', url(), { version, notes: { 'turn:999999': 'x' } }), 422)).toMatchObject({
      code: 'MINUTES_NOTE_KEY_UNKNOWN',
    });
    expect(await json(await kit.call('secretary', 'PATCH', url(), { version, notes: { 'bogus-key': 'x' } }), 400)).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Dữ liệu gửi lên không hợp lệ.',
    });
    expect(await json(await kit.call('secretary', 'PATCH', url(), { version, notes: {} }), 400)).toMatchObject({
      details: { notes: 'Không có nội dung nào thay đổi.' },
    });
    expect(await notesAndHistory()).toEqual(before);
  });

  it('saves each autosave as a new version with who, when and what changed; the same text again changes nothing', async () => {
    const { version } = await minutes();
    const saved = await kit.save(s.meetingId, { 'other-business': 'Thống nhất lịch họp tháng 01/2027.' });
    expect(saved).toEqual({ version: version + 1, status: 'draft', savedAt: clock.now().toISOString(), changed: ['other-business'] });
    expect(await kit.save(s.meetingId, { 'other-business': 'Thống nhất lịch họp tháng 01/2027.' })).toMatchObject({
      version: version + 1,
      changed: [],
    });
    const [latest] = await json<MinutesRevisionDto[]>(await kit.call('secretary', 'GET', `${url()}/revisions`));
    expect(latest).toEqual({
      version: version + 1,
      at: clock.now().toISOString(),
      by: expect.objectContaining({ fullName: 'Nguyễn Thị Thu Hà' }),
      action: 'edit',
      changes: [{ key: 'other-business', before: null, after: 'Thống nhất lịch họp tháng 01/2027.' }],
    });
  });

  it('cannot be submitted before the meeting ends, nor by anyone but the secretary', async () => {
    const { version } = await minutes();
    expect(await json(await kit.call('secretary', 'POST', `${url()}/submit`, { version }), 409)).toMatchObject({ code: 'MINUTES_MEETING_NOT_ENDED' });
    clock.advance(10 * 60_000);
    await kit.k.ok('chair', s.meetingId, 'meeting:end');
    expect(await json(await kit.call('chair', 'POST', `${url()}/submit`, { version }), 403)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await json(await kit.call('nam', 'POST', `${url()}/submit`, { version }), 403)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('goes secretary → chair → returned with a comment → resubmitted; only the chair decides', async () => {
    let m = await minutes();
    expect(m.facts.ended).not.toBeNull();
    m = await json<MinutesDto>(await kit.call('secretary', 'POST', `${url()}/submit`, { version: m.version }));
    expect(m).toMatchObject({ status: 'submitted', can: { edit: false, submit: false } });
    expect(await json(await kit.call('secretary', 'PATCH', url(), { version: m.version, notes: { 'other-business': 'y' } }), 409)).toMatchObject({
      code: 'MINUTES_LOCKED',
    });
    expect(await json(await kit.call('secretary', 'POST', `${url()}/approve`, { version: m.version }), 403)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await json(await kit.call('nam', 'POST', `${url()}/approve`, { version: m.version }), 403)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await json(await kit.call('chair', 'POST', `${url()}/return`, { version: m.version, comment: ' ' }), 400)).toMatchObject({
      details: { comment: 'Vui lòng ghi ý kiến khi trả lại biên bản.' },
    });
    m = await json<MinutesDto>(await kit.call('chair', 'POST', `${url()}/return`, { version: m.version, comment: 'Bổ sung kết luận nội dung 2.' }));
    expect(m).toMatchObject({ status: 'draft', returnComment: 'Bổ sung kết luận nội dung 2.' });
    const comments = await json<MinutesCommentDto[]>(await kit.call('secretary', 'GET', `${url()}/comments`));
    expect(comments.at(-1)).toMatchObject({ text: 'Bổ sung kết luận nội dung 2.', by: { fullName: 'Trần Văn Minh' } });
    await kit.save(s.meetingId, { [`item:${s.items[1]}:conclusion`]: 'Giao Phòng Nội vụ hoàn thiện kế hoạch, trình trước ngày 31/12/2026.' });
    m = await json<MinutesDto>(await kit.call('secretary', 'POST', `${url()}/submit`, { version: (await minutes()).version }));
    expect(m.status).toBe('submitted');
    expect(await json(await kit.call('chair', 'POST', `${url()}/approve`, { version: m.version - 1 }), 409)).toMatchObject({
      code: 'MINUTES_VERSION_CONFLICT',
    });
  });

  it('approval freezes and signs the PDF; a member downloads it and the signature verifies', async () => {
    clock.set(new Date('2026-12-15T07:30:05.678Z'));
    const m = await json<MinutesDto>(await kit.call('chair', 'POST', `${url()}/approve`, { version: (await minutes()).version }));
    expect(m).toMatchObject({ status: 'approved', approvedAt: '2026-12-15T07:30:05.000Z' });
    expect(m.signed).toMatchObject({
      number: 1,
      signer: { fullName: 'Trần Văn Minh', position: 'Chủ tịch UBND huyện' },
      demoCertificate: true,
      supersededAt: null,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const res = await kit.call('nam', 'GET', `${url()}/signed.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-signature-valid')).toBe('true');
    expect(res.headers.get('x-minutes-sha256')).toBe(m.signed!.sha256);
    const pdf = Buffer.from(await res.arrayBuffer());
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Ký bởi: Trần Văn Minh');
    expect(text).toContain('Chức vụ: Chủ tịch UBND huyện');
    expect(text).toContain('Thời gian ký: 2026-12-15T14:30:05+07:00');
    expect(text).toContain(DEMO_CERTIFICATE_LABEL);
    expect(text).not.toContain('(Dự thảo)');
    pageOnePng(pdf, `minutes-signed-${onPostgres ? 'pg' : 'sqlite'}`);

    const status = await json<SignatureStatusDto>(await kit.call('nam', 'GET', `${url()}/signature`));
    expect(status).toMatchObject({
      signed: true,
      valid: true,
      sha256Matches: true,
      digestMatches: true,
      signatureMatches: true,
      coversWholeFile: true,
      signingTime: '2026-12-15T07:30:05.000Z',
      demoCertificate: true,
      problem: null,
    });
    expect(status.signer).toContain(`CN=${DEMO_CERTIFICATE_LABEL}`);
    // the current PDF of approved minutes is the signed file itself
    const current = await kit.call('secretary', 'GET', `${url()}/pdf`);
    expect(current.headers.get('x-signature-valid')).toBe('true');
    expect(Buffer.from(await current.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('reports a signed file changed on disk (one byte flipped) as not valid', async () => {
    const { signed } = await minutes();
    const file = path.join(kit.t.dataDir, 'minutes', signed!.sha256.slice(0, 2), `${signed!.sha256}.pdf`);
    const original = fs.readFileSync(file);
    const flipped = Buffer.from(original);
    flipped[Math.floor(flipped.length / 3)] ^= 0x01;
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, flipped);
    try {
      const status = await json<SignatureStatusDto>(await kit.call('chair', 'GET', `${url()}/signature`));
      expect(status).toMatchObject({ valid: false, sha256Matches: false, digestMatches: false });
      expect((await kit.call('nam', 'GET', `${url()}/signed.pdf`)).headers.get('x-signature-valid')).toBe('false');
    } finally {
      fs.writeFileSync(file, original);
    }
    expect((await json<SignatureStatusDto>(await kit.call('chair', 'GET', `${url()}/signature`))).valid).toBe(true);
  });

  it('turns any later change into a new version that must be signed again', async () => {
    const saved = await kit.save(s.meetingId, { 'other-business': 'Thống nhất lịch họp tháng 01/2027 vào ngày 12/01.' });
    expect(saved.status).toBe('draft');
    let m = await minutes();
    expect(m.signed).toMatchObject({ number: 1, supersededAt: expect.any(String) });
    const [reopened] = await json<MinutesRevisionDto[]>(await kit.call('secretary', 'GET', `${url()}/revisions`));
    expect(reopened).toMatchObject({ action: 'reopen', version: saved.version });
    const draft = await kit.call('secretary', 'GET', `${url()}/pdf`);
    expect(draft.headers.get('x-signature-valid')).toBeNull();
    expect(pdfText(Buffer.from(await draft.arrayBuffer()))).toContain('(Dự thảo)');
    m = await json<MinutesDto>(await kit.call('secretary', 'POST', `${url()}/submit`, { version: m.version }));
    m = await json<MinutesDto>(await kit.call('chair', 'POST', `${url()}/approve`, { version: m.version }));
    expect(m.signed).toMatchObject({ number: 2, supersededAt: null });
    expect(pdfText(Buffer.from(await (await kit.call('nam', 'GET', `${url()}/signed.pdf`)).arrayBuffer()))).toContain('12/01');
    const first = await kit.call('nam', 'GET', `${url()}/signed.pdf?number=1`);
    expect(first.headers.get('x-signature-valid')).toBe('true');
    expect(await json(await kit.call('nam', 'GET', `${url()}/signed.pdf?number=abc`), 400)).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await json(await kit.call('nam', 'GET', `${url()}/signed.pdf?number=9`), 404)).toMatchObject({ code: 'MINUTES_NOT_SIGNED' });
  });
});
