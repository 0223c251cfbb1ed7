import { describe, expect, it } from '@jest/globals';
import { isoToLocalInput, localInputToIso, vnTime } from './vn-time';

describe('Vietnam wall time for datetime-local inputs', () => {
  it('sends the typed time with the +07:00 offset', () => {
    expect(localInputToIso('2026-12-15T14:00')).toBe('2026-12-15T14:00:00+07:00');
    expect(localInputToIso('')).toBe('');
    expect(localInputToIso('15/12/2026')).toBe('');
  });

  it('shows a UTC instant in Vietnam time, across midnight', () => {
    expect(isoToLocalInput('2026-12-15T07:00:00Z')).toBe('2026-12-15T14:00');
    expect(isoToLocalInput('2026-12-31T20:30:00.000Z')).toBe('2027-01-01T03:30');
    expect(vnTime('2026-12-15T09:30:00Z')).toBe('16:30');
  });

  it('round-trips', () => {
    expect(isoToLocalInput(localInputToIso('2026-03-01T08:05'))).toBe('2026-03-01T08:05');
  });
});
