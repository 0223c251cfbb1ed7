/**
 * The speaker queue (đăng ký phát biểu) and the current speaker's timer as a pure reducer. Time is always passed in
 * (`now`), never read from the system clock, so the server, the tablets and the tests agree on every value.
 */

export interface QueuedSpeaker {
  userId: string;
  /** ISO 8601, UTC. */
  requestedAt: string;
}

export interface CurrentSpeaker {
  userId: string;
  /** When the turn began (ISO 8601, UTC). */
  startedAt: string;
  /** Set while the timer is paused. */
  pausedAt?: string | null;
  /** Speaking time accumulated before the current running stretch (i.e. up to the last pause). */
  elapsedMsBeforePause: number;
  /** Extra time granted on top of the limit (+1 minute adds 60 000). */
  extraMs: number;
  /** Start of the current running stretch after a resume; the turn's start when never paused. */
  resumedAt?: string | null;
}

export interface SpeakerQueueState {
  queue: QueuedSpeaker[];
  current: CurrentSpeaker | null;
}

export const SPEAKER_QUEUE_ERROR_CODES = [
  'ALREADY_QUEUED',
  'ALREADY_SPEAKING',
  'NOT_IN_QUEUE',
  'NO_CURRENT_SPEAKER',
  'ALREADY_PAUSED',
  'NOT_PAUSED',
  'ALREADY_FIRST',
  'ALREADY_LAST',
] as const;
export type SpeakerQueueErrorCode = (typeof SPEAKER_QUEUE_ERROR_CODES)[number];

export type SpeakerAction =
  | { type: 'request'; userId: string }
  | { type: 'withdraw'; userId: string }
  | { type: 'grant'; userId: string }
  | { type: 'skip'; userId: string }
  | { type: 'moveUp'; userId: string }
  | { type: 'moveDown'; userId: string }
  | { type: 'endTurn' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'addMinute' };

export interface TurnEnded {
  userId: string;
  /** Time actually spoken, pauses excluded. */
  durationMs: number;
}

export type SpeakerQueueResult =
  | { ok: true; state: SpeakerQueueState; turnEnded?: TurnEnded }
  | { ok: false; code: SpeakerQueueErrorCode };

export type TimerPhase = 'running' | 'warning' | 'overtime' | 'paused';

export const ONE_MINUTE_MS = 60_000;

export function initialSpeakerQueue(): SpeakerQueueState {
  return { queue: [], current: null };
}

function ms(iso: string): number {
  return Date.parse(iso);
}

/** Speaking time of the current turn at `now`, pauses excluded; never negative (clock skew is clamped). */
export function elapsedMs(current: CurrentSpeaker, now: Date): number {
  if (current.pausedAt) return Math.max(0, current.elapsedMsBeforePause);
  const since = ms(current.resumedAt ?? current.startedAt);
  return Math.max(0, current.elapsedMsBeforePause + Math.max(0, now.getTime() - since));
}

/** Time left of `limitMs` (+ extra time) at `now`; negative once over time. */
export function remainingMs(current: CurrentSpeaker, limitMs: number, now: Date): number {
  return limitMs + current.extraMs - elapsedMs(current, now);
}

/** 'paused' while paused; otherwise 'overtime' at or past the limit, 'warning' within `warnBeforeMs` of it. */
export function timerPhase(current: CurrentSpeaker, limitMs: number, now: Date, warnBeforeMs: number): TimerPhase {
  if (current.pausedAt) return 'paused';
  const left = remainingMs(current, limitMs, now);
  if (left <= 0) return 'overtime';
  if (left <= warnBeforeMs) return 'warning';
  return 'running';
}

function indexOf(state: SpeakerQueueState, userId: string): number {
  return state.queue.findIndex((q) => q.userId === userId);
}

function endCurrent(current: CurrentSpeaker, now: Date): TurnEnded {
  return { userId: current.userId, durationMs: elapsedMs(current, now) };
}

function swap<T>(items: readonly T[], i: number, j: number): T[] {
  const out = items.slice();
  const a = out[i];
  out[i] = out[j];
  out[j] = a;
  return out;
}

/** Applies one action; never mutates `state`. */
export function reduceSpeakerQueue(state: SpeakerQueueState, action: SpeakerAction, now: Date): SpeakerQueueResult {
  const nowIso = now.toISOString();
  switch (action.type) {
    case 'request': {
      if (state.current?.userId === action.userId) return { ok: false, code: 'ALREADY_SPEAKING' };
      if (indexOf(state, action.userId) >= 0) return { ok: false, code: 'ALREADY_QUEUED' };
      return { ok: true, state: { ...state, queue: [...state.queue, { userId: action.userId, requestedAt: nowIso }] } };
    }
    case 'withdraw': {
      if (indexOf(state, action.userId) < 0) return { ok: false, code: 'NOT_IN_QUEUE' };
      return { ok: true, state: { ...state, queue: state.queue.filter((q) => q.userId !== action.userId) } };
    }
    case 'grant': {
      if (state.current?.userId === action.userId) return { ok: false, code: 'ALREADY_SPEAKING' };
      if (indexOf(state, action.userId) < 0) return { ok: false, code: 'NOT_IN_QUEUE' };
      const next: SpeakerQueueState = {
        queue: state.queue.filter((q) => q.userId !== action.userId),
        current: { userId: action.userId, startedAt: nowIso, pausedAt: null, elapsedMsBeforePause: 0, extraMs: 0, resumedAt: null },
      };
      return state.current ? { ok: true, state: next, turnEnded: endCurrent(state.current, now) } : { ok: true, state: next };
    }
    case 'skip': {
      const i = indexOf(state, action.userId);
      if (i < 0) return { ok: false, code: 'NOT_IN_QUEUE' };
      const entry = state.queue[i];
      return { ok: true, state: { ...state, queue: [...state.queue.filter((_, k) => k !== i), entry] } };
    }
    case 'moveUp': {
      const i = indexOf(state, action.userId);
      if (i < 0) return { ok: false, code: 'NOT_IN_QUEUE' };
      if (i === 0) return { ok: false, code: 'ALREADY_FIRST' };
      return { ok: true, state: { ...state, queue: swap(state.queue, i, i - 1) } };
    }
    case 'moveDown': {
      const i = indexOf(state, action.userId);
      if (i < 0) return { ok: false, code: 'NOT_IN_QUEUE' };
      if (i === state.queue.length - 1) return { ok: false, code: 'ALREADY_LAST' };
      return { ok: true, state: { ...state, queue: swap(state.queue, i, i + 1) } };
    }
    case 'endTurn': {
      if (!state.current) return { ok: false, code: 'NO_CURRENT_SPEAKER' };
      return { ok: true, state: { ...state, current: null }, turnEnded: endCurrent(state.current, now) };
    }
    case 'pause': {
      const c = state.current;
      if (!c) return { ok: false, code: 'NO_CURRENT_SPEAKER' };
      if (c.pausedAt) return { ok: false, code: 'ALREADY_PAUSED' };
      return { ok: true, state: { ...state, current: { ...c, pausedAt: nowIso, elapsedMsBeforePause: elapsedMs(c, now), resumedAt: null } } };
    }
    case 'resume': {
      const c = state.current;
      if (!c) return { ok: false, code: 'NO_CURRENT_SPEAKER' };
      if (!c.pausedAt) return { ok: false, code: 'NOT_PAUSED' };
      return { ok: true, state: { ...state, current: { ...c, pausedAt: null, resumedAt: nowIso } } };
    }
    case 'addMinute': {
      const c = state.current;
      if (!c) return { ok: false, code: 'NO_CURRENT_SPEAKER' };
      return { ok: true, state: { ...state, current: { ...c, extraMs: c.extraMs + ONE_MINUTE_MS } } };
    }
    default:
      return { ok: true, state };
  }
}
