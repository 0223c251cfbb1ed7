import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, MoreThan, type Repository } from 'typeorm';
import type { MeetingEventDto, MeetingStatus } from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { DbWriter, isUniqueViolation } from '../database/db-writer.js';
import { dialectOf, type InsertColumn, insertRowsStatements, inValues, rawQuery, runWrites, type SqlDialect, type SqlRead, type SqlStatement, timestampParam } from '../database/raw-sql.js';
import { eventsRead, selectEvents } from './event-rows.js';
import { ChainVerifier, type ChainVerdict, eventHash, GENESIS_HASH } from './hash-chain.js';
import { MeetingEventEntity } from './meeting-event.entity.js';

export interface AppendEventInput {
  meetingId: string;
  type: string;
  /** Canonical-JSON-able (plain objects, arrays, strings, finite numbers, booleans, null, dates). */
  payload: unknown;
  /** null for events the system records on its own. */
  actorUserId: string | null;
  /** The command's idempotency key: the same key for the same meeting takes effect once. */
  idempotencyKey?: string;
}

const EVENT_COLUMNS: readonly InsertColumn[] = [
  ['id', 'text'],
  ['meeting_id', 'text'],
  ['seq', 'int'],
  ['type', 'text'],
  ['payload', 'jsonb'],
  ['actor_user_id', 'text'],
  ['at', 'timestamptz'],
  ['idempotency_key', 'text'],
  ['prev_hash', 'text'],
  ['hash', 'text'],
];

/** The event as stored, and whether it was already there (a retried command: nothing new was written). */
export type AppendedEvent = MeetingEventDto & { duplicate: boolean };

/** How many events `since` returns at most, and the page size `verify` streams in. */
export const EVENT_PAGE_MAX = 500;

/** What a client standing at `afterSeq` missed (EventLogService.missedSince). */
export interface MissedEvents {
  /** The hash of event `afterSeq`; null for 0 and for a seq beyond the head (seqs run 1..last without a gap). */
  hashAtAfter: string | null;
  /** The events after `afterSeq`, at most a page. */
  events: MeetingEventDto[];
  /** More than a page of events follow `afterSeq`: the client is better served a snapshot. */
  morePages: boolean;
}

/**
 * The meeting event log: append-only, one meeting-scoped sequence per meeting, hash-chained (hash-chain.ts).
 * Command handlers call `append` inside their own `DbWriter.transaction`, so a state change and its event commit
 * together or not at all. Appends to one meeting serialise: on SQLite DbWriter already runs one write at a time;
 * on PostgreSQL the meeting's row is locked (`FOR UPDATE`) before the last seq is read, and the unique
 * (meeting_id, seq) index is the backstop.
 */
@Injectable()
export class EventLogService {
  constructor(
    @InjectRepository(MeetingEventEntity) private readonly events: Repository<MeetingEventEntity>,
    private readonly db: DbWriter,
    private readonly clock: Clock,
  ) {}

  /** Appends one event. Call it inside a `DbWriter.transaction` with that transaction's EntityManager. */
  async append(em: EntityManager, input: AppendEventInput): Promise<AppendedEvent> {
    await this.lockMeeting(em, input.meetingId);
    const key = input.idempotencyKey ?? null;
    if (key !== null) {
      const existing = await this.byKey(em, input.meetingId, key);
      if (existing) return existing;
    }
    return this.appendLocked(em, input);
  }

  /** The event already stored under this idempotency key, as a duplicate; null when the key is new. */
  async byKey(em: EntityManager, meetingId: string, idempotencyKey: string): Promise<AppendedEvent | null> {
    const [existing] = await selectEvents(em, 'meeting_id = ? AND idempotency_key = ?', [meetingId, idempotencyKey]);
    return existing ? { ...existing, duplicate: true } : null;
  }

  /** The events already stored under any of these keys, by key: one read for a batch of ballots (runReads); `keys` not empty. */
  byKeysRead(dialect: SqlDialect, meetingId: string, keys: readonly string[]): SqlRead<Map<string, MeetingEventDto>> {
    const among = inValues(dialect, 'idempotency_key', [...new Set(keys)]);
    const read = eventsRead(dialect, `meeting_id = ? AND ${among.sql}`, [meetingId, ...among.params], ', idempotency_key');
    return { ...read, map: (rows) => new Map(read.map(rows).map(({ idempotencyKey, ...dto }) => [idempotencyKey!, dto])) };
  }

  /**
   * `append` for a caller that already holds the meeting's lock (`lockMeeting`) and checked the key (`byKey`) in
   * this transaction, as command handlers do before they decide what to append: saves two queries per command.
   * `head`: the log's last seq and its hash as read under that lock (LiveStateStore.load), saving a third.
   */
  async appendLocked(em: EntityManager, input: AppendEventInput, head?: { seq: number; hash?: string }): Promise<AppendedEvent> {
    const { events, writes } = await this.planAppend(em, [input], head);
    await runWrites(em, writes);
    return events[0];
  }

  /**
   * The events `inputs` (one meeting's, several for a batch of ballots) become, chained in order after `head`, and the
   * statements that write them in one multi-row insert, for a caller that runs them with its other writes of the
   * transaction (runWrites: one round trip on PostgreSQL). Same preconditions as appendLocked; nothing is written
   * until the caller runs the statements.
   */
  async planAppend(em: EntityManager, inputs: readonly AppendEventInput[], head?: { seq: number; hash?: string }): Promise<{ events: AppendedEvent[]; writes: SqlStatement[] }> {
    if (inputs.length === 0) return { events: [], writes: [] };
    const meetingId = inputs[0].meetingId;
    let last = head?.seq === 0 ? null : head?.hash !== undefined ? { seq: head.seq, hash: head.hash } : await this.head(em, meetingId);
    const at = this.clock.now();
    const rows = inputs.map((input): MeetingEventEntity => {
      if (input.meetingId !== meetingId) throw new Error('planAppend: events of one meeting only');
      const seq = (last?.seq ?? 0) + 1;
      const prevHash = last?.hash ?? GENESIS_HASH;
      // Throws (and so rolls the caller's transaction back) on a payload canonical JSON cannot carry.
      const hash = eventHash(prevHash, { meetingId, seq, type: input.type, payload: input.payload, actorUserId: input.actorUserId, at });
      last = { seq, hash };
      return {
        id: randomUUID(),
        meetingId,
        seq,
        type: input.type,
        payload: input.payload,
        actorUserId: input.actorUserId,
        at,
        idempotencyKey: input.idempotencyKey ?? null,
        prevHash,
        hash,
      };
    });
    const dialect = dialectOf(em);
    const atParam = timestampParam(dialect, at);
    const writes = insertRowsStatements(
      dialect,
      'meeting_events',
      EVENT_COLUMNS,
      rows.map((r) => [r.id, r.meetingId, r.seq, r.type, JSON.stringify(r.payload), r.actorUserId, atParam, r.idempotencyKey, r.prevHash, r.hash]),
    );
    return { events: rows.map((row) => ({ ...toDto(row), duplicate: false })), writes };
  }

  /**
   * `append` in a transaction of its own (an event with no state change beside it). If a concurrent append with
   * the same idempotency key won the race to the unique index, answers with that event as a duplicate.
   */
  appendInTransaction(input: AppendEventInput): Promise<AppendedEvent> {
    return this.keyedTransaction(input.meetingId, input.idempotencyKey, (em) => this.append(em, input));
  }

  /**
   * Runs `work` (which appends under `idempotencyKey`) in a transaction. Two concurrent retries with the same key
   * (two nodes) both pass `byKey`; the unique index lets one in, and the other is answered with its event.
   */
  async keyedTransaction(meetingId: string, idempotencyKey: string | undefined, work: (em: EntityManager) => Promise<AppendedEvent>): Promise<AppendedEvent> {
    try {
      return await this.db.transaction(work);
    } catch (error) {
      if (idempotencyKey === undefined || !isUniqueViolation(error)) throw error;
      const existing = await this.byKey(this.events.manager, meetingId, idempotencyKey);
      if (!existing) throw error;
      return existing;
    }
  }

  /** Events after `afterSeq`, in seq order, at most `limit` (capped at EVENT_PAGE_MAX). */
  since(meetingId: string, afterSeq: number, limit = EVENT_PAGE_MAX): Promise<MeetingEventDto[]> {
    return selectEvents(this.events.manager, 'meeting_id = ? AND seq > ? ORDER BY seq LIMIT ?', [meetingId, afterSeq, Math.max(1, Math.min(limit, EVENT_PAGE_MAX))]);
  }

  /**
   * One read for a client catching up from `afterSeq`: the event at `afterSeq` (to check the client's hash against
   * ours), then up to a page and one more after it (to tell "a page" from "more than a page").
   */
  async missedSince(meetingId: string, afterSeq: number): Promise<MissedEvents> {
    const rows = await selectEvents(this.events.manager, 'meeting_id = ? AND seq >= ? ORDER BY seq LIMIT ?', [meetingId, afterSeq, EVENT_PAGE_MAX + 1 + (afterSeq > 0 ? 1 : 0)]);
    const at = rows[0]?.seq === afterSeq ? rows.shift() : undefined;
    return { hashAtAfter: at?.hash ?? null, events: rows.slice(0, EVENT_PAGE_MAX), morePages: rows.length > EVENT_PAGE_MAX };
  }

  private async head(em: EntityManager, meetingId: string): Promise<{ seq: number; hash: string } | null> {
    const [row] = await rawQuery<{ seq: number | string; hash: string }>(
      em,
      'SELECT seq, hash FROM meeting_events WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1',
      [meetingId],
    );
    return row ? { seq: Number(row.seq), hash: row.hash } : null;
  }

  /** The hash of event `seq`, or null when the log has no such event. */
  async hashAt(meetingId: string, seq: number): Promise<string | null> {
    const row = await this.events.findOne({ where: { meetingId, seq }, select: { hash: true } });
    return row?.hash ?? null;
  }

  /** The highest seq of the meeting's log (0 when empty). */
  async lastSeq(meetingId: string): Promise<number> {
    const last = await this.events.findOne({ where: { meetingId }, order: { seq: 'DESC' }, select: { seq: true } });
    return last?.seq ?? 0;
  }

  /** Proves the meeting's whole chain, reading it in pages so memory stays bounded however long the log. */
  async verify(meetingId: string): Promise<ChainVerdict> {
    const verifier = new ChainVerifier();
    let afterSeq = 0;
    for (;;) {
      const page = await this.events.find({ where: { meetingId, seq: MoreThan(afterSeq) }, order: { seq: 'ASC' }, take: EVENT_PAGE_MAX });
      for (const event of page) if (!verifier.push(event)) return verifier.result();
      if (page.length < EVENT_PAGE_MAX) return verifier.result();
      afterSeq = page[page.length - 1].seq;
    }
  }

  /**
   * Serialises appends per meeting on PostgreSQL (a row lock held to commit); on SQLite DbWriter already does.
   * Command handlers call it first, so the state they check is the state their event lands on. Answers the
   * meeting's status, read with the lock (a batch of ballots needs it: no second query).
   */
  async lockMeeting(em: EntityManager, meetingId: string): Promise<MeetingStatus> {
    const lock = dialectOf(em) === 'postgres' ? ' FOR UPDATE' : '';
    const rows = await rawQuery<{ status: MeetingStatus }>(em, `SELECT status FROM meetings WHERE id = ?${lock}`, [meetingId]);
    if (rows.length === 0) throw new AppError('NOT_FOUND');
    return rows[0].status;
  }
}

export function toDto(row: MeetingEventEntity): MeetingEventDto {
  return {
    meetingId: row.meetingId,
    seq: row.seq,
    type: row.type,
    payload: row.payload,
    actorUserId: row.actorUserId,
    at: row.at.toISOString(),
    hash: row.hash,
  };
}
