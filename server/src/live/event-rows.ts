import type { EntityManager } from 'typeorm';
import type { MeetingEventDto } from '@phonghop/shared';
import { dialectOf, jsonColumn, readJson, readOne, readTimestamp, type SqlDialect, type SqlRead, sqlRead } from '../database/raw-sql.js';

interface EventRow {
  meeting_id: string;
  seq: number | string;
  type: string;
  payload: unknown;
  actor_user_id: string | null;
  at: string | Date;
  hash: string;
  idempotency_key?: string | null;
}

/**
 * Events by a hand-written condition (raw-sql.ts, ADR 15: the command path reads them), mapped as the entity's toDto
 * maps them; `extra` adds columns (', idempotency_key'). As a read, to run with others (runReads).
 */
export function eventsRead(dialect: SqlDialect, where: string, params: unknown[], extra = ''): SqlRead<Array<MeetingEventDto & { idempotencyKey?: string | null }>> {
  return sqlRead(`SELECT meeting_id, seq, type, ${jsonColumn(dialect, 'payload')}, actor_user_id, at, hash${extra} FROM meeting_events WHERE ${where}`, params, (rows: EventRow[]) =>
    rows.map((r) => ({
      meetingId: r.meeting_id,
      seq: Number(r.seq),
      type: r.type,
      payload: readJson(dialect, r.payload),
      actorUserId: r.actor_user_id,
      at: readTimestamp(r.at).toISOString(),
      hash: r.hash,
      ...(r.idempotency_key !== undefined ? { idempotencyKey: r.idempotency_key } : {}),
    })),
  );
}

/** eventsRead, run now. */
export function selectEvents(em: EntityManager, where: string, params: unknown[], extra = ''): Promise<Array<MeetingEventDto & { idempotencyKey?: string | null }>> {
  return readOne(em, eventsRead(dialectOf(em), where, params, extra));
}
