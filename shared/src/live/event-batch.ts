import type { MeetingEventDto } from './live-events.js';

type Primitive = string | number | boolean | null;

/**
 * Events committed together, as sent to a room: what every event shares is sent once. In a burst of ballots every
 * event repeats the meeting, the type, the time and the vote id; multiplied by every tablet in the room, the repeats
 * were most of the bytes.
 */
export interface PackedEventBatch {
  meetingId: string;
  /** seq of the first event; event i has seq + i (a batch is consecutive) */
  seq: number;
  /**
   * hash of the last event: the only one a replica keeps (LiveReplica.hash). Unpacked, the earlier events carry
   * `hash: ''`: a replica applies the batch whole, and an empty hash makes a resync send no afterHash rather than a
   * wrong one.
   */
  hash: string;
  /** fields equal in every event, sent once */
  shared: { type?: string; at?: string; actorUserId?: string | null; payload?: Record<string, unknown> };
  /**
   * per event, only what is not in `shared`. When `shared.payload` is there, every payload was a plain object and
   * `payload` here holds the rest of its keys (absent when none); otherwise it is the event's payload as is.
   */
  events: Array<{ type?: string; at?: string; actorUserId?: string | null; payload?: unknown }>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function isPrimitive(value: unknown): value is Primitive {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** The value of `field` when every event has the same one (null included), else undefined. */
function common<K extends 'type' | 'at' | 'actorUserId'>(events: readonly MeetingEventDto[], field: K): MeetingEventDto[K] | undefined {
  const first = events[0][field];
  return events.every((e) => e[field] === first) ? first : undefined;
}

/** Payload keys with the same primitive value in every payload; objects and arrays (liveCounts) always differ. */
function commonPayload(payloads: readonly unknown[]): Record<string, Primitive> | undefined {
  if (!payloads.every(isPlainObject)) return undefined;
  const [first, ...rest] = payloads;
  const shared: Record<string, Primitive> = {};
  for (const [key, value] of Object.entries(first)) {
    if (isPrimitive(value) && rest.every((p) => Object.hasOwn(p, key) && p[key] === value)) shared[key] = value;
  }
  return Object.keys(shared).length > 0 ? shared : undefined;
}

function without(payload: Record<string, unknown>, shared: Record<string, unknown>): Record<string, unknown> | undefined {
  const own = Object.fromEntries(Object.entries(payload).filter(([key]) => !Object.hasOwn(shared, key)));
  return Object.keys(own).length > 0 ? own : undefined;
}

/** Packs events committed together; null when empty, of several meetings, or not consecutive (send them one by one). */
export function packEvents(events: readonly MeetingEventDto[]): PackedEventBatch | null {
  if (events.length === 0) return null;
  const { meetingId, seq } = events[0];
  if (!events.every((e, i) => e.meetingId === meetingId && e.seq === seq + i)) return null;
  const type = common(events, 'type');
  const at = common(events, 'at');
  const actorUserId = common(events, 'actorUserId');
  const payload = commonPayload(events.map((e) => e.payload));
  return {
    meetingId,
    seq,
    hash: events[events.length - 1].hash,
    shared: {
      ...(type !== undefined ? { type } : {}),
      ...(at !== undefined ? { at } : {}),
      ...(actorUserId !== undefined ? { actorUserId } : {}),
      ...(payload ? { payload } : {}),
    },
    events: events.map((e) => {
      const own = payload ? without(e.payload as Record<string, unknown>, payload) : e.payload;
      return {
        ...(type === undefined ? { type: e.type } : {}),
        ...(at === undefined ? { at: e.at } : {}),
        ...(actorUserId === undefined ? { actorUserId: e.actorUserId } : {}),
        ...(own !== undefined ? { payload: own } : {}),
      };
    }),
  };
}

/** The events of a packed batch, in seq order; only the last carries its hash (see PackedEventBatch.hash). */
export function unpackEvents(batch: PackedEventBatch): MeetingEventDto[] {
  const { shared } = batch;
  const last = batch.events.length - 1;
  return batch.events.map((e, i) => ({
    meetingId: batch.meetingId,
    seq: batch.seq + i,
    type: shared.type ?? e.type ?? '',
    payload: shared.payload ? { ...shared.payload, ...(e.payload as Record<string, unknown> | undefined) } : e.payload,
    actorUserId: shared.actorUserId !== undefined ? shared.actorUserId : (e.actorUserId ?? null),
    at: shared.at ?? e.at ?? '',
    hash: i === last ? batch.hash : '',
  }));
}
