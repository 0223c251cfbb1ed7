import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { LiveSession, unpackEvents, type VoteDetailDto, type VoteDto } from '@phonghop/shared';
import { FakeClock } from '../common/clock.js';
import { DbWriter } from '../database/db-writer.js';
import { EventLogService } from '../live/event-log.service.js';
import { LiveSnapshotEntity } from '../live/live-snapshot.entity.js';
import { SNAPSHOT_MAX_BEHIND } from '../live/live-state.store.js';
import { json } from '../testing/factories.js';
import { VoteDeadlines } from './vote-deadlines.js';
import { collect, send, VoteKit, yesNo } from './vote-test-kit.js';

const onPostgres = Boolean(process.env.DATABASE_URL);

describe(`voting in the live room (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  const clock = new FakeClock(new Date('2026-12-15T01:30:00Z'));
  let k: VoteKit;

  beforeAll(async () => {
    k = await VoteKit.start(clock);
  });
  afterAll(() => k.close());

  const voteRow = async (voteId: string) => (await k.vote(voteId))!;

  it('runs a vote: draft, edit, open with eligibility fixed, ballots, close with the tally stored, publish; tablets hear each fact in order', async () => {
    const { meetingId, items } = await k.liveMeeting();
    await k.ok('chair', meetingId, 'agenda:open-item', { itemId: items[1] });
    const nam = collect(k.sockets.nam);
    await send(k.sockets.nam, 'live:join', { meetingId });

    const voteId = await k.createVote(meetingId, yesNo({ question: 'Bản nháp' }), 'secretary');
    await k.ok('chair', meetingId, 'vote:update-draft', { voteId, vote: yesNo() });
    // the room learns that a draft exists, not its text; members read it from the opening on
    expect((await k.state(meetingId, 'guest')).voteDrafts).toEqual({ [voteId]: { agendaItemId: items[1], revision: 2 } });
    expect(await json<VoteDto[]>(await k.t.request('GET', `/api/meetings/${meetingId}/votes`, { cookie: k.cookies.nam }))).toEqual([]);
    expect((await k.t.request('GET', `/api/votes/${voteId}`, { cookie: k.cookies.nam })).status).toBe(404);
    expect(await json<VoteDetailDto>(await k.t.request('GET', `/api/votes/${voteId}`, { cookie: k.cookies.secretary }))).toMatchObject({
      status: 'draft',
      question: yesNo().question,
      createdBy: { fullName: 'Nguyễn Thị Thu Hà' },
    });
    const open = await k.ok('chair', meetingId, 'vote:open', { voteId });
    expect(open).toEqual({ ok: true, seq: expect.any(Number), voteId });

    let state = await k.state(meetingId);
    expect(state.openVoteId).toBe(voteId);
    expect(state.votes[voteId]).toMatchObject({ status: 'open', agendaItemId: items[1], eligible: [k.ids.chair, k.ids.nam, k.ids.lan].sort(), totalMembers: 4 });
    expect([...state.votes[voteId].eligible].sort()).toEqual([k.ids.chair, k.ids.nam, k.ids.lan].sort());

    expect(await k.cast('nam', meetingId, voteId, ['yes'])).toMatchObject({ ok: true, voteId });
    expect(await k.cast('lan', meetingId, voteId, ['yes'])).toMatchObject({ ok: true });
    expect(await k.cast('chair', meetingId, voteId, ['no'])).toMatchObject({ ok: true });
    await k.ok('chair', meetingId, 'vote:close', { voteId });

    const row = await voteRow(voteId);
    expect(row.status).toBe('closed');
    expect(row.result).toMatchObject({ outcome: 'passed', cast: 3, eligible: 3, totalMembers: 4, threshold: 2, quorum: { required: 3, presentAtClose: 3, met: true } });
    // before publication the result is the chair's and secretaries' only
    const forNam = await json<VoteDto[]>(await k.t.request('GET', `/api/meetings/${meetingId}/votes`, { cookie: k.cookies.nam }));
    expect(forNam[0]).toMatchObject({ id: voteId, status: 'closed', castCount: 3, eligibleCount: 3, result: null });
    const forChair = await json<VoteDetailDto>(await k.t.request('GET', `/api/votes/${voteId}`, { cookie: k.cookies.chair }));
    expect(forChair.result).toMatchObject({ outcome: 'passed' });

    // who voted is the room's while the vote waits for its result…
    expect((await k.state(meetingId, 'nam')).votes[voteId]).toMatchObject({ status: 'closed', voters: [k.ids.nam, k.ids.lan, k.ids.chair] });

    await k.ok('chair', meetingId, 'vote:publish', { voteId });
    const heard = await nam.until((events) => events.some((e) => e.type === 'vote.published'));
    const types = heard.filter((e) => e.type.startsWith('vote.')).map((e) => e.type);
    expect(types).toEqual(['vote.drafted', 'vote.draft-updated', 'vote.opened', 'vote.ballot-cast', 'vote.ballot-cast', 'vote.ballot-cast', 'vote.closed', 'vote.published']);
    const seqs = heard.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const published = heard.find((e) => e.type === 'vote.published')!;
    expect((published.payload as { result: unknown }).result).toEqual(row.result);
    const cast = heard.filter((e) => e.type === 'vote.ballot-cast').map((e) => e.payload);
    expect(cast[0]).toEqual({ voteId, voterUserId: k.ids.nam, castCount: 1, recordedBySecretary: false });

    state = await k.state(meetingId, 'nam');
    expect(state.openVoteId).toBeNull();
    // …and a published vote keeps its counts, not its lists (LIVE_STATE_VERSION 4)
    expect(state.votes[voteId]).toMatchObject({ status: 'published', castCount: 3, eligible: [], voters: [], result: { outcome: 'passed', cast: 3, eligible: 3 } });
    expect((await json<VoteDto[]>(await k.t.request('GET', `/api/meetings/${meetingId}/votes`, { cookie: k.cookies.nam })))[0].result).toMatchObject({ outcome: 'passed' });
  });

  it('refuses ballots that must not count — guest, display, secretary, outsider, absent member, bad options, a second ballot, a closed vote — changing nothing', async () => {
    const { meetingId } = await k.liveMeeting();
    const voteId = await k.openVote(meetingId);
    expect(await k.cast('nam', meetingId, voteId, ['yes'])).toMatchObject({ ok: true });
    const before = await k.dump();
    const refused: Array<[string, Promise<unknown>, Record<string, unknown>]> = [
      ['guest', k.cast('guest', meetingId, voteId, ['yes']), { code: 'VOTE_NOT_ELIGIBLE', message: 'Không thuộc danh sách thành viên được biểu quyết lần này.' }],
      ['display', k.cast('display', meetingId, voteId, ['yes']), { code: 'VOTE_NOT_ELIGIBLE' }],
      ['secretary', k.cast('secretary', meetingId, voteId, ['yes']), { code: 'VOTE_NOT_ELIGIBLE' }],
      // strangers learn nothing of the meeting, as everywhere else (docs/realtime.md)
      ['outsider', k.cast('outsider', meetingId, voteId, ['yes']), { code: 'NOT_FOUND' }],
      ['a member absent at opening', k.cast('son', meetingId, voteId, ['yes']), { code: 'VOTE_NOT_ELIGIBLE' }],
      ['an unknown option', k.cast('lan', meetingId, voteId, ['maybe']), { code: 'VOTE_INVALID_CHOICE', message: 'Phương án "maybe" không có trong phiếu biểu quyết.' }],
      ['two options', k.cast('lan', meetingId, voteId, ['yes', 'no']), { code: 'VOTE_INVALID_CHOICE', message: 'Chỉ được chọn tối đa 1 phương án.' }],
      ['no option', k.cast('lan', meetingId, voteId, []), { code: 'VALIDATION_FAILED', details: { choices: 'Vui lòng chọn ít nhất một phương án.' } }],
      ['a second ballot', k.cast('nam', meetingId, voteId, ['no']), { code: 'VOTE_ALREADY_CAST', message: 'Bạn đã biểu quyết, không thể bỏ phiếu lại.' }],
      ['an unknown vote', k.cast('lan', meetingId, randomUUID(), ['yes']), { code: 'NOT_FOUND' }],
    ];
    for (const [what, ack, expected] of refused) expect({ what, ack: await ack }).toEqual({ what, ack: { ok: false, ...expected, message: expected.message ?? expect.any(String) } });
    expect(await k.dump()).toEqual(before);

    await k.ok('chair', meetingId, 'vote:close', { voteId });
    const closed = await k.dump();
    expect(await k.cast('lan', meetingId, voteId, ['yes'])).toMatchObject({ ok: false, code: 'VOTE_NOT_OPEN', message: 'Biểu quyết chưa mở hoặc đã kết thúc.' });
    expect(await k.cmd('chair', meetingId, 'vote:close', { voteId })).toMatchObject({ ok: false, code: 'VOTE_NOT_OPEN' });
    expect(await k.cmd('chair', meetingId, 'vote:cancel', { voteId, reason: 'Muộn' })).toMatchObject({ ok: false, code: 'VOTE_INVALID_TRANSITION' });
    expect(await k.dump()).toEqual(closed);
  });

  it('a retried ballot answers its original ack and counts once; the database holds one participation per seat', async () => {
    const { meetingId } = await k.liveMeeting();
    const voteId = await k.openVote(meetingId);
    const key = randomUUID();
    const first = await k.cast('nam', meetingId, voteId, ['yes'], key);
    const after = await k.dump();
    expect(await k.cast('nam', meetingId, voteId, ['yes'], key)).toEqual(first);
    // even with other choices: the key names the first attempt, which took effect
    expect(await k.cast('nam', meetingId, voteId, ['no'], key)).toEqual(first);
    expect(await k.dump()).toEqual(after);
    // the same key twice at once (a retry racing its original) still lands once
    const raced = randomUUID();
    const [a, b] = await Promise.all([k.cast('lan', meetingId, voteId, ['no'], raced), k.cast('lan', meetingId, voteId, ['no'], raced)]);
    expect(a).toEqual(b);
    const rows = await k.db.query(`SELECT seat_user_id FROM vote_participation WHERE vote_id = ${k.param(1)}`, [voteId]);
    expect(rows).toHaveLength(2);
    await expect(
      k.db.query(`INSERT INTO vote_participation (vote_id, seat_user_id, recorded_by_secretary) VALUES (${k.param(1)}, ${k.param(2)}, ${k.param(3)})`, [voteId, k.ids.nam, false]),
    ).rejects.toThrow(/UNIQUE|unique|duplicate/);
  });

  it('fixes who may vote at opening: a late arrival is refused until the chair admits them', async () => {
    const { meetingId } = await k.liveMeeting();
    const voteId = await k.openVote(meetingId);
    await k.ok('secretary', meetingId, 'attendance:mark', { userId: k.ids.son, state: 'present_online' });
    expect(await k.cast('son', meetingId, voteId, ['yes'])).toMatchObject({ ok: false, code: 'VOTE_NOT_ELIGIBLE' });
    expect(await k.cmd('secretary', meetingId, 'vote:admit-late', { voteId, userId: k.ids.son })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await k.cmd('chair', meetingId, 'vote:admit-late', { voteId, userId: k.ids.guest })).toMatchObject({ ok: false, code: 'VOTE_NOT_ELIGIBLE' });
    expect(await k.cmd('chair', meetingId, 'vote:admit-late', { voteId, userId: k.ids.nam })).toMatchObject({ ok: false, code: 'VOTE_ALREADY_ELIGIBLE' });
    expect(await k.ok('chair', meetingId, 'vote:admit-late', { voteId, userId: k.ids.son })).toMatchObject({ voteId });
    expect(await k.cast('son', meetingId, voteId, ['yes'])).toMatchObject({ ok: true });
    const state = await k.state(meetingId);
    expect(state.votes[voteId].eligible).toContain(k.ids.son);
    await k.ok('chair', meetingId, 'vote:close', { voteId });
    expect((await voteRow(voteId)).result).toMatchObject({ eligible: 4, cast: 1 });

    const other = await k.liveMeeting();
    const second = await k.openVote(other.meetingId);
    expect(await k.cmd('chair', other.meetingId, 'vote:admit-late', { voteId: second, userId: k.ids.son })).toMatchObject({ ok: false, code: 'VOTE_NOT_PRESENT' });
  });

  it('a substitute votes in the seat of the member they replace, once for the seat', async () => {
    const { meetingId } = await k.liveMeeting({ present: ['chair', 'nam'], substituteForLan: true });
    expect(await k.ok('sub', meetingId, 'attendance:check-in')).toMatchObject({ ok: true });
    const voteId = await k.openVote(meetingId, yesNo({ kind: 'named' }));
    expect((await k.state(meetingId)).votes[voteId].eligible).toContain(k.ids.lan);
    expect(await k.cast('sub', meetingId, voteId, ['no'])).toMatchObject({ ok: true });
    expect(await k.cast('lan', meetingId, voteId, ['yes'])).toMatchObject({ ok: false, code: 'VOTE_ALREADY_CAST' });
    const events = await k.events(meetingId);
    expect(events.at(-1)).toMatchObject({ type: 'vote.ballot-cast', actorUserId: k.ids.sub, payload: { voterUserId: k.ids.lan } });
    await k.ok('chair', meetingId, 'vote:close', { voteId });
    const detail = await json<VoteDetailDto>(await k.t.request('GET', `/api/votes/${voteId}`, { cookie: k.cookies.chair }));
    expect(detail.ballots).toEqual([{ seatUserId: k.ids.lan, fullName: 'Phạm Thị Lan', choices: ['no'], recordedBySecretary: false }]);
    expect(detail.seats.find((s) => s.seatUserId === k.ids.lan)).toMatchObject({ substituteName: 'Đặng Thị Mai', eligible: true, voted: true });
  });

  it('the secretary records a show-of-hands ballot for a member, marked as such — never for a secret ballot', async () => {
    const { meetingId } = await k.liveMeeting();
    const voteId = await k.openVote(meetingId, yesNo({ kind: 'named' }));
    const record = (who: 'secretary' | 'nam', vote: string, userId: string) => k.cmd(who, meetingId, 'vote:record', { voteId: vote, userId, choices: ['yes'] });
    expect(await record('nam', voteId, k.ids.lan)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await record('secretary', voteId, k.ids.guest)).toMatchObject({ ok: false, code: 'VOTE_NOT_ELIGIBLE' });
    expect(await record('secretary', voteId, k.ids.lan)).toMatchObject({ ok: true });
    expect(await record('secretary', voteId, k.ids.lan)).toMatchObject({ ok: false, code: 'VOTE_ALREADY_CAST', message: 'Thành viên này đã biểu quyết, không thể ghi nhận lại.' });
    const [row] = await k.db.query(`SELECT * FROM vote_ballots WHERE vote_id = ${k.param(1)}`, [voteId]);
    expect(row).toMatchObject({ seat_user_id: k.ids.lan });
    expect(Boolean(row.recorded_by_secretary)).toBe(true);
    await k.ok('chair', meetingId, 'vote:close', { voteId });

    const secret = await k.openVote(meetingId, yesNo({ kind: 'secret' }));
    expect(await record('secretary', secret, k.ids.lan)).toMatchObject({ ok: false, code: 'VOTE_RECORD_NOT_ALLOWED' });
  });

  it('opens only with the meeting in progress, a quorum and no other open vote; only the chair runs a vote', async () => {
    const { meetingId } = await k.liveMeeting({ present: ['chair', 'nam'] }); // 2 of 4: more than half needs 3
    const voteId = await k.createVote(meetingId);
    expect(await k.cmd('nam', meetingId, 'vote:open', { voteId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await k.cmd('guest', meetingId, 'vote:create', { vote: yesNo() })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await k.cmd('chair', meetingId, 'vote:open', { voteId })).toMatchObject({
      ok: false,
      code: 'VOTE_NO_QUORUM',
      message: 'Chưa đủ số thành viên có mặt theo quy định (2/3) nên chưa mở được biểu quyết.',
    });
    const noQuorumNeeded = await k.createVote(meetingId, yesNo({ quorumRequired: false }));
    await k.ok('chair', meetingId, 'vote:open', { voteId: noQuorumNeeded });
    await k.ok('secretary', meetingId, 'attendance:mark', { userId: k.ids.lan, state: 'present_in_person' });
    expect(await k.cmd('chair', meetingId, 'vote:open', { voteId })).toMatchObject({ ok: false, code: 'VOTE_ALREADY_OPEN' });
    expect(await k.cmd('chair', meetingId, 'vote:delete-draft', { voteId: noQuorumNeeded })).toMatchObject({ ok: false, code: 'VOTE_INVALID_TRANSITION' });
    await k.ok('chair', meetingId, 'vote:cancel', { voteId: noQuorumNeeded, reason: 'Nhầm nội dung' });
    await k.ok('chair', meetingId, 'meeting:pause');
    expect(await k.cmd('chair', meetingId, 'vote:open', { voteId })).toMatchObject({ ok: false, code: 'MEETING_NOT_LIVE' });
    await k.ok('chair', meetingId, 'meeting:resume');
    await k.ok('chair', meetingId, 'vote:open', { voteId });
    expect(await k.cmd('chair', meetingId, 'vote:publish', { voteId })).toMatchObject({ ok: false, code: 'VOTE_INVALID_TRANSITION' });
    // the meeting cannot end around an open vote
    expect(await k.cmd('chair', meetingId, 'meeting:end')).toMatchObject({ ok: false, code: 'VOTE_STILL_OPEN' });

    const draft = await k.createVote(meetingId);
    await k.ok('chair', meetingId, 'vote:delete-draft', { voteId: draft });
    expect(await k.vote(draft)).toBeNull();
    const state = await k.state(meetingId);
    expect(state.votes[noQuorumNeeded]).toMatchObject({ status: 'cancelled', cancelReason: 'Nhầm nội dung' });
    expect(state.votes[draft]).toBeUndefined();
    expect(state.voteDrafts[draft]).toBeUndefined();
  });

  it('closes by itself when the countdown ends (by the injected clock), and re-arms the deadline from the database', async () => {
    const { meetingId } = await k.liveMeeting();
    const deadlines = k.t.app.get(VoteDeadlines);
    const voteId = await k.openVote(meetingId, yesNo({ durationSec: 60 }));
    expect((await k.state(meetingId)).votes[voteId].closesAt).toBe(new Date(clock.now().getTime() + 60_000).toISOString());
    await k.cast('nam', meetingId, voteId, ['yes']);
    clock.advance(59_000);
    await deadlines.tick();
    expect((await voteRow(voteId)).status).toBe('open');
    clock.advance(2_000);
    // past the deadline a ballot is refused even before the timer has acted
    expect(await k.cast('lan', meetingId, voteId, ['yes'])).toMatchObject({ ok: false, code: 'VOTE_NOT_OPEN' });
    await deadlines.tick();
    expect((await voteRow(voteId)).status).toBe('closed');
    const closed = (await k.events(meetingId)).filter((e) => e.type === 'vote.closed');
    expect(closed).toEqual([expect.objectContaining({ actorUserId: null, payload: { voteId, castCount: 1, by: 'timer' } })]);

    // A restarted node knows no deadline until it reads them from the database.
    const second = await k.openVote(meetingId, yesNo({ durationSec: 30 }));
    (deadlines as unknown as { armed: Map<string, unknown> }).armed.clear();
    clock.advance(31_000);
    await deadlines.tick();
    expect((await voteRow(second)).status).toBe('open');
    await deadlines.tick(true);
    expect((await voteRow(second)).status).toBe('closed');
    // the chair closing after the timer is refused, and the timer once more appends nothing
    expect(await k.cmd('chair', meetingId, 'vote:close', { voteId: second })).toMatchObject({ ok: false, code: 'VOTE_NOT_OPEN' });
    await deadlines.tick(true);
    expect((await k.events(meetingId)).filter((e) => e.type === 'vote.closed')).toHaveLength(2);
  });

  it('commits a burst of ballots in a few durable transactions; a bad ballot in the batch fails alone', async () => {
    const { meetingId } = await k.liveMeeting({ present: ['chair', 'nam', 'lan', 'son'] });
    const voteId = await k.openVote(meetingId, yesNo({ kind: 'open', showLiveChoices: true }));
    // the display follows the room through a LiveSession: the batch's facts arrive as one live:events message
    const display = new LiveSession(k.sockets.display, meetingId);
    await display.ready();
    const batches: number[] = [];
    k.sockets.display.on('live:events', (batch) => batches.push(unpackEvents(batch).length));
    k.sockets.display.on('live:event', (event) => event.type === 'vote.ballot-cast' && batches.push(-1));
    const writer = k.t.app.get(DbWriter);
    const spy = jest.spyOn(writer, 'transaction');
    const acks = await Promise.all([
      k.cast('chair', meetingId, voteId, ['yes']),
      k.cast('nam', meetingId, voteId, ['yes']),
      k.cast('lan', meetingId, voteId, ['nope']),
      k.cast('son', meetingId, voteId, ['no']),
      k.cast('guest', meetingId, voteId, ['no']),
    ]);
    const durable = spy.mock.calls.filter(([, options]) => options?.durable).length;
    spy.mockRestore();
    expect(acks.map((a) => a.ok)).toEqual([true, true, false, true, false]);
    expect(acks[2]).toMatchObject({ code: 'VOTE_INVALID_CHOICE' });
    expect(durable).toBeGreaterThanOrEqual(1);
    expect(durable).toBeLessThan(4);
    const state = await k.state(meetingId);
    expect(state.votes[voteId]).toMatchObject({ castCount: 3, liveCounts: { yes: 2, no: 1, abstain: 0 } });
    expect(new Set(acks.filter((a) => a.ok).map((a) => a.seq)).size).toBe(3);
    const last = Math.max(...acks.filter((a) => a.ok).map((a) => a.seq!));
    for (let i = 0; i < 100 && display.view.seq < last; i++) await new Promise((r) => setTimeout(r, 10));
    // every fact once: in one live:events per batch of several, alone (−1) otherwise
    expect(batches.reduce((a, b) => a + Math.abs(b), 0)).toBe(3);
    if (durable === 1) expect(batches).toEqual([3]);
    expect({ seq: display.view.seq, state: display.view.state }).toEqual({ seq: last, state });
    display.close();
  });

  it('leaves a batch of ballots to the next load instead of rewriting the snapshot, until it is SNAPSHOT_MAX_BEHIND behind', async () => {
    const { meetingId } = await k.liveMeeting({ present: ['chair', 'nam', 'lan'] });
    const voteId = await k.openVote(meetingId, yesNo());
    const stored = () => k.db.getRepository(LiveSnapshotEntity).findOneByOrFail({ meetingId });
    const opened = (await stored()).seq;
    const nam = await k.cast('nam', meetingId, voteId, ['yes']);
    expect(nam.seq).toBe(opened + 1);
    expect((await stored()).seq).toBe(opened); // the ballot is in the log, not in the snapshot
    // the room still sees it: a join replays the tail
    expect((await k.state(meetingId)).votes[voteId]).toMatchObject({ castCount: 1, voters: [k.ids.nam] });
    // a long tail (here: other facts appended without a snapshot), then one more ballot: the snapshot is rewritten
    const log = k.t.app.get(EventLogService);
    for (let i = 0; i < SNAPSHOT_MAX_BEHIND - 2; i++) {
      await log.appendInTransaction({ meetingId, type: i % 2 ? 'speaker.withdrawn' : 'speaker.requested', payload: { userId: k.ids.son }, actorUserId: k.ids.son });
    }
    const lan = await k.cast('lan', meetingId, voteId, ['no']);
    const after = await stored();
    expect(after.seq).toBe(lan.seq);
    expect(after.state).toEqual(await k.state(meetingId));
    expect(after.state.votes[voteId]).toMatchObject({ castCount: 2, voters: [k.ids.nam, k.ids.lan] });
  });

  it('lets a ballot change when the vote allows it, keeping one ballot per seat', async () => {
    const { meetingId } = await k.liveMeeting();
    const voteId = await k.openVote(meetingId, yesNo({ allowChange: true, showLiveChoices: true }));
    await k.cast('nam', meetingId, voteId, ['yes']);
    await k.cast('nam', meetingId, voteId, ['no']);
    const state = await k.state(meetingId);
    expect(state.votes[voteId]).toMatchObject({ castCount: 1, voters: [k.ids.nam], liveCounts: { yes: 0, no: 1, abstain: 0 } });
    await k.ok('chair', meetingId, 'vote:close', { voteId });
    expect((await voteRow(voteId)).result).toMatchObject({ cast: 1, options: [{ key: 'yes', count: 0 }, { key: 'no', count: 1 }, { key: 'abstain', count: 0 }] });
  });

  it('exports a vote and all votes of a meeting as CSV for Excel: BOM, each member’s choice for a named vote, counts only for a secret one', async () => {
    const { meetingId } = await k.liveMeeting();
    const named = await k.openVote(meetingId, yesNo({ kind: 'named', question: 'Thông qua dự toán "bổ sung" năm 2027' }));
    await k.cast('nam', meetingId, named, ['yes']);
    await k.cast('chair', meetingId, named, ['no']);
    await k.ok('chair', meetingId, 'vote:close', { voteId: named });
    clock.advance(60_000); // the export lists votes in the order they were created
    const secret = await k.openVote(meetingId, yesNo({ kind: 'secret', question: 'Giới thiệu nhân sự' }));
    await k.cast('nam', meetingId, secret, ['no']);
    await k.cast('lan', meetingId, secret, ['yes']);
    await k.ok('chair', meetingId, 'vote:close', { voteId: secret });

    const res = await k.t.request('GET', `/api/votes/${named}/export.csv`, { cookie: k.cookies.secretary });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toContain('"Nội dung biểu quyết","Thông qua dự toán ""bổ sung"" năm 2027"\r\n');
    expect(text).toContain('"Hình thức","Biểu quyết ghi danh"');
    expect(text).toContain('"Kết quả","Không thông qua"');
    expect(text).toContain('"Lê Hoàng Nam","Đồng ý",""');
    expect(text).toContain('"Trần Văn Minh","Không đồng ý",""');
    expect(text).toContain('"Phạm Thị Lan","Chưa biểu quyết",""');

    const all = await (await k.t.request('GET', `/api/meetings/${meetingId}/votes/export.csv`, { cookie: k.cookies.chair })).text();
    expect(all).toContain('"Biểu quyết 1/2"');
    expect(all).toContain('"Biểu quyết 2/2"');
    const secretBlock = all.slice(all.indexOf('"Biểu quyết 2/2"'));
    expect(secretBlock).toContain('"Bỏ phiếu kín"');
    expect(secretBlock).toContain('"Đồng ý",1,');
    expect(secretBlock).not.toContain('"Thành viên","Lựa chọn"');
    // members see neither result before publication
    const early = await (await k.t.request('GET', `/api/votes/${named}/export.csv`, { cookie: k.cookies.nam })).text();
    expect(early).not.toContain('Lê Hoàng Nam');
    expect((await k.t.request('GET', `/api/votes/${named}/export.csv`, { cookie: k.cookies.outsider })).status).toBe(404);
  });
});
