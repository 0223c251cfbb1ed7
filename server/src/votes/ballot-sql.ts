import type { EntityManager } from 'typeorm';
import type { MeetingRole, VoteKind, VoteOption, VoteStatus } from '@phonghop/shared';
import { dialectOf, insertRowsStatements, jsonColumn, jsonParam, placeholders, rawQuery, readBoolean, readJson, readTimestamp, type SqlDialect, type SqlStatement, timestampParam } from '../database/raw-sql.js';
import type { ParticipantRow } from '../meetings/meeting-access.js';
import type { BatchVote, PlannedBallot } from './ballot-plan.js';

/**
 * The SQL of a batch of ballots (ballots.service.ts), hand-written (raw-sql.ts, ADR 15): a fixed handful of statements
 * per batch whatever its size, with no query building or entity hydration per row. Same tables and columns as the
 * entities in vote-records.entity.ts and vote.entity.ts. The meeting's status comes with its lock
 * (EventLogService.lockMeeting).
 */

/** The participant rows of these people's seats: their own, or the one they hold as a delegated substitute. */
export async function seatRows(em: EntityManager, meetingId: string, userIds: readonly string[]): Promise<ParticipantRow[]> {
  const ids = [...new Set(userIds)];
  const rows = await rawQuery<{ user_id: string; role: MeetingRole; rsvp: string; substitute_user_id: string | null }>(
    em,
    `SELECT user_id, role, rsvp, substitute_user_id FROM meeting_participants
     WHERE meeting_id = ? AND (user_id IN (${placeholders(ids.length)}) OR (rsvp = 'delegated' AND substitute_user_id IN (${placeholders(ids.length)})))
     ORDER BY created_at`,
    [meetingId, ...ids, ...ids],
  );
  return rows.map((r) => ({ userId: r.user_id, role: r.role, rsvp: r.rsvp, substituteUserId: r.substitute_user_id }));
}

export async function batchVotes(em: EntityManager, meetingId: string, voteIds: readonly string[]): Promise<BatchVote[]> {
  const dialect = dialectOf(em);
  const rows = await rawQuery<{
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
  }>(
    em,
    `SELECT id, status, closes_at, kind, ${jsonColumn(dialect, 'eligible')}, allow_change, cast_count, ${jsonColumn(dialect, 'options')}, max_choices, show_live_choices
     FROM votes WHERE meeting_id = ? AND id IN (${placeholders(voteIds.length)})`,
    [meetingId, ...voteIds],
  );
  return rows.map((r) => ({
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
  }));
}

/** `voteId:seat` of every seat that has voted in these votes (at most the room). */
export async function castSlots(em: EntityManager, voteIds: readonly string[]): Promise<Set<string>> {
  const rows = await rawQuery<{ vote_id: string; seat_user_id: string }>(em, `SELECT vote_id, seat_user_id FROM vote_participation WHERE vote_id IN (${placeholders(voteIds.length)})`, [
    ...voteIds,
  ]);
  return new Set(rows.map((r) => `${r.vote_id}:${r.seat_user_id}`));
}

/** `voteId:seat` → stored choices, for votes whose ballots may change. */
export async function storedChoices(em: EntityManager, voteIds: readonly string[]): Promise<Map<string, string[]>> {
  if (voteIds.length === 0) return new Map();
  const dialect = dialectOf(em);
  const rows = await rawQuery<{ vote_id: string; seat_user_id: string; choices: unknown }>(
    em,
    `SELECT vote_id, seat_user_id, ${jsonColumn(dialect, 'choices')} FROM vote_ballots WHERE vote_id IN (${placeholders(voteIds.length)})`,
    [...voteIds],
  );
  return new Map(rows.map((r) => [`${r.vote_id}:${r.seat_user_id}`, readJson(dialect, r.choices) as string[]]));
}

/** voteId → per-option totals. */
export async function liveCounts(em: EntityManager, voteIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const counts = new Map<string, Record<string, number>>();
  if (voteIds.length === 0) return counts;
  const rows = await rawQuery<{ vote_id: string; option_key: string; count: number | string }>(
    em,
    `SELECT vote_id, option_key, count FROM vote_counts WHERE vote_id IN (${placeholders(voteIds.length)})`,
    [...voteIds],
  );
  for (const r of rows) counts.set(r.vote_id, { ...counts.get(r.vote_id), [r.option_key]: Number(r.count) });
  return counts;
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
    writes.push({
      sql: `UPDATE vote_counts SET count = count + CASE option_key ${moved.map(() => 'WHEN ? THEN CAST(? AS INTEGER)').join(' ')} END WHERE vote_id = ? AND option_key IN (${placeholders(moved.length)})`,
      params: [...moved.flatMap(([key, delta]) => [key, Math.trunc(delta)]), voteId, ...moved.map(([key]) => key)],
    });
  }
  const castCounts = new Map(ballots.map((b) => [b.vote.id, b.castCount]));
  for (const [id, castCount] of castCounts) writes.push({ sql: 'UPDATE votes SET cast_count = ? WHERE id = ?', params: [castCount, id] });
  return writes;
}
