import { describe, expect, it } from '@jest/globals';
import type { CurrentSpeaker } from '@phonghop/shared';
import { formatClock, speakerClock } from './speaker-clock';

const T0 = Date.parse('2026-12-15T01:00:00.000Z');
const settings = { speakingLimitSec: 300, speakingWarnSec: 30 };

function turn(overrides: Partial<CurrentSpeaker> = {}): CurrentSpeaker {
  return { userId: 'u1', startedAt: new Date(T0).toISOString(), pausedAt: null, elapsedMsBeforePause: 0, extraMs: 0, resumedAt: null, ...overrides };
}

describe('formatClock', () => {
  it('rounds time left up to the second', () => {
    expect(formatClock(300_000)).toBe('05:00');
    expect(formatClock(299_001)).toBe('05:00');
    expect(formatClock(299_000)).toBe('04:59');
    expect(formatClock(1)).toBe('00:01');
  });

  it('shows time over the limit with a plus sign, rounded down', () => {
    expect(formatClock(0)).toBe('+00:00');
    expect(formatClock(-999)).toBe('+00:00');
    expect(formatClock(-61_000)).toBe('+01:01');
  });

  it('keeps counting minutes past an hour', () => {
    expect(formatClock(3_600_000)).toBe('60:00');
    expect(formatClock(-3_725_000)).toBe('+62:05');
  });
});

describe('speakerClock', () => {
  it('counts down from the limit while running', () => {
    expect(speakerClock(turn(), settings, T0)).toEqual({ text: '05:00', phase: 'running', remainingMs: 300_000 });
    expect(speakerClock(turn(), settings, T0 + 61_500)).toMatchObject({ text: '03:59', phase: 'running' });
  });

  it('warns within the warning time, then turns to overtime at the limit', () => {
    expect(speakerClock(turn(), settings, T0 + 270_000)).toMatchObject({ text: '00:30', phase: 'warning' });
    expect(speakerClock(turn(), settings, T0 + 300_000)).toMatchObject({ text: '+00:00', phase: 'overtime' });
    expect(speakerClock(turn(), settings, T0 + 312_400)).toMatchObject({ text: '+00:12', phase: 'overtime' });
  });

  it('adds granted extra time to the limit', () => {
    expect(speakerClock(turn({ extraMs: 60_000 }), settings, T0 + 300_000)).toMatchObject({ text: '01:00', phase: 'running' });
  });

  it('stands still while paused, whatever the clock says', () => {
    const paused = turn({ pausedAt: new Date(T0 + 10_000).toISOString(), elapsedMsBeforePause: 10_000 });
    expect(speakerClock(paused, settings, T0 + 10_000)).toEqual({ text: '04:50', phase: 'paused', remainingMs: 290_000 });
    expect(speakerClock(paused, settings, T0 + 500_000)).toEqual({ text: '04:50', phase: 'paused', remainingMs: 290_000 });
  });

  it('continues from the time spoken before a pause', () => {
    const resumed = turn({ elapsedMsBeforePause: 100_000, resumedAt: new Date(T0 + 200_000).toISOString() });
    expect(speakerClock(resumed, settings, T0 + 205_000)).toMatchObject({ text: '03:15', phase: 'running' });
  });

  it('never counts up before the turn began (a tablet clock slightly behind the server)', () => {
    expect(speakerClock(turn(), settings, T0 - 2_000)).toMatchObject({ text: '05:00', phase: 'running' });
  });
});
