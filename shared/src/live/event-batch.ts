import type { MeetingEventDto } from './live-events.js';

type Primitive = string | number | boolean | null;

/**
 * Events committed together, as sent to a room (`live:events`): what every event shares is sent once, and what
 * differs goes by column, without repeating field names. In a burst of ballots every event repeats the meeting, the
 * type, the time and the vote id, and its actor is its voter; multiplied by every tablet in the room, the repeats
 * were nearly all the bytes (a 200-ballot burst: 81 KB as an array of events, under 10 KB packed).
 */
export interface PackedEventBatch {
  meetingId: string;
  /** seq of the first event; event i has seq + i (a batch is consecutive) */
  seq: number;
  count: number;
  /**
   * hash of the last event: the only one a replica keeps (LiveReplica.hash). Unpacked, the earlier events carry
   * `hash: ''`: a replica applies the batch whole, and an empty hash makes a resync send no afterHash rather than a
   * wrong one.
   */
  hash: string;
  /** fields equal in every event, sent once */
  shared: {
    type?: string;
    at?: string;
    actorUserId?: string | null;
    /** every event's actor is the value of this key of its own payload (a ballot's voter), so it is not sent twice */
    actorFrom?: string;
    /** payload keys with the same primitive value in every payload */
    payload?: Record<string, Primitive>;
  };
  /** what differs, one entry per event in each array present */
  columns: {
    type?: string[];
    at?: string[];
    actorUserId?: Array<string | null>;
    /** the rest of every payload, when all have the same keys with primitive values: key → value per event */
    payload?: Record<string, Primitive[]>;
    /** otherwise each payload's rest (`{}` when nothing is left) */
    payloads?: Array<Record<string, unknown>>;
    /** the payloads as they are, when not all are plain objects */
    raw?: unknown[];
  };
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
function commonPayload(payloads: ReadonlyArray<Record<string, unknown>>): Record<string, Primitive> | undefined {
  const [first, ...rest] = payloads;
  const shared: Record<string, Primitive> = {};
  for (const [key, value] of Object.entries(first)) {
    if (isPrimitive(value) && rest.every((p) => Object.hasOwn(p, key) && p[key] === value)) shared[key] = value;
  }
  return Object.keys(shared).length > 0 ? shared : undefined;
}

/** A payload key holding each event's own actor (every actor a string), if there is one. */
function actorKey(events: readonly MeetingEventDto[], payloads: ReadonlyArray<Record<string, unknown>>): string | undefined {
  if (!events.every((e) => typeof e.actorUserId === 'string')) return undefined;
  return Object.keys(payloads[0]).find((key) => events.every((e, i) => payloads[i][key] === e.actorUserId));
}

function without(payload: Record<string, unknown>, shared: Record<string, unknown> | undefined): Record<string, unknown> {
  return shared ? Object.fromEntries(Object.entries(payload).filter(([key]) => !Object.hasOwn(shared, key))) : payload;
}

/** Key → values when every rest has the same keys, all primitive; else undefined. */
function byKey(rests: ReadonlyArray<Record<string, unknown>>): Record<string, Primitive[]> | undefined {
  const keys = Object.keys(rests[0]);
  const same = rests.every((r) => {
    const own = Object.keys(r);
    return own.length === keys.length && keys.every((k) => Object.hasOwn(r, k) && isPrimitive(r[k]));
  });
  return same ? Object.fromEntries(keys.map((k) => [k, rests.map((r) => r[k] as Primitive)])) : undefined;
}

/** Packs events committed together; null when empty, of several meetings, or not consecutive (send them one by one). */
export function packEvents(events: readonly MeetingEventDto[]): PackedEventBatch | null {
  if (events.length === 0) return null;
  const { meetingId, seq } = events[0];
  if (!events.every((e, i) => e.meetingId === meetingId && e.seq === seq + i)) return null;
  const type = common(events, 'type');
  const at = common(events, 'at');
  const shared: PackedEventBatch['shared'] = {};
  const columns: PackedEventBatch['columns'] = {};
  if (type !== undefined) shared.type = type;
  else columns.type = events.map((e) => e.type);
  if (at !== undefined) shared.at = at;
  else columns.at = events.map((e) => e.at);

  const objects = events.every((e) => isPlainObject(e.payload)) ? events.map((e) => e.payload as Record<string, unknown>) : null;
  const actor = common(events, 'actorUserId');
  const actorFrom = actor === undefined && objects ? actorKey(events, objects) : undefined;
  if (actor !== undefined) shared.actorUserId = actor;
  else if (actorFrom !== undefined) shared.actorFrom = actorFrom;
  else columns.actorUserId = events.map((e) => e.actorUserId);

  if (!objects) columns.raw = events.map((e) => e.payload);
  else {
    const payload = commonPayload(objects);
    if (payload) shared.payload = payload;
    const rests = objects.map((p) => without(p, payload));
    const keyed = byKey(rests);
    if (!keyed) columns.payloads = rests;
    else if (Object.keys(keyed).length > 0) columns.payload = keyed;
  }
  return { meetingId, seq, count: events.length, hash: events[events.length - 1].hash, shared, columns };
}

/**
 * The events of a packed batch, in seq order; only the last carries its hash (see PackedEventBatch.hash). Written
 * with plain loops: a tablet unpacks every batch of a burst, and spreads made it cost more than parsing the JSON.
 */
export function unpackEvents(batch: PackedEventBatch): MeetingEventDto[] {
  const { shared, columns } = batch;
  const sharedPayload = shared.payload ?? {};
  const sharedKeys = Object.keys(sharedPayload);
  const keyed = columns.payload ?? {};
  const keyedKeys = Object.keys(keyed);
  const events: MeetingEventDto[] = new Array<MeetingEventDto>(batch.count);
  for (let i = 0; i < batch.count; i++) {
    let payload: unknown;
    if (columns.raw) payload = columns.raw[i];
    else {
      const own: Record<string, unknown> = {};
      for (const key of sharedKeys) own[key] = sharedPayload[key];
      const rest = columns.payloads?.[i];
      if (rest) for (const key of Object.keys(rest)) own[key] = rest[key];
      for (const key of keyedKeys) own[key] = keyed[key][i];
      payload = own;
    }
    let actorUserId: string | null;
    if (shared.actorUserId !== undefined) actorUserId = shared.actorUserId;
    else if (shared.actorFrom !== undefined) actorUserId = (payload as Record<string, unknown>)[shared.actorFrom] as string;
    else actorUserId = columns.actorUserId?.[i] ?? null;
    events[i] = {
      meetingId: batch.meetingId,
      seq: batch.seq + i,
      type: shared.type ?? columns.type?.[i] ?? '',
      payload,
      actorUserId,
      at: shared.at ?? columns.at?.[i] ?? '',
      hash: i === batch.count - 1 ? batch.hash : '',
    };
  }
  return events;
}
