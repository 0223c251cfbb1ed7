import { describe, expect, it } from '@jest/globals';
import { percentOf } from '@phonghop/shared';
import { barWidth, clockText, formatPercent, secondsLeft, voteProgress } from './vote-format';

const seats = (n: number) => Array.from({ length: n }, (_, i) => `seat-${i}`);

describe('voteProgress', () => {
  it('counts ballots against the members who may vote: 3 of 5 is 60%', () => {
    expect(voteProgress({ castCount: 3, eligible: seats(5) })).toEqual({ cast: 3, eligible: 5, percent: 60, complete: false });
  });

  it('is complete when everyone eligible has voted', () => {
    expect(voteProgress({ castCount: 5, eligible: seats(5) })).toMatchObject({ percent: 100, complete: true });
  });

  it('has no bar and is never complete when nobody may vote (no division by zero)', () => {
    expect(voteProgress({ castCount: 0, eligible: [] })).toEqual({ cast: 0, eligible: 0, percent: 0, complete: false });
  });

  it('never shows more ballots than voters, even if a late admission has not reached this tablet yet', () => {
    expect(voteProgress({ castCount: 6, eligible: seats(5) })).toMatchObject({ cast: 5, percent: 100 });
  });
});

describe('formatPercent', () => {
  it('writes the tally’s percentages with a decimal comma in Vietnamese and a point in English', () => {
    expect(formatPercent(percentOf(2, 3), 'vi')).toBe('66,67%');
    expect(formatPercent(percentOf(2, 3), 'en')).toBe('66.67%');
    expect(formatPercent(percentOf(1, 32), 'vi')).toBe('3,13%');
  });

  it('drops decimals a whole number does not have', () => {
    expect(formatPercent(50, 'vi')).toBe('50%');
    expect(formatPercent(0, 'vi')).toBe('0%');
    expect(formatPercent(100, 'en')).toBe('100%');
  });
});

describe('barWidth', () => {
  it('keeps a bar between empty and full', () => {
    expect(barWidth(44.44)).toBe(44.44);
    expect(barWidth(0)).toBe(0);
    expect(barWidth(-3)).toBe(0);
    expect(barWidth(140)).toBe(100);
    expect(barWidth(Number.NaN)).toBe(0);
  });
});

describe('the countdown', () => {
  const closesAt = '2026-12-03T08:10:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('counts whole seconds left by the server’s clock, rounding up', () => {
    expect(secondsLeft(closesAt, at('2026-12-03T08:08:55.000Z'))).toBe(65);
    expect(secondsLeft(closesAt, at('2026-12-03T08:09:59.100Z'))).toBe(1);
  });

  it('stops at zero once the time has passed, and is absent without a countdown', () => {
    expect(secondsLeft(closesAt, at('2026-12-03T08:11:00.000Z'))).toBe(0);
    expect(secondsLeft(null, Date.now())).toBeNull();
  });

  it('reads like the speaking timer', () => {
    expect(clockText(65)).toBe('01:05');
    expect(clockText(0)).toBe('00:00');
    expect(clockText(3600)).toBe('1:00:00');
  });
});
