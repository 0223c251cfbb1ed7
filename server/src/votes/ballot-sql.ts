import type { MeetingRole, VoteKind, VoteOption, VoteStatus } from '@phonghop/shared';
import { inValues, insertRowsStatements, jsonColumn, jsonParam, readBoolean, readJson, readTimestamp, type SqlDialect, type SqlRead, sqlRead, type SqlStatement, timestampParam } from '../database/raw-sql.js';
import type { ParticipantRow } from '../meetings/meeting-access.js';
import type { BatchVote, PlannedBallot } from './ballot-plan.js';

/**
 * The SQL of a batch of ballots (ballots.service.ts), hand-written (raw-sql.ts, ADR 15): a fixed handful of statements
 * per batch whatever its size, with no query building or entity hydration per row; the reads independent of one
 * another, so that PostgreSQL answers them all in one round trip (runReads). Same tables and columns as the
 * entities in vote-records.entity.ts and vote.entity.ts. The meeting's status comes with its lock
 * (EventLogService.lockMeeting).
 */

/** The participant rows of these people's seats: their own, or the one they hold as a delegated substitute. */
export function seatRowsRead(dialect: SqlDialect, meetingId: string, userIds: readonly string[]): SqlRead<ParticipantRow[]> {
  const ids = [...new Set(userIds)];
  const own = inValues(dialect, 'user_id', ids);
  const held = inValues(dialect, 'substitute_user_id', ids);
  return sqlRead(
    `SELECT user_id, role, rsvp, substitute_user_id FROM meeting_participants
     WHERE meeting_id = ? AND (${own.sql} OR (rsvp = 'delegated' AND ${held.sql}))
     ORDER BY created_at`,
    [meetingId, ...own.params, ...held.params],
    (rows: Array<{ user_id: string; role: MeetingRole; rsvp: string; substitute_user_id: string | null }>) =>
      rows.map((r) => ({ userId: r.user_id, role: r.role, rsvp: r.rsvp, substituteUserId: r.substitute_user_id })),
  );
}

/**
 * The meeting's votes among `voteIds` that match `condition`: their `columns`, or (as a subquery) their ids. The
 * reads after batchVotesRead filter by it, so they need no answer from it and all of a batch's reads go together
 * (runReads).
 */
const votesWhere = (dialect: SqlDialect, meetingId: string, voteIds: readonly string[], condition = '', columns = 'id') => {
  const among = inValues(dialect, 'id', voteIds);
  return { sql: `SELECT ${columns} FROM votes WHERE meeting_id = ? AND ${among.sql}${condition}`, params: [meetingId, ...among.params] };
};

export function batchVotesRead(dialect: SqlDialect, meetingId: string, voteIds: readonly string[]): SqlRead<BatchVote[]> {
  const votes = votesWhere(
    dialect,
    meetingId,
    voteIds,
    '',
    `id, status, closes_at, kind, ${jsonColumn(dialect, 'eligible')}, allow_change, cast_count, ${jsonColumn(dialect, 'options')}, max_choices, show_live_choices`,
  );
  return sqlRead(
    votes.sql,
    votes.params,
    (
      rows: Array<{
        id: string;
        status: VoteStatus;
        closes_at: string | Date | null;
        kind: VoteKind;
        eligible: unknown;
        allow_change: unknown;
        cast_count: number | string;
        options: unknown;
        max_choices: number | string;
        show_live_choices: unknown;
      }>,
    ) =>
      rows.map((r) => ({
        id: r.id,
        status: r.status,
        closesAt: r.closes_at === null ? null : readTimestamp(r.closes_at),
        kind: r.kind,
        eligible: readJson(dialect, r.eligible) as string[] | null,
        allowChange: readBoolean(r.allow_change),
        castCount: Number(r.cast_count),
        options: readJson(dialect, r.options) as VoteOption[],
        maxChoices: Number(r.max_choices),
        showLiveChoices: readBoolean(r.show_live_choices),
      })),
  );
}

/** `voteId:seat` of every seat that has voted in these votes of the meeting (at most the room). */
export function castSlotsRead(dialect: SqlDialect, meetingId: string, voteIds: readonly string[]): SqlRead<Set<string>> {
  const votes = votesWhere(dialect, meetingId, voteIds);
  return sqlRead(`SELECT vote_id, seat_user_id FROM vote_participation WHERE vote_id IN (${votes.sql})`, votes.params, (rows: Array<{ vote_id: string; seat_user_id: string }>) =>
    new Set(rows.map((r) => `${r.vote_id}:${r.seat_user_id}`)),
  );
}

/** `voteId:seat` → stored choices, in those of these votes whose ballots may change. */
export function storedChoicesRead(dialect: SqlDialect, meetingId: string, voteIds: readonly string[]): SqlRead<Map<string, string[]>> {
  const votes = votesWhere(dialect, meetingId, voteIds, ' AND allow_change = TRUE');
  return sqlRead(
    `SELECT vote_id, seat_user_id, ${jsonColumn(dialect, 'choices')} FROM vote_ballots WHERE vote_id IN (${votes.sql})`,
    votes.params,
    (rows: Array<{ vote_id: string; seat_user_id: string; choices: unknown }>) => new Map(rows.map((r) => [`${r.vote_id}:${r.seat_user_id}`, readJson(dialect, r.choices) as string[]])),
  );
}

/** voteId → per-option totals, for those of these votes that show them live (open votes: VoteEntity.showLiveChoices). */
export function liveCountsRead(dialect: SqlDialect, meetingId: string, voteIds: readonly string[]): SqlRead<Map<string, Record<string, number>>> {
  const votes = votesWhere(dialect, meetingId, voteIds, " AND kind = 'open' AND show_live_choices = TRUE");
  return sqlRead(`SELECT vote_id, option_key, count FROM vote_counts WHERE vote_id IN (${votes.sql})`, votes.params, (rows: Array<{ vote_id: string; option_key: string; count: number | string }>) => {
    const counts = new Map<string, Record<string, number>>();
    for (const r of rows) counts.set(r.vote_id, { ...counts.get(r.vote_id), [r.option_key]: Number(r.count) });
    return counts;
  });
}

/**
 * The writes of planned ballots, to run with the batch's events (runWrites): participation for each new one (its
 * primary key is the database's own guarantee of one ballot per seat), the ballot itself unless the vote is secret,
 * changed ballots rewritten, counters moved, and each vote's cast count. Independent of one another: each touches
 * its own rows.
 */
export function ballotWrites(dialect: SqlDialect, ballots: readonly PlannedBallot[], deltas: Map<string, Map<string, number>>, now: Date): SqlStatement[] {
  const at = timestampParam(dialect, now);
  const fresh = ballots.filter((b) => b.previous === null);
  const writes = [
    ...insertRowsStatements(
      dialect,
      'vote_participation',
      [
        ['vote_id', 'text'],
        ['seat_user_id', 'text'],
        ['recorded_by_secretary', 'bool'],
      ],
      fresh.map((b) => [b.vote.id, b.seat, b.item.recordedBySecretary]),
    ),
    ...insertRowsStatements(
      dialect,
      'vote_ballots',
      [
        ['vote_id', 'text'],
        ['seat_user_id', 'text'],
        ['choices', 'jsonb'],
        ['recorded_by_secretary', 'bool'],
        ['cast_at', 'timestamptz'],
      ],
      fresh.filter((b) => b.vote.kind !== 'secret').map((b) => [b.vote.id, b.seat, JSON.stringify(b.item.choices), b.item.recordedBySecretary, at]),
    ),
  ];
  // Only open and named votes allow a change (a secret ballot's first choice is nowhere to be found).
  for (const b of ballots.filter((x) => x.previous !== null)) {
    writes.push({
      sql: `UPDATE vote_ballots SET choices = ${jsonParam(dialect)}, recorded_by_secretary = ?, cast_at = ? WHERE vote_id = ? AND seat_user_id = ?`,
      params: [JSON.stringify(b.item.choices), b.item.recordedBySecretary, at, b.vote.id, b.seat],
    });
  }
  for (const [voteId, moves] of deltas) {
    // one statement per vote, whatever the options moved
    const moved = [...moves].filter(([, delta]) => delta !== 0);
    if (moved.length === 0) continue;
    const keys = inValues(dialect, 'option_key', moved.map(([key]) => key));
    writes.push({
      sql: `UPDATE vote_counts SET count = count + CASE option_key ${moved.map(() => 'WHEN ? THEN CAST(? AS INTEGER)').join(' ')} END WHERE vote_id = ? AND ${keys.sql}`,
      params: [...moved.flatMap(([key, delta]) => [key, Math.trunc(delta)]), voteId, ...keys.params],
    });
  }
  const castCounts = new Map(ballots.map((b) => [b.vote.id, b.castCount]));
  for (const [id, castCount] of castCounts) writes.push({ sql: 'UPDATE votes SET cast_count = ? WHERE id = ?', params: [castCount, id] });
  return writes;
}
