import { z } from 'zod';
import { applyVoteEvent, type LiveVote, type LiveVoteDraft, VOTE_EVENT_SCHEMAS, type VoteEvent } from '../votes/vote-live.js';
import { ATTENDANCE_STATES, type AttendanceState } from './quorum.js';
import { initialSpeakerQueue, reduceSpeakerQueue, type SpeakerAction, type SpeakerQueueState } from './speaker-queue.js';

/**
 * A meeting's live state as plain data, and the pure reducer that folds the meeting's event log into it. The
 * reducer is total (an unknown type or an invalid payload leaves the state unchanged) and deterministic (time comes
 * only from each event's `at`), so a client that applies a snapshot and then the events after it reaches exactly
 * the state of one full replay: this is what resync relies on.
 */

/**
 * Bumped whenever the reducer or the state's shape changes: a stored snapshot of another version is ignored and
 * the state is replayed from the log instead (the log, not the snapshot, is the source of truth).
 */
export const LIVE_STATE_VERSION = 4;

export const LIVE_MEETING_STATUSES = ['scheduled', 'in_progress', 'paused', 'ended'] as const;
export type LiveMeetingStatus = (typeof LIVE_MEETING_STATUSES)[number];

export const LIVE_MEETING_STATUS_LABELS_VI: Readonly<Record<LiveMeetingStatus, string>> = {
  scheduled: 'Chưa bắt đầu',
  in_progress: 'Đang họp',
  paused: 'Tạm dừng',
  ended: 'Đã kết thúc',
};

export interface ItemTimes {
  startedAt?: string;
  endedAt?: string;
}

export interface Viewport {
  /** Relative units (0..1 of the page) so every screen size shows the same area. */
  x: number;
  y: number;
  zoom: number;
}

export interface PresentationState {
  documentId: string;
  version: number;
  /** 1-based page number. */
  page: number;
  viewport?: Viewport;
  presenterUserId: string;
}

export interface AttendanceRecord {
  state: AttendanceState;
  reason?: string;
  arrivedAt?: string;
  leftAt?: string;
}

export interface SpeakingStats {
  turns: number;
  totalMs: number;
}

export interface LiveState {
  status: LiveMeetingStatus;
  currentItemId: string | null;
  itemTimes: Record<string, ItemTimes>;
  presentation: PresentationState | null;
  /** A member the chair lets show pages (besides the chair); null: only the chair. */
  designatedPresenterId: string | null;
  /** The vote open right now; null when none (at most one vote is open at a time). */
  openVoteId: string | null;
  /** Votes prepared and not yet opened, by id: only that they exist (their text is read over HTTP by those who prepare). */
  voteDrafts: Record<string, LiveVoteDraft>;
  /** The meeting's votes from their opening on, by id: the open one, closed, published, cancelled (votes/vote-live.ts). */
  votes: Record<string, LiveVote>;
  speakers: SpeakerQueueState;
  attendance: Record<string, AttendanceRecord>;
  /** Per member, within this meeting: turns and total speaking time (pauses excluded). */
  speakingStats: Record<string, SpeakingStats>;
}

export function initialLiveState(): LiveState {
  return {
    status: 'scheduled',
    currentItemId: null,
    itemTimes: {},
    presentation: null,
    designatedPresenterId: null,
    openVoteId: null,
    voteDrafts: {},
    votes: {},
    speakers: initialSpeakerQueue(),
    attendance: {},
    speakingStats: {},
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Event schemas

const id = z.string().min(1);
/** Events without data may carry `{}`, `null` or nothing. */
const emptyPayload = z.object({}).nullish();
const at = z.iso.datetime({ offset: true });

export const viewportSchema = z.object({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  zoom: z.number().positive().max(20),
});

export const agendaItemOpenedPayloadSchema = z.object({ itemId: id });
export const presentationPageShownPayloadSchema = z.object({
  documentId: id,
  version: z.number().int().min(1),
  page: z.number().int().min(1),
  viewport: viewportSchema.optional(),
  presenterUserId: id,
});
/** Marking someone absent (vắng mặt) requires a reason. */
export const attendanceMarkedPayloadSchema = z
  .object({ userId: id, state: z.enum(ATTENDANCE_STATES), reason: z.string().trim().min(1).max(500).optional() })
  .refine((p) => p.state !== 'absent' || p.reason !== undefined, { message: 'A reason is required when absent', path: ['reason'] });
export const attendanceLeftPayloadSchema = z.object({ userId: id, reason: z.string().trim().min(1).max(500).optional() });
export const presenterSetPayloadSchema = z.object({ userId: id.nullable() });
export const speakerUserPayloadSchema = z.object({ userId: id });
export const speakerMovedPayloadSchema = z.object({ userId: id, direction: z.enum(['up', 'down']) });

const ev = <T extends string, P extends z.ZodType>(type: T, payload: P) =>
  z.object({ type: z.literal(type), payload, at });

export const liveEventSchema = z.discriminatedUnion('type', [
  ev('meeting.started', emptyPayload),
  ev('meeting.paused', emptyPayload),
  ev('meeting.resumed', emptyPayload),
  ev('meeting.ended', emptyPayload),
  ev('agenda.item-opened', agendaItemOpenedPayloadSchema),
  ev('agenda.item-closed', emptyPayload),
  ev('presentation.page-shown', presentationPageShownPayloadSchema),
  ev('presentation.stopped', emptyPayload),
  ev('presentation.presenter-set', presenterSetPayloadSchema),
  ev('attendance.marked', attendanceMarkedPayloadSchema),
  ev('attendance.left', attendanceLeftPayloadSchema),
  ev('speaker.requested', speakerUserPayloadSchema),
  ev('speaker.withdrawn', speakerUserPayloadSchema),
  ev('speaker.granted', speakerUserPayloadSchema),
  ev('speaker.skipped', speakerUserPayloadSchema),
  ev('speaker.moved', speakerMovedPayloadSchema),
  ev('speaker.turn-ended', emptyPayload),
  ev('speaker.timer-paused', emptyPayload),
  ev('speaker.timer-resumed', emptyPayload),
  ev('speaker.time-added', emptyPayload),
  ...VOTE_EVENT_SCHEMAS,
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;
export type LiveEventType = LiveEvent['type'];
export type LiveEventPayload<T extends LiveEventType> = Extract<LiveEvent, { type: T }>['payload'];

export const LIVE_EVENT_TYPES: readonly LiveEventType[] = liveEventSchema.options.map((o) => o.shape.type.value);

export function isLiveEventType(type: string): type is LiveEventType {
  return (LIVE_EVENT_TYPES as readonly string[]).includes(type);
}

/** Anything shaped like a log entry (e.g. MeetingEventDto); extra fields are ignored. */
export interface LiveEventInput {
  type: string;
  payload?: unknown;
  at: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Reducer

function closeItem(itemTimes: Record<string, ItemTimes>, itemId: string | null, endedAt: string): Record<string, ItemTimes> {
  if (itemId === null) return itemTimes;
  return { ...itemTimes, [itemId]: { ...itemTimes[itemId], endedAt } };
}

function isPresentState(state: AttendanceState | undefined): boolean {
  return state === 'present_in_person' || state === 'present_online';
}

function addTurn(stats: Record<string, SpeakingStats>, userId: string, durationMs: number): Record<string, SpeakingStats> {
  const prev = stats[userId] ?? { turns: 0, totalMs: 0 };
  return { ...stats, [userId]: { turns: prev.turns + 1, totalMs: prev.totalMs + durationMs } };
}

function applySpeaker(state: LiveState, action: SpeakerAction, atIso: string): LiveState {
  if (state.status === 'scheduled' || state.status === 'ended') return state;
  const result = reduceSpeakerQueue(state.speakers, action, new Date(atIso));
  if (!result.ok) return state;
  const speakingStats = result.turnEnded
    ? addTurn(state.speakingStats, result.turnEnded.userId, result.turnEnded.durationMs)
    : state.speakingStats;
  return { ...state, speakers: result.state, speakingStats };
}

function markAttendance(state: LiveState, p: LiveEventPayload<'attendance.marked'>, atIso: string): LiveState {
  const prev = state.attendance[p.userId];
  // the same state again (a second check-in, the same mark) changes nothing: no event, no new times
  if (prev?.state === p.state && prev.reason === p.reason) return state;
  const next: AttendanceRecord = { state: p.state };
  if (p.reason !== undefined) next.reason = p.reason;
  if (isPresentState(p.state)) {
    // arrival is the first time present; coming back after leaving clears the leaving time
    next.arrivedAt = prev?.arrivedAt ?? atIso;
  } else {
    if (prev?.arrivedAt !== undefined) next.arrivedAt = prev.arrivedAt;
    if (isPresentState(prev?.state)) next.leftAt = atIso;
    else if (prev?.leftAt !== undefined) next.leftAt = prev.leftAt;
  }
  return { ...state, attendance: { ...state.attendance, [p.userId]: next } };
}

/** Applies an event already checked by parseLiveEvent (a batch the server validated before appending it). */
export function applyParsed(state: LiveState, event: LiveEvent): LiveState {
  const when = event.at;
  switch (event.type) {
    case 'meeting.started':
      return state.status === 'scheduled' ? { ...state, status: 'in_progress' } : state;
    case 'meeting.paused':
      return state.status === 'in_progress' ? { ...state, status: 'paused' } : state;
    case 'meeting.resumed':
      return state.status === 'paused' ? { ...state, status: 'in_progress' } : state;
    case 'meeting.ended': {
      if (state.status === 'ended') return state;
      const ended = state.speakers.current ? applySpeaker(state, { type: 'endTurn' }, when) : state;
      return {
        ...ended,
        status: 'ended',
        currentItemId: null,
        itemTimes: closeItem(ended.itemTimes, ended.currentItemId, when),
        presentation: null,
        designatedPresenterId: null,
        speakers: initialSpeakerQueue(),
      };
    }
    case 'agenda.item-opened': {
      if (state.status === 'scheduled' || state.status === 'ended') return state;
      const { itemId } = event.payload;
      if (state.currentItemId === itemId) return state;
      const closed = closeItem(state.itemTimes, state.currentItemId, when);
      // reopening an item keeps its first start; its end is recorded again when it closes
      const startedAt = closed[itemId]?.startedAt ?? when;
      return { ...state, currentItemId: itemId, itemTimes: { ...closed, [itemId]: { startedAt } } };
    }
    case 'agenda.item-closed':
      if (state.currentItemId === null) return state;
      return { ...state, currentItemId: null, itemTimes: closeItem(state.itemTimes, state.currentItemId, when) };
    case 'presentation.page-shown': {
      if (state.status === 'ended') return state;
      const p = event.payload;
      const presentation: PresentationState = { documentId: p.documentId, version: p.version, page: p.page, presenterUserId: p.presenterUserId };
      if (p.viewport) presentation.viewport = { x: p.viewport.x, y: p.viewport.y, zoom: p.viewport.zoom };
      return { ...state, presentation };
    }
    case 'presentation.stopped':
      return state.presentation === null ? state : { ...state, presentation: null };
    case 'presentation.presenter-set':
      if (state.status === 'ended' || state.designatedPresenterId === event.payload.userId) return state;
      return { ...state, designatedPresenterId: event.payload.userId };
    case 'attendance.marked':
      return markAttendance(state, event.payload, when);
    case 'attendance.left': {
      const prev = state.attendance[event.payload.userId];
      const next: AttendanceRecord = { state: 'absent', leftAt: when };
      if (prev?.arrivedAt !== undefined) next.arrivedAt = prev.arrivedAt;
      if (event.payload.reason !== undefined) next.reason = event.payload.reason;
      return { ...state, attendance: { ...state.attendance, [event.payload.userId]: next } };
    }
    case 'speaker.requested':
    case 'speaker.withdrawn':
    case 'speaker.granted':
    case 'speaker.skipped':
    case 'speaker.moved':
    case 'speaker.turn-ended':
    case 'speaker.timer-paused':
    case 'speaker.timer-resumed':
    case 'speaker.time-added':
      return applySpeaker(state, speakerActionOf(event), when);
    case 'vote.drafted':
    case 'vote.draft-updated':
    case 'vote.draft-deleted':
    case 'vote.opened':
    case 'vote.ballot-cast':
    case 'vote.late-admitted':
    case 'vote.closed':
    case 'vote.published':
    case 'vote.cancelled':
      return applyVote(state, event);
    default:
      return state;
  }
}

function applyVote(state: LiveState, event: VoteEvent): LiveState {
  const slice = { openVoteId: state.openVoteId, voteDrafts: state.voteDrafts, votes: state.votes };
  const next = applyVoteEvent(slice, event, state.status === 'in_progress');
  return next === slice ? state : { ...state, ...next };
}

type SpeakerEvent = Extract<LiveEvent, { type: `speaker.${string}` }>;

/** The speaker-queue action a speaker event stands for. */
export function speakerActionOf(event: SpeakerEvent): SpeakerAction {
  switch (event.type) {
    case 'speaker.requested':
      return { type: 'request', userId: event.payload.userId };
    case 'speaker.withdrawn':
      return { type: 'withdraw', userId: event.payload.userId };
    case 'speaker.granted':
      return { type: 'grant', userId: event.payload.userId };
    case 'speaker.skipped':
      return { type: 'skip', userId: event.payload.userId };
    case 'speaker.moved':
      return { type: event.payload.direction === 'up' ? 'moveUp' : 'moveDown', userId: event.payload.userId };
    case 'speaker.turn-ended':
      return { type: 'endTurn' };
    case 'speaker.timer-paused':
      return { type: 'pause' };
    case 'speaker.timer-resumed':
      return { type: 'resume' };
    case 'speaker.time-added':
      return { type: 'addMinute' };
  }
}

/** Validates one log entry against `liveEventSchema`; null when the type is unknown or the payload invalid. */
export function parseLiveEvent(event: LiveEventInput): LiveEvent | null {
  const parsed = liveEventSchema.safeParse({ type: event.type, payload: event.payload, at: event.at });
  return parsed.success ? parsed.data : null;
}

/** Applies one event; never mutates `state`. Unknown types and invalid payloads are no-ops. */
export function applyEvent(state: LiveState, event: LiveEventInput): LiveState {
  const parsed = parseLiveEvent(event);
  return parsed ? applyParsed(state, parsed) : state;
}

/** Folds events in order, from `from` (a snapshot) or the initial state. */
export function replay(events: readonly LiveEventInput[], from: LiveState = initialLiveState()): LiveState {
  return events.reduce(applyEvent, from);
}
