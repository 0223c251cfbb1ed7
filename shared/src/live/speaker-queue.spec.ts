import { describe, expect, it } from '@jest/globals';
import {
  elapsedMs,
  initialSpeakerQueue,
  reduceSpeakerQueue,
  remainingMs,
  timerPhase,
  type CurrentSpeaker,
  type SpeakerAction,
  type SpeakerQueueResult,
  type SpeakerQueueState,
} from './speaker-queue.js';

const T0 = Date.parse('2026-03-02T01:00:00.000Z');
const at = (sec: number): Date => new Date(T0 + sec * 1000);

function ok(result: SpeakerQueueResult): Extract<SpeakerQueueResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}`);
  return result;
}

/** Applies actions in order, each at the given second, expecting every one to succeed. */
function run(steps: Array<[number, SpeakerAction]>, start: SpeakerQueueState = initialSpeakerQueue()): SpeakerQueueState {
  return steps.reduce((s, [sec, a]) => ok(reduceSpeakerQueue(s, a, at(sec))).state, start);
}

const ids = (s: SpeakerQueueState): string[] => s.queue.map((q) => q.userId);

describe('reduceSpeakerQueue: request and withdraw', () => {
  it('appends requests in order with the request time', () => {
    const s = run([[0, { type: 'request', userId: 'a' }], [5, { type: 'request', userId: 'b' }]]);
    expect(s.queue).toEqual([
      { userId: 'a', requestedAt: at(0).toISOString() },
      { userId: 'b', requestedAt: at(5).toISOString() },
    ]);
    expect(s.current).toBeNull();
  });
  it('refuses a duplicate request', () => {
    const s = run([[0, { type: 'request', userId: 'a' }]]);
    expect(reduceSpeakerQueue(s, { type: 'request', userId: 'a' }, at(1))).toEqual({ ok: false, code: 'ALREADY_QUEUED' });
  });
  it('refuses a request from the current speaker', () => {
    const s = run([[0, { type: 'request', userId: 'a' }], [1, { type: 'grant', userId: 'a' }]]);
    expect(reduceSpeakerQueue(s, { type: 'request', userId: 'a' }, at(2))).toEqual({ ok: false, code: 'ALREADY_SPEAKING' });
  });
  it('withdraws a queued user and refuses one not queued', () => {
    const s = run([[0, { type: 'request', userId: 'a' }], [1, { type: 'request', userId: 'b' }], [2, { type: 'withdraw', userId: 'a' }]]);
    expect(ids(s)).toEqual(['b']);
    expect(reduceSpeakerQueue(s, { type: 'withdraw', userId: 'a' }, at(3))).toEqual({ ok: false, code: 'NOT_IN_QUEUE' });
  });
  it('does not mutate the input state', () => {
    const s = run([[0, { type: 'request', userId: 'a' }]]);
    const frozen = JSON.parse(JSON.stringify(s)) as SpeakerQueueState;
    reduceSpeakerQueue(s, { type: 'request', userId: 'b' }, at(1));
    reduceSpeakerQueue(s, { type: 'grant', userId: 'a' }, at(1));
    expect(s).toEqual(frozen);
  });
});

describe('reduceSpeakerQueue: grant and end', () => {
  it('grant moves the user from the queue to the floor', () => {
    const s = run([[0, { type: 'request', userId: 'a' }], [1, { type: 'request', userId: 'b' }], [10, { type: 'grant', userId: 'b' }]]);
    expect(ids(s)).toEqual(['a']);
    expect(s.current).toMatchObject({ userId: 'b', startedAt: at(10).toISOString(), elapsedMsBeforePause: 0, extraMs: 0, pausedAt: null });
  });
  it('grant refuses a user not in the queue', () => {
    expect(reduceSpeakerQueue(initialSpeakerQueue(), { type: 'grant', userId: 'x' }, at(0))).toEqual({ ok: false, code: 'NOT_IN_QUEUE' });
  });
  it('grant ends the current turn and reports its duration', () => {
    const s = run([[0, { type: 'request', userId: 'a' }], [0, { type: 'request', userId: 'b' }], [10, { type: 'grant', userId: 'a' }]]);
    const r = ok(reduceSpeakerQueue(s, { type: 'grant', userId: 'b' }, at(100)));
    expect(r.turnEnded).toEqual({ userId: 'a', durationMs: 90_000 });
    expect(r.state.current?.userId).toBe('b');
    expect(r.state.queue).toEqual([]);
  });
  it('the first grant reports no ended turn', () => {
    const s = run([[0, { type: 'request', userId: 'a' }]]);
    expect(ok(reduceSpeakerQueue(s, { type: 'grant', userId: 'a' }, at(1))).turnEnded).toBeUndefined();
  });
  it('endTurn clears the floor and reports the duration; refused without a speaker', () => {
    const s = run([[0, { type: 'request', userId: 'a' }], [0, { type: 'grant', userId: 'a' }]]);
    const r = ok(reduceSpeakerQueue(s, { type: 'endTurn' }, at(42)));
    expect(r.state.current).toBeNull();
    expect(r.turnEnded).toEqual({ userId: 'a', durationMs: 42_000 });
    expect(reduceSpeakerQueue(r.state, { type: 'endTurn' }, at(43))).toEqual({ ok: false, code: 'NO_CURRENT_SPEAKER' });
  });
  it('a user can queue again after their turn', () => {
    const s = run([[0, { type: 'request', userId: 'a' }], [0, { type: 'grant', userId: 'a' }], [5, { type: 'endTurn' }], [6, { type: 'request', userId: 'a' }]]);
    expect(ids(s)).toEqual(['a']);
  });
});

describe('reduceSpeakerQueue: reordering', () => {
  const abc = (): SpeakerQueueState =>
    run([[0, { type: 'request', userId: 'a' }], [1, { type: 'request', userId: 'b' }], [2, { type: 'request', userId: 'c' }]]);
  it('skip moves the user to the end', () => {
    expect(ids(run([[3, { type: 'skip', userId: 'a' }]], abc()))).toEqual(['b', 'c', 'a']);
    expect(ids(run([[3, { type: 'skip', userId: 'c' }]], abc()))).toEqual(['a', 'b', 'c']);
    expect(reduceSpeakerQueue(abc(), { type: 'skip', userId: 'z' }, at(3))).toEqual({ ok: false, code: 'NOT_IN_QUEUE' });
  });
  it('moveUp and moveDown swap with the neighbour', () => {
    expect(ids(run([[3, { type: 'moveUp', userId: 'c' }]], abc()))).toEqual(['a', 'c', 'b']);
    expect(ids(run([[3, { type: 'moveDown', userId: 'a' }]], abc()))).toEqual(['b', 'a', 'c']);
  });
  it('moveUp of the first and moveDown of the last are refused', () => {
    expect(reduceSpeakerQueue(abc(), { type: 'moveUp', userId: 'a' }, at(3))).toEqual({ ok: false, code: 'ALREADY_FIRST' });
    expect(reduceSpeakerQueue(abc(), { type: 'moveDown', userId: 'c' }, at(3))).toEqual({ ok: false, code: 'ALREADY_LAST' });
    expect(reduceSpeakerQueue(abc(), { type: 'moveUp', userId: 'z' }, at(3))).toEqual({ ok: false, code: 'NOT_IN_QUEUE' });
    expect(reduceSpeakerQueue(abc(), { type: 'moveDown', userId: 'z' }, at(3))).toEqual({ ok: false, code: 'NOT_IN_QUEUE' });
  });
  it('reordering keeps the original request times', () => {
    const s = run([[3, { type: 'moveUp', userId: 'b' }]], abc());
    expect(s.queue[0]).toEqual({ userId: 'b', requestedAt: at(1).toISOString() });
  });
});

describe('reduceSpeakerQueue: timer control', () => {
  const speaking = (): SpeakerQueueState => run([[0, { type: 'request', userId: 'a' }], [0, { type: 'grant', userId: 'a' }]]);
  it('pause freezes the elapsed time; resume continues it', () => {
    const paused = run([[30, { type: 'pause' }]], speaking());
    expect(paused.current?.pausedAt).toBe(at(30).toISOString());
    expect(elapsedMs(paused.current as CurrentSpeaker, at(500))).toBe(30_000);
    const resumed = run([[100, { type: 'resume' }]], paused);
    expect(resumed.current?.pausedAt).toBeNull();
    expect(elapsedMs(resumed.current as CurrentSpeaker, at(110))).toBe(40_000);
    const r = ok(reduceSpeakerQueue(resumed, { type: 'endTurn' }, at(120)));
    expect(r.turnEnded).toEqual({ userId: 'a', durationMs: 50_000 });
  });
  it('several pauses accumulate correctly', () => {
    const s = run([[10, { type: 'pause' }], [20, { type: 'resume' }], [25, { type: 'pause' }], [60, { type: 'resume' }]], speaking());
    expect(elapsedMs(s.current as CurrentSpeaker, at(65))).toBe(20_000);
    expect(s.current?.startedAt).toBe(at(0).toISOString());
  });
  it('pause twice, resume while running, and timer actions without a speaker are refused', () => {
    const paused = run([[5, { type: 'pause' }]], speaking());
    expect(reduceSpeakerQueue(paused, { type: 'pause' }, at(6))).toEqual({ ok: false, code: 'ALREADY_PAUSED' });
    expect(reduceSpeakerQueue(speaking(), { type: 'resume' }, at(6))).toEqual({ ok: false, code: 'NOT_PAUSED' });
    for (const type of ['pause', 'resume', 'addMinute', 'endTurn'] as const) {
      expect(reduceSpeakerQueue(initialSpeakerQueue(), { type }, at(0))).toEqual({ ok: false, code: 'NO_CURRENT_SPEAKER' });
    }
  });
  it('addMinute adds 60 s to the limit each time', () => {
    const s = run([[10, { type: 'addMinute' }], [11, { type: 'addMinute' }]], speaking());
    expect(s.current?.extraMs).toBe(120_000);
    expect(remainingMs(s.current as CurrentSpeaker, 180_000, at(60))).toBe(240_000);
  });
  it('granting while paused ends the paused turn with its frozen duration', () => {
    const s = run([[0, { type: 'request', userId: 'b' }], [30, { type: 'pause' }]], speaking());
    expect(ok(reduceSpeakerQueue(s, { type: 'grant', userId: 'b' }, at(300))).turnEnded).toEqual({ userId: 'a', durationMs: 30_000 });
  });
});

describe('remainingMs and timerPhase', () => {
  const current: CurrentSpeaker = { userId: 'a', startedAt: at(0).toISOString(), pausedAt: null, elapsedMsBeforePause: 0, extraMs: 0 };
  const LIMIT = 180_000;
  const WARN = 30_000;
  it('counts down from the limit and goes negative in overtime', () => {
    expect(remainingMs(current, LIMIT, at(0))).toBe(180_000);
    expect(remainingMs(current, LIMIT, at(60))).toBe(120_000);
    expect(remainingMs(current, LIMIT, at(200))).toBe(-20_000);
  });
  it('running, then warning near the end, then overtime at the limit', () => {
    expect(timerPhase(current, LIMIT, at(0), WARN)).toBe('running');
    expect(timerPhase(current, LIMIT, at(149), WARN)).toBe('running');
    expect(timerPhase(current, LIMIT, at(150), WARN)).toBe('warning');
    expect(timerPhase(current, LIMIT, at(179), WARN)).toBe('warning');
    expect(timerPhase(current, LIMIT, at(180), WARN)).toBe('overtime');
    expect(timerPhase(current, LIMIT, at(999), WARN)).toBe('overtime');
  });
  it('paused wins over every other phase', () => {
    const paused: CurrentSpeaker = { ...current, pausedAt: at(200).toISOString(), elapsedMsBeforePause: 200_000 };
    expect(timerPhase(paused, LIMIT, at(500), WARN)).toBe('paused');
    expect(remainingMs(paused, LIMIT, at(500))).toBe(-20_000);
  });
  it('extra time moves the warning and overtime points', () => {
    const extended: CurrentSpeaker = { ...current, extraMs: 60_000 };
    expect(timerPhase(extended, LIMIT, at(180), WARN)).toBe('running');
    expect(timerPhase(extended, LIMIT, at(210), WARN)).toBe('warning');
    expect(timerPhase(extended, LIMIT, at(240), WARN)).toBe('overtime');
  });
  it('a clock behind the start time never yields negative elapsed time', () => {
    expect(elapsedMs(current, at(-10))).toBe(0);
    expect(remainingMs(current, LIMIT, at(-10))).toBe(LIMIT);
  });
});
