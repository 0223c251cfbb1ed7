import { describe, expect, it } from '@jest/globals';
import { DEFAULT_LIVE_SETTINGS } from '@phonghop/shared';
import { checkInOpen, checkInOpensAt } from './check-in-window';

const room = { startsAt: '2026-12-15T01:00:00.000Z', settings: { ...DEFAULT_LIVE_SETTINGS, checkInOpensMinutes: 30 } };
const opens = Date.parse('2026-12-15T00:30:00.000Z');

describe('check-in window', () => {
  it('opens checkInOpensMinutes before the start', () => {
    expect(checkInOpensAt(room)).toBe(opens);
    expect(checkInOpen('scheduled', room, opens - 1)).toBe(false);
    expect(checkInOpen('scheduled', room, opens)).toBe(true);
  });

  it('is open once the chair started the meeting, even early', () => {
    expect(checkInOpen('in_progress', room, opens - 86_400_000)).toBe(true);
    expect(checkInOpen('paused', room, opens - 86_400_000)).toBe(true);
  });

  it('is closed after the meeting ended', () => {
    expect(checkInOpen('ended', room, opens + 1)).toBe(false);
  });
});
