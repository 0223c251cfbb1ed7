import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { initialLiveState, LIVE_STATE_VERSION, type LiveSnapshot, type LiveState, replay } from '@phonghop/shared';
import { dialectOf, jsonColumn, jsonParam, rawQuery, readJson, runWrites, type SqlDialect, type SqlRead, sqlRead, type SqlStatement, timestampParam } from '../database/raw-sql.js';
import { selectEvents } from './event-rows.js';

/** A loaded state, and how many events after the stored snapshot were replayed to reach it. */
export type LoadedLiveState = LiveSnapshot & { replayed: number };

/** The log's head (its last seq, and that event's hash; none for an empty log) and how far the snapshot trails it. */
export interface LogHead {
  seq: number;
  hash?: string;
  behind: number;
}

/**
 * How far the stored snapshot may fall behind the log. A batch of ballots leaves its facts to be replayed by the
 * next load rather than rewriting the whole state (which grows with the meeting's votes) before its acks; a long
 * trickle of ballots still gets a fresh snapshot every this many events.
 */
export const SNAPSHOT_MAX_BEHIND = 256;

/**
 * Reads and writes a meeting's live state: the stored snapshot plus the events after it (none after a live
 * command, which rewrites the snapshot with its event; up to SNAPSHOT_MAX_BEHIND ballot facts). The log stays the
 * truth; the snapshot only saves replays. Hand-written SQL (raw-sql.ts): every command does both.
 */
@Injectable()
export class LiveStateStore {
  /**
   * The state and the log's head: `hash` is the hash of event `seq`, read with the events after the snapshot (the
   * event at its seq comes along), so a caller holding the meeting's lock can append without reading the head again.
   */
  async load(em: EntityManager, meetingId: string): Promise<LoadedLiveState> {
    const dialect = dialectOf(em);
    const [stored] = await rawQuery<{ seq: number | string; version: number | string; state: unknown }>(
      em,
      `SELECT seq, version, ${jsonColumn(dialect, 'state')} FROM meeting_live_snapshots WHERE meeting_id = ?`,
      [meetingId],
    );
    const base: LiveSnapshot =
      stored && Number(stored.version) === LIVE_STATE_VERSION ? { seq: Number(stored.seq), state: readJson(dialect, stored.state) as LiveState } : { seq: 0, state: initialLiveState() };
    const rows = await selectEvents(em, 'meeting_id = ? AND seq >= ? ORDER BY seq', [meetingId, Math.max(base.seq, 1)]);
    const head = rows.at(-1);
    if (!head) return { ...base, replayed: 0 };
    const newer = rows.filter((r) => r.seq > base.seq);
    const state = newer.length === 0 ? base.state : replay(newer, base.state);
    return { seq: head.seq, state, hash: head.hash, replayed: newer.length };
  }

  /**
   * `load` without the state: the log's head and how many events the snapshot trails it by, in one query (a read, to
   * run with others: runReads). For a writer that appends without needing the state (a batch of ballots that leaves
   * the snapshot behind).
   */
  headRead(meetingId: string): SqlRead<LogHead> {
    return sqlRead(
      `SELECT e.seq, e.hash, (SELECT s.seq FROM meeting_live_snapshots s WHERE s.meeting_id = ? AND s.version = ?) AS snapshot_seq
         FROM meeting_events e WHERE e.meeting_id = ? ORDER BY e.seq DESC LIMIT 1`,
      [meetingId, LIVE_STATE_VERSION, meetingId],
      ([row]: Array<{ seq: number | string; hash: string; snapshot_seq: number | string | null }>): LogHead => {
        if (!row) return { seq: 0, behind: 0 };
        const seq = Number(row.seq);
        return { seq, hash: row.hash, behind: seq - Number(row.snapshot_seq ?? 0) };
      },
    );
  }

  /**
   * Rewrites the snapshot, with `alongside` (the statements of the event it follows: EventLogService.planAppend) in
   * the same runWrites: one round trip on PostgreSQL (ADR 15).
   */
  async save(em: EntityManager, meetingId: string, snapshot: LiveSnapshot, at: Date, alongside: readonly SqlStatement[] = []): Promise<void> {
    await runWrites(em, [...alongside, this.saveStatement(dialectOf(em), meetingId, snapshot, at)]);
  }

  /** `save` as a statement, for a caller that runs it with its other writes (runWrites). */
  saveStatement(dialect: SqlDialect, meetingId: string, snapshot: LiveSnapshot, at: Date): SqlStatement {
    return {
      sql: `INSERT INTO meeting_live_snapshots (meeting_id, seq, version, state, updated_at) VALUES (?, ?, ?, ${jsonParam(dialect)}, ?)
         ON CONFLICT (meeting_id) DO UPDATE SET seq = excluded.seq, version = excluded.version, state = excluded.state, updated_at = excluded.updated_at`,
      params: [meetingId, snapshot.seq, LIVE_STATE_VERSION, JSON.stringify(snapshot.state), timestampParam(dialect, at)],
    };
  }
}
