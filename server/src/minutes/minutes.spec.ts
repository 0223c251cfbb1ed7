import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { flattenFacts, type MeetingEventDto, type MinutesDto, type MinutesFacts, type MinutesVerificationDto } from '@phonghop/shared';
import { FakeClock } from '../common/clock.js';
import { MeetingEventEntity } from '../live/meeting-event.entity.js';
import { json } from '../testing/factories.js';
import { VoteBallotEntity } from '../votes/vote-records.entity.js';
import { ABSENCE_REASON, CONCLUSIONS, MinutesKit, pageOnePng, pdfText, type ScriptedMeeting, SUMMARIES, zipEntry } from './minutes-test-kit.js';

const onPostgres = Boolean(process.env.DATABASE_URL);

/**
 * Each fact checked against the stored log independently of the builder: the event at each of its seqs has the
 * type and payload the fact claims, and the fact's times are those events' times.
 */
function expectFactsMatchLog(facts: MinutesFacts, events: MeetingEventDto[]): void {
  const at = (seq: number) => {
    const e = events.find((x) => x.seq === seq);
    if (!e) throw new Error(`no event ${seq}`);
    return e;
  };
  const payload = (seq: number) => at(seq).payload as Record<string, unknown>;
  expect(at(facts.started!.seq)).toMatchObject({
    type: 'meeting.started',
    at: facts.started!.at,
  });
  expect(at(facts.ended!.seq)).toMatchObject({
    type: 'meeting.ended',
    at: facts.ended!.at,
  });
  for (const a of facts.attendance) {
    const last = at(a.seqs.at(-1)!);
    expect(last.type).toBe('attendance.marked');
    expect(last.payload).toMatchObject({
      userId: a.userId,
      state: a.state,
      ...(a.reason ? { reason: a.reason } : {}),
    });
  }
  for (const item of facts.items) {
    expect(at(item.openSeqs[0])).toMatchObject({
      type: 'agenda.item-opened',
      payload: { itemId: item.itemId },
      at: item.startedAt,
    });
    expect(at(item.closeSeqs.at(-1)!).at).toBe(item.endedAt);
  }
  for (const turn of facts.turns) {
    expect(at(turn.seq)).toMatchObject({
      type: 'speaker.granted',
      payload: { userId: turn.userId },
      at: turn.startedAt,
    });
    expect(['speaker.granted', 'speaker.turn-ended', 'meeting.ended']).toContain(at(turn.endSeq!).type);
    expect(turn.durationMs).toBe(Date.parse(turn.endedAt!) - Date.parse(turn.startedAt));
  }
  for (const vote of facts.votes) {
    expect(at(vote.openSeq)).toMatchObject({
      type: 'vote.opened',
      payload: {
        voteId: vote.voteId,
        question: vote.question,
        kind: vote.kind,
        rule: vote.rule,
      },
      at: vote.openedAt,
    });
    expect(payload(vote.openSeq).eligible).toHaveLength(vote.eligibleCount);
    expect(at(vote.closeSeq!)).toMatchObject({
      type: 'vote.closed',
      payload: { voteId: vote.voteId, castCount: vote.castCount },
      at: vote.closedAt,
    });
    expect(at(vote.publishSeq!)).toMatchObject({
      type: 'vote.published',
      payload: { voteId: vote.voteId, result: vote.result },
    });
    for (const v of vote.voters)
      expect(at(v.seq)).toMatchObject({
        type: 'vote.ballot-cast',
        payload: { voteId: vote.voteId, voterUserId: v.userId },
      });
  }
}

describe(`minutes drafted from the event log (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  const clock = new FakeClock(new Date('2026-12-15T00:00:00Z'));
  let kit: MinutesKit;
  let s: ScriptedMeeting;
  let minutes: MinutesDto;

  beforeAll(async () => {
    kit = await MinutesKit.start(clock);
    s = await kit.scriptedMeeting();
    minutes = await kit.minutes(s.meetingId);
  });
  afterAll(() => kit?.close());

  const ids = () => kit.k.ids;

  it('has a draft from the start of the meeting, and none before', async () => {
    const { meeting } = await kit.k.f.readyMeeting();
    expect(await json(await kit.call('secretary', 'GET', `/api/meetings/${meeting.id}/minutes`), 409)).toMatchObject({ code: 'MINUTES_NOT_STARTED' });
    expect(minutes).toMatchObject({
      status: 'draft',
      version: expect.any(Number),
      header: {
        org: 'ỦY BAN NHÂN DÂN HUYỆN PHỤNG HIỆP',
        place: 'Phụng Hiệp',
        docSuffix: 'BB-UBND',
      },
    });
  });

  it('produces a draft whose every fact matches the event log', async () => {
    const f = minutes.facts;
    const events = await kit.events(s.meetingId);
    expect(f.lastSeq).toBe(events.at(-1)!.seq);
    expect(f.headHash).toBe(events.at(-1)!.hash);
    expectFactsMatchLog(f, events);
    // attendance: one absence with its reason, the substitute present in the member's place, the guest
    const state = (userId: string) => f.attendance.find((a) => a.userId === userId);
    expect(state(ids().son)).toMatchObject({
      state: 'absent',
      reason: ABSENCE_REASON,
    });
    expect(state(ids().sub)).toMatchObject({ state: 'present_in_person' });
    expect(state(ids().lan)).toBeUndefined();
    expect(state(ids().guest)).toMatchObject({ state: 'present_in_person' });
    expect(minutes.seats.find((x) => x.userId === ids().lan)).toMatchObject({
      rsvp: 'delegated',
      substituteUserId: ids().sub,
    });
    // two items in the order handled, three speakers in order, under their items
    expect(f.items.map((i) => i.itemId)).toEqual(s.items);
    expect(f.turns.map((t) => [t.seq, t.userId, t.itemId])).toEqual([
      [s.turns.nam, ids().nam, s.items[0]],
      [s.turns.sub, ids().sub, s.items[0]],
      [s.turns.chair, ids().chair, s.items[1]],
    ]);
    expect(f.turns.map((t) => t.durationMs)).toEqual([200_000, 95_000, 140_000]);
    // the votes: question, kind, rule, counts and result; the named one with every member's choice
    const [named, secret] = f.votes;
    expect(named).toMatchObject({
      voteId: s.namedVoteId,
      itemId: s.items[0],
      kind: 'named',
      rule: 'majority_of_present',
      eligibleCount: 3,
      castCount: 3,
      status: 'published',
    });
    expect(named.result).toMatchObject({
      outcome: 'passed',
      cast: 3,
      options: [
        { key: 'yes', count: 2 },
        { key: 'no', count: 1 },
        { key: 'abstain', count: 0 },
      ],
    });
    expect(secret).toMatchObject({
      voteId: s.secretVoteId,
      itemId: s.items[1],
      kind: 'secret',
      rule: 'majority_of_all',
      castCount: 3,
    });
    expect(secret.result).toMatchObject({
      outcome: 'passed',
      totalMembers: 4,
      threshold: 3,
      options: [
        { key: 'yes', count: 3 },
        { key: 'no', count: 0 },
        { key: 'abstain', count: 0 },
      ],
    });
    expect(minutes.namedBallots[s.namedVoteId]).toEqual(
      expect.arrayContaining([
        { seatUserId: ids().chair, choices: ['yes'] },
        { seatUserId: ids().nam, choices: ['yes'] },
        { seatUserId: ids().lan, choices: ['no'] }, // the substitute voted in lan's seat
      ]),
    );
    expect(minutes.namedBallots[s.secretVoteId]).toBeUndefined();
    // free text, typed live, keyed by the facts
    expect(minutes.notes).toMatchObject({
      [`turn:${s.turns.nam}`]: SUMMARIES.nam,
      [`item:${s.items[1]}:conclusion`]: CONCLUSIONS[1],
    });
  });

  it('verifyMinutes confirms each fact against the hash-chained log', async () => {
    const v = await json<MinutesVerificationDto>(await kit.call('secretary', 'GET', `/api/meetings/${s.meetingId}/minutes/verification`));
    expect(v.chain).toMatchObject({ ok: true, lastSeq: minutes.facts.lastSeq });
    expect(v.headMatches).toBe(true);
    expect(v.checks.filter((c) => !c.ok)).toEqual([]);
    const keys = flattenFacts(minutes.facts).map((f) => f.key);
    expect(v.checks.map((c) => c.key)).toEqual([...keys, `ballots:${s.namedVoteId}`]);
    expect(v.ok).toBe(true);
  });

  it('renders the PDF with the ND 30 header and Vietnamese names that read back with their diacritics', async () => {
    const res = await kit.call('secretary', 'GET', `/api/meetings/${s.meetingId}/minutes/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="bien-ban-du-thao-${s.meetingId.slice(0, 8)}.pdf"; filename*=UTF-8''bien-ban-du-thao-${s.meetingId.slice(0, 8)}.pdf`,
    );
    const pdf = Buffer.from(await res.arrayBuffer());
    const text = pdfText(pdf);
    expect(text).toBe(text.normalize('NFC'));
    const lines = text.split('\n').map((l) => l.trim());
    for (const line of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'UBND TỈNH HẬU GIANG',
      'BIÊN BẢN',
      'Số: 15/BB-UBND',
      'Phụng Hiệp, ngày 15 tháng 12 năm 2026',
    ]) {
      expect(lines).toContain(line);
    }
    expect(text.replace(/\s+/g, ' ')).toContain('ỦY BAN NHÂN DÂN HUYỆN PHỤNG HIỆP');
    const flat = text.replace(/\s+/g, ' ');
    for (const name of ['Trần Văn Minh', 'Lê Hoàng Nam', 'Đặng Thị Mai', 'Phạm Thị Lan', 'Bùi Thanh Sơn', 'Huỳnh Văn Tâm', 'Nguyễn Thị Thu Hà'])
      expect(flat).toContain(name);
    expect(flat).toContain(`lý do: ${ABSENCE_REASON}`);
    expect(flat).toContain('dự thay Phạm Thị Lan');
    expect(flat).toContain(SUMMARIES.sub);
    expect(flat).toContain('Biểu quyết ghi danh');
    expect(flat).toContain('Thông qua.');
    expect(flat).toContain('(Dự thảo)');
    const fonts = execFileSync('pdffonts', ['-'], {
      input: pdf,
      encoding: 'utf8',
    });
    expect(fonts).toMatch(/Tinos-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    const png = pageOnePng(pdf, `minutes-draft-${onPostgres ? 'pg' : 'sqlite'}`);
    expect(fs.statSync(png).size).toBeGreaterThan(10_000);
  });

  it('gives the same content as DOCX', async () => {
    const res = await kit.call('secretary', 'GET', `/api/meetings/${s.meetingId}/minutes/docx`);
    expect(res.status).toBe(200);
    const docx = Buffer.from(await res.arrayBuffer());
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const xml = zipEntry(docx, 'word/document.xml');
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain(SUMMARIES.nam);
  });

  it('fails verification when one stored event is altered, naming the event and the fact', async () => {
    const db = kit.t.dataSource;
    const events = db.getRepository(MeetingEventEntity);
    const published = await events.findOneByOrFail({
      meetingId: s.meetingId,
      seq: minutes.facts.votes[1].publishSeq!,
    });
    const tampered = structuredClone(published.payload) as {
      result: { options: Array<{ count: number }> };
    };
    tampered.result.options[0].count = 2;
    await events.update({ id: published.id }, { payload: tampered });
    try {
      const v = await json<MinutesVerificationDto>(await kit.call('secretary', 'GET', `/api/meetings/${s.meetingId}/minutes/verification`));
      expect(v.ok).toBe(false);
      expect(v.chain).toEqual({
        ok: false,
        brokenAtSeq: published.seq,
        reason: 'hash-mismatch',
      });
      expect(v.checks.find((c) => c.key === `vote:${s.secretVoteId}`)).toMatchObject({
        ok: false,
        problem: 'Nội dung khác với nhật ký cuộc họp.',
      });
      expect(v.checks.find((c) => c.key === `attendance:${ids().son}`)).toMatchObject({ ok: true });
    } finally {
      await events.update({ id: published.id }, { payload: published.payload as object });
    }
    expect((await json<MinutesVerificationDto>(await kit.call('secretary', 'GET', `/api/meetings/${s.meetingId}/minutes/verification`))).ok).toBe(
      true,
    );
  });

  it('fails verification when a named ballot is changed, though the log is intact', async () => {
    const ballots = kit.t.dataSource.getRepository(VoteBallotEntity);
    await ballots.update({ voteId: s.namedVoteId, seatUserId: ids().lan }, { choices: ['yes'] });
    const v = await json<MinutesVerificationDto>(await kit.call('secretary', 'GET', `/api/meetings/${s.meetingId}/minutes/verification`));
    expect(v.chain.ok).toBe(true);
    expect(v.ok).toBe(false);
    expect(v.checks.find((c) => c.key === `ballots:${s.namedVoteId}`)).toMatchObject({
      ok: false,
      problem: 'Số phiếu "Đồng ý" khác với kết quả đã công bố.',
    });
    await ballots.update({ voteId: s.namedVoteId, seatUserId: ids().lan }, { choices: ['no'] });
  });
});
