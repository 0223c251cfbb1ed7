import { z } from 'zod';
import { ATTENDANCE_STATES } from './quorum.js';
import type { LiveState } from './live-state.js';
import { viewportSchema } from './live-state.js';
import type { MeetingEventDto } from './live-events.js';

/**
 * The live meeting room's socket commands. Every command names its meeting and carries an idempotency key: a
 * client that retries (after a timeout or a reconnect) sends the same key, and the command takes effect once.
 */
const id = z.string().min(1).max(100);
const idempotencyKey = z.string().min(8).max(100);
const base = { meetingId: id, idempotencyKey };
const reason = z.string().trim().min(1).max(500);

export const liveCommandSchemas = {
  /** Enter the meeting's room: answers the current snapshot. */
  'live:join': z.object({ meetingId: id }),
  /** What a client missed after the last seq it applied: the events, or a snapshot when that is shorter. */
  'live:sync': z.object({ meetingId: id, afterSeq: z.number().int().min(0) }),
  'meeting:start': z.object(base),
  'meeting:pause': z.object(base),
  'meeting:resume': z.object(base),
  'meeting:end': z.object(base),
  'agenda:open-item': z.object({ ...base, itemId: id }),
  'presentation:go-to-page': z.object({
    ...base,
    documentId: id,
    version: z.number().int().min(1),
    page: z.number().int().min(1),
    viewport: viewportSchema.optional(),
  }),
  'attendance:check-in': z.object(base),
  /** Marking someone absent (vắng mặt) requires a reason. */
  'attendance:mark': z
    .object({ ...base, userId: id, state: z.enum(ATTENDANCE_STATES), reason: reason.optional() })
    .refine((p) => p.state !== 'absent' || p.reason !== undefined, { message: 'Vui lòng nhập lý do vắng mặt.', path: ['reason'] }),
  'speaker:request': z.object(base),
  'speaker:withdraw': z.object(base),
  'speaker:grant': z.object({ ...base, userId: id }),
  'speaker:end-turn': z.object(base),
} as const;

export type LiveCommandName = keyof typeof liveCommandSchemas;
/** The commands that change the meeting (all but join and sync): each appends exactly one event. */
export type LiveControlCommand = Exclude<LiveCommandName, 'live:join' | 'live:sync'>;
export const LIVE_CONTROL_COMMANDS = (Object.keys(liveCommandSchemas) as LiveCommandName[]).filter(
  (name): name is LiveControlCommand => name !== 'live:join' && name !== 'live:sync',
);

export interface LiveSnapshot {
  seq: number;
  state: LiveState;
}
export type LiveSyncResult = { mode: 'events'; events: MeetingEventDto[] } | ({ mode: 'snapshot' } & LiveSnapshot);

export type LiveCommandResults = {
  'live:join': LiveSnapshot;
  'live:sync': LiveSyncResult;
} & { [K in LiveControlCommand]: { seq: number } };

export interface LiveServerEvents {
  /** A fact of the meeting's event log, to the room `meeting:<id>`. */
  'live:event': (event: MeetingEventDto) => void;
}
