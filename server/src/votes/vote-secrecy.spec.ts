import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CreateVoteRequest } from '@phonghop/shared';
import { FakeClock } from '../common/clock.js';
import { VoteKit, type Who } from './vote-test-kit.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const T0 = new Date('2026-12-15T01:30:00Z');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

const OPTIONS = ['phuong-an-a', 'phuong-an-b', 'phuong-an-c'] as const;
const SECRET: CreateVoteRequest = {
  question: 'Giới thiệu nhân sự ứng cử Phó Chủ tịch UBND huyện',
  kind: 'secret',
  rule: 'majority_of_cast',
  options: OPTIONS.map((key, i) => ({ key, label: `Phương án ${'ABC'[i]}` })),
  maxChoices: 1,
};
const ORDER: Who[] = ['chair', 'nam', 'lan', 'son'];
// The same totals (a: 2, b: 1, c: 1), cast in the same order, but by different members.
const FIRST: Record<string, string> = { chair: 'phuong-an-a', nam: 'phuong-an-b', lan: 'phuong-an-a', son: 'phuong-an-c' };
const SECOND: Record<string, string> = { chair: 'phuong-an-b', nam: 'phuong-an-a', lan: 'phuong-an-c', son: 'phuong-an-a' };

interface Row {
  table: string;
  /** Every value as text (SQLite returns jsonb as bytes: its strings are stored verbatim). */
  text: string;
}

describe(`secret ballots leave no link between a member and a choice (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  const clock = new FakeClock(T0);
  let k: VoteKit;
  let voters: string[];

  beforeAll(async () => {
    k = await VoteKit.start(clock);
    voters = ORDER.map((who) => k.ids[who]);
  });
  afterAll(() => k.close());

  const tables = async (): Promise<string[]> => {
    const rows: Array<{ name: string }> = onPostgres
      ? await k.db.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)
      : await k.db.query(`SELECT name FROM sqlite_master WHERE type = 'table'`);
    // FTS5's shadow tables repeat search_index's rows (checked below) under row numbers that differ between the runs.
    return rows.map((r) => r.name).filter((name) => !name.startsWith('search_index_'));
  };

  const columns = async (table: string): Promise<string[]> => {
    const rows: Array<{ name: string }> = onPostgres
      ? await k.db.query(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`, [table])
      : await k.db.query(`SELECT name FROM pragma_table_info('${table}')`);
    return rows.map((r) => r.name).sort();
  };

  /** Every row of every table in the database, read from the catalog. */
  const everything = async (): Promise<Row[]> => {
    const out: Row[] = [];
    for (const table of await tables()) {
      const rows: Array<Record<string, unknown>> = await k.db.query(`SELECT * FROM "${table}"`);
      for (const row of rows) {
        const values = Object.entries(row)
          .filter(([column]) => column !== 'hash' && column !== 'prev_hash') // digests of the rest of the row
          // the search index's row number (PostgreSQL): a count of rows written before, not a link (ADR 12)
          .filter(([column]) => table !== 'search_index' || column !== 'id')
          .map(([column, v]) => `${column}=${Buffer.isBuffer(v) ? v.toString('latin1') : v instanceof Date ? v.toISOString() : JSON.stringify(v)}`);
        out.push({ table, text: values.join('|') });
      }
    }
    return out;
  };

  /** One secret vote in a meeting of its own, on the same timeline each time: only who chose what differs. */
  const run = async (assignment: Record<string, string>) => {
    clock.set(T0);
    const { meetingId } = await k.liveMeeting({ present: ORDER });
    const voteId = await k.createVote(meetingId, SECRET);
    await k.ok('chair', meetingId, 'vote:open', { voteId });
    // every counter exists, at zero, before the first ballot: no row is born with a ballot
    const counters = await k.db.query(`SELECT option_key, count FROM vote_counts WHERE vote_id = ${k.param(1)} ORDER BY option_key`, [voteId]);
    expect(counters).toEqual(OPTIONS.map((option_key) => ({ option_key, count: 0 })));
    for (const [i, who] of ORDER.entries()) {
      clock.advance(1000);
      // one at a time, each in its own batch: the hardest case, nothing mixes the ballots
      expect(await k.cast(who, meetingId, voteId, [assignment[who]], `secret-ballot-${i + 1}`)).toMatchObject({ ok: true });
    }
    clock.advance(1000);
    await k.ok('chair', meetingId, 'vote:close', { voteId });
    clock.advance(1000);
    await k.ok('chair', meetingId, 'vote:publish', { voteId });
    return { meetingId, voteId };
  };

  it('stores participation and totals only, and the database reads the same whoever chose what', async () => {
    const first = await run(FIRST);
    const second = await run(SECOND);
    const rows = await everything();

    // Participation: who voted, with no time, order column or choice; totals: aggregates with no member in them.
    expect(await columns('vote_participation')).toEqual(['recorded_by_secretary', 'seat_user_id', 'vote_id']);
    expect(await columns('vote_counts')).toEqual(['count', 'option_key', 'vote_id']);
    for (const { meetingId, voteId } of [first, second]) {
      const counts = await k.db.query(`SELECT option_key, count FROM vote_counts WHERE vote_id = ${k.param(1)} ORDER BY option_key`, [voteId]);
      expect(counts).toEqual([
        { option_key: 'phuong-an-a', count: 2 },
        { option_key: 'phuong-an-b', count: 1 },
        { option_key: 'phuong-an-c', count: 1 },
      ]);
      expect(await k.db.query(`SELECT * FROM vote_ballots WHERE vote_id = ${k.param(1)}`, [voteId])).toEqual([]);
      const events = (await k.events(meetingId)).filter((e) => e.type === 'vote.ballot-cast');
      expect(events).toHaveLength(4);
      for (const e of events) {
        expect(Object.keys(e.payload as object).sort()).toEqual(['castCount', 'recordedBySecretary', 'voteId', 'voterUserId']);
        for (const option of OPTIONS) expect(JSON.stringify(e.payload)).not.toContain(option);
      }
    }

    // No row of any table holds a member and a choice, except where the options are the vote's definition or its
    // published totals, next to the eligible list or the chair as actor — and those read the same in both runs.
    const mentionsVoter = (r: Row) => voters.some((id) => r.text.includes(id));
    const mentionsOption = (r: Row) => OPTIONS.some((o) => r.text.includes(o));
    const definitional = (r: Row) =>
      r.table === 'votes' ||
      r.table === 'meeting_live_snapshots' ||
      (r.table === 'meeting_events' && /type="vote\.(drafted|opened|published)"/.test(r.text));
    const both = rows.filter((r) => mentionsVoter(r) && mentionsOption(r));
    expect(both.filter((r) => !definitional(r))).toEqual([]);

    // The decisive check: every row about each run, ids of the runs' own meetings, votes, events and keys blanked,
    // is identical. Had any byte tied a member to a choice, the two databases would differ, since the members
    // chose differently.
    const keep = new Set(Object.values(k.ids));
    const about = (run: { meetingId: string; voteId: string }) =>
      rows
        .filter((r) => r.text.includes(run.meetingId) || r.text.includes(run.voteId))
        .map((r) => `${r.table}: ${r.text.replace(UUID, (id) => (keep.has(id) ? id : '<id>'))}`)
        .sort();
    const a = about(first);
    expect(a.length).toBeGreaterThan(20);
    expect(about(second)).toEqual(a);
  });

  (onPostgres ? it : it.skip)('leaves no ballot transaction id on the live counter rows (PostgreSQL xmin)', async () => {
    const { voteId } = await run(FIRST);
    const counters: Array<{ xmin: string }> = await k.db.query(`SELECT xmin::text AS xmin FROM vote_counts WHERE vote_id = $1`, [voteId]);
    const ballots: Array<{ xmin: string }> = await k.db.query(`SELECT xmin::text AS xmin FROM vote_participation WHERE vote_id = $1`, [voteId]);
    expect(new Set(counters.map((r) => r.xmin)).size).toBe(1); // all rewritten by the closing transaction
    expect(ballots.map((r) => r.xmin)).not.toContain(counters[0].xmin);
  });
});
