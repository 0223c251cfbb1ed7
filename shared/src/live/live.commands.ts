import { z } from 'zod';
import { ATTENDANCE_STATES } from './quorum.js';
import type { MeetingRole } from '../meetings/meeting-roles.js';
import type { LiveSettings } from './live-settings.js';
import type { LiveState } from './live-state.js';
import { viewportSchema } from './live-state.js';
import type { MeetingEventDto } from './live-events.js';
import type { PackedEventBatch } from './event-batch.js';

/**
 * The live meeting room's socket commands. Every command names its meeting and carries an idempotency key: a
 * client that retries (after a timeout or a reconnect) sends the same key, and the command takes effect once.
 */
/** The most events one `live:sync` (or join) answer carries; a client asks again for the rest. */
export const LIVE_EVENT_PAGE = 500;

const id = z.string().min(1).max(100);
const idempotencyKey = z.string().min(8).max(100);
/** The hash of the last event the client applied: lets the server see that the client holds events it lost. */
const hash = z.string().regex(/^[0-9a-f]{64}$/);
const base = { meetingId: id, idempotencyKey };
const reason = z.string().trim().min(1).max(500);

export const liveCommandSchemas = {
  /**
   * Enter the meeting's room (again, after a reconnect): answers the room and, like `live:sync`, the events after
   * `afterSeq` or a snapshot (always a snapshot without `afterSeq`). One round trip to be back in step.
   */
  'live:join': z.object({ meetingId: id, afterSeq: z.number().int().min(0).optional(), afterHash: hash.optional() }),
  /** What a client missed after the last seq it applied: the events, or a snapshot when that is shorter. */
  'live:sync': z.object({ meetingId: id, afterSeq: z.number().int().min(0), afterHash: hash.optional() }),
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
  'presentation:stop': z.object(base),
  /** The chair lets one member show pages (null: only the chair again). */
  'presentation:set-presenter': z.object({ ...base, userId: id.nullable() }),
  'attendance:check-in': z.object(base),
  /** Marking someone absent (vắng mặt) requires a reason. */
  'attendance:mark': z
    .object({ ...base, userId: id, state: z.enum(ATTENDANCE_STATES), reason: reason.optional() })
    .refine((p) => p.state !== 'absent' || p.reason !== undefined, { message: 'Vui lòng nhập lý do vắng mặt.', path: ['reason'] }),
  'speaker:request': z.object(base),
  'speaker:withdraw': z.object(base),
  'speaker:grant': z.object({ ...base, userId: id }),
  'speaker:skip': z.object({ ...base, userId: id }),
  'speaker:move': z.object({ ...base, userId: id, direction: z.enum(['up', 'down']) }),
  'speaker:end-turn': z.object(base),
  'speaker:pause-timer': z.object(base),
  'speaker:resume-timer': z.object(base),
  'speaker:add-minute': z.object(base),
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
  /** The hash of event `seq` (absent at seq 0). */
  hash?: string;
}

/** A seat of the meeting as the live room needs it (quorum, names on the screens). */
export interface LiveSeat {
  userId: string;
  fullName: string;
  position: string;
  role: MeetingRole;
  /** Attends in this member's place; their check-in counts for the seat. */
  substitute: { userId: string; fullName: string } | null;
}

/** What does not change during the session, sent once on join. */
export interface LiveRoomInfo {
  meetingId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  location: string;
  settings: LiveSettings;
  seats: LiveSeat[];
  /** The viewer: their meeting role (null for office staff), and the seat they hold (their own, or the one they substitute for). */
  me: { userId: string; role: MeetingRole | null; seatUserId: string };
}

export type LiveJoinResult = LiveSyncResult & {
  room: LiveRoomInfo;
  /** The server's clock, so tablets can run the speaking timer without trusting their own. */
  serverTime: string;
};
/**
 * `rewound`: the client is ahead of the server or its last event is not the server's (the server lost events it had
 * broadcast: a restore from backup, a power cut before the WAL reached the disk). The client must replace its state
 * with this snapshot even though its seq is lower.
 */
export type LiveSyncResult = { mode: 'events'; events: MeetingEventDto[] } | ({ mode: 'snapshot'; rewound?: boolean } & LiveSnapshot);

export type LiveCommandResults = {
  'live:join': LiveJoinResult;
  'live:sync': LiveSyncResult;
} & { [K in LiveControlCommand]: { seq: number } };

export interface LiveServerEvents {
  /** A fact of the meeting's event log, to the room `meeting:<id>`. */
  'live:event': (event: MeetingEventDto) => void;
  /**
   * Several facts of one meeting committed together (a batch of ballots), packed (`unpackEvents` gives them back in
   * seq order): one message per tablet per batch instead of one per fact, and the fields they share sent once, so a
   * room voting at once is not flooded.
   */
  'live:events': (batch: PackedEventBatch) => void;
}
