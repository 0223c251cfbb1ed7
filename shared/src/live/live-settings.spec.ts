import { describe, expect, it } from '@jest/globals';
import { DEFAULT_LIVE_SETTINGS, liveSettingsSchema, quorumRuleLabelVi, resolveLiveSettings } from './live-settings.js';
import { liveQuorum } from './live-quorum.js';
import { initialLiveState } from './live-state.js';

describe('live settings', () => {
  it('defaults: more than half, 5 minutes per turn, warning 30 s before, check-in an hour ahead', () => {
    expect(DEFAULT_LIVE_SETTINGS).toEqual({ quorumRule: { kind: 'more_than_half' }, speakingLimitSec: 300, speakingWarnSec: 30, checkInOpensMinutes: 60 });
    expect(resolveLiveSettings(null)).toEqual(DEFAULT_LIVE_SETTINGS);
    expect(resolveLiveSettings({ speakingLimitSec: 180 }).speakingLimitSec).toBe(180);
  });

  it('refuses a fraction above one and a speaking limit under 30 s', () => {
    expect(liveSettingsSchema.safeParse({ quorumRule: { kind: 'at_least_fraction', numerator: 3, denominator: 2 } }).success).toBe(false);
    expect(liveSettingsSchema.safeParse({ speakingLimitSec: 10 }).success).toBe(false);
  });

  it('falls back to the defaults for a stored value that no longer parses', () => {
    expect(resolveLiveSettings({ speakingLimitSec: 'x' })).toEqual(DEFAULT_LIVE_SETTINGS);
  });

  it('labels the rules in Vietnamese', () => {
    expect(quorumRuleLabelVi({ kind: 'more_than_half' })).toBe('Quá nửa tổng số thành viên');
    expect(quorumRuleLabelVi({ kind: 'at_least_fraction', numerator: 2, denominator: 3 })).toBe('Ít nhất hai phần ba tổng số thành viên');
    expect(quorumRuleLabelVi({ kind: 'at_least_count', count: 5 })).toBe('Ít nhất 5 thành viên');
  });
});

describe('liveQuorum', () => {
  const seats = [
    { userId: 'chair', fullName: 'A', position: '', role: 'chair' as const, substitute: null },
    { userId: 'm1', fullName: 'B', position: '', role: 'member' as const, substitute: { userId: 's1', fullName: 'S' } },
    { userId: 'm2', fullName: 'C', position: '', role: 'member' as const, substitute: null },
    { userId: 'g', fullName: 'G', position: '', role: 'guest' as const, substitute: null },
  ];
  it('counts voting seats only, and a substitute for the seat they hold', () => {
    const state = {
      ...initialLiveState(),
      attendance: { chair: { state: 'present_in_person' as const }, s1: { state: 'present_online' as const }, g: { state: 'present_in_person' as const } },
    };
    expect(liveQuorum(state, { seats, settings: DEFAULT_LIVE_SETTINGS })).toEqual({ voting: 3, present: 2, required: 2, met: true });
    const twoThirds = { ...DEFAULT_LIVE_SETTINGS, quorumRule: { kind: 'at_least_fraction' as const, numerator: 2, denominator: 3 } };
    expect(liveQuorum({ attendance: { chair: { state: 'present_in_person' } } }, { seats, settings: twoThirds })).toEqual({ voting: 3, present: 1, required: 2, met: false });
  });
});
