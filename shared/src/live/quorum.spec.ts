import { describe, expect, it } from '@jest/globals';
import { computeQuorum, isPresent, requiredPresent, type QuorumSeat } from './quorum.js';

const members = (n: number): QuorumSeat[] => Array.from({ length: n }, (_, i) => ({ userId: `m${i + 1}`, role: 'member' as const }));

describe('requiredPresent', () => {
  it('more than half uses integer arithmetic', () => {
    expect(requiredPresent(7, { kind: 'more_than_half' })).toBe(4);
    expect(requiredPresent(8, { kind: 'more_than_half' })).toBe(5);
    expect(requiredPresent(1, { kind: 'more_than_half' })).toBe(1);
  });
  it('two thirds rounds up exactly', () => {
    const r = { kind: 'at_least_fraction', numerator: 2, denominator: 3 } as const;
    expect(requiredPresent(9, r)).toBe(6);
    expect(requiredPresent(10, r)).toBe(7);
    expect(requiredPresent(3, r)).toBe(2);
    expect(requiredPresent(0, r)).toBe(0);
  });
  it('fractions that are inexact in floating point still give the exact ceiling', () => {
    // 0.1 * 3 * 10 = 3.0000000000000004 in floating point; ceil would give 4
    expect(requiredPresent(30, { kind: 'at_least_fraction', numerator: 1, denominator: 10 })).toBe(3);
    expect(requiredPresent(100, { kind: 'at_least_fraction', numerator: 7, denominator: 100 })).toBe(7);
  });
  it('at least count is the count', () => {
    expect(requiredPresent(10, { kind: 'at_least_count', count: 3 })).toBe(3);
  });
  it('rejects invalid rules', () => {
    expect(() => requiredPresent(5, { kind: 'at_least_fraction', numerator: 1, denominator: 0 })).toThrow(RangeError);
    expect(() => requiredPresent(5, { kind: 'at_least_fraction', numerator: 4, denominator: 3 })).toThrow(RangeError);
    expect(() => requiredPresent(5, { kind: 'at_least_fraction', numerator: 0.5, denominator: 1 })).toThrow(RangeError);
    expect(() => requiredPresent(5, { kind: 'at_least_count', count: -1 })).toThrow(RangeError);
  });
});

describe('isPresent', () => {
  it('counts in-person and online, not absent or unmarked', () => {
    expect(isPresent('present_in_person')).toBe(true);
    expect(isPresent('present_online')).toBe(true);
    expect(isPresent('absent')).toBe(false);
    expect(isPresent('unmarked')).toBe(false);
    expect(isPresent(undefined)).toBe(false);
  });
  it('can exclude online presence', () => {
    expect(isPresent('present_online', { countOnline: false })).toBe(false);
  });
});

describe('computeQuorum', () => {
  it('zero voting members: never met', () => {
    const r = computeQuorum(
      { seats: [{ userId: 'g', role: 'guest' }, { userId: 's', role: 'secretary' }], attendance: { g: 'present_in_person', s: 'present_in_person' } },
      { kind: 'more_than_half' },
    );
    expect(r).toEqual({ voting: 0, present: 0, required: 1, met: false });
    expect(computeQuorum({ seats: [], attendance: {} }, { kind: 'at_least_fraction', numerator: 2, denominator: 3 }).met).toBe(false);
  });
  it('everyone absent: not met', () => {
    const seats = members(5);
    const attendance = Object.fromEntries(seats.map((s) => [s.userId, 'absent' as const]));
    expect(computeQuorum({ seats, attendance }, { kind: 'more_than_half' })).toEqual({ voting: 5, present: 0, required: 3, met: false });
  });
  it('exactly half is not more than half', () => {
    const seats = members(6);
    const attendance = { m1: 'present_in_person', m2: 'present_in_person', m3: 'present_online' } as const;
    expect(computeQuorum({ seats, attendance }, { kind: 'more_than_half' })).toEqual({ voting: 6, present: 3, required: 4, met: false });
  });
  it('more than half of 7 is met with 4', () => {
    const seats = members(7);
    const attendance = { m1: 'present_in_person', m2: 'present_in_person', m3: 'present_online', m4: 'present_in_person' } as const;
    expect(computeQuorum({ seats, attendance }, { kind: 'more_than_half' })).toEqual({ voting: 7, present: 4, required: 4, met: true });
  });
  it('only chair and members count; guests, secretary and display never', () => {
    const seats: QuorumSeat[] = [
      { userId: 'c', role: 'chair' },
      { userId: 'm', role: 'member' },
      { userId: 's', role: 'secretary' },
      { userId: 'g', role: 'guest' },
      { userId: 'd', role: 'display' },
    ];
    const attendance = { c: 'present_in_person', s: 'present_in_person', g: 'present_in_person', d: 'present_in_person' } as const;
    expect(computeQuorum({ seats, attendance }, { kind: 'more_than_half' })).toEqual({ voting: 2, present: 1, required: 2, met: false });
  });
  it("a substitute's presence counts for the seat they hold", () => {
    const seats: QuorumSeat[] = [
      { userId: 'm1', role: 'member', substituteUserId: 'sub1' },
      { userId: 'm2', role: 'member' },
      { userId: 'm3', role: 'member' },
    ];
    const attendance = { m1: 'absent', sub1: 'present_in_person', m2: 'present_online' } as const;
    expect(computeQuorum({ seats, attendance }, { kind: 'more_than_half' })).toEqual({ voting: 3, present: 2, required: 2, met: true });
  });
  it('a seat counts once even when holder and substitute are both present', () => {
    const seats: QuorumSeat[] = [{ userId: 'm1', role: 'member', substituteUserId: 'sub1' }, { userId: 'm2', role: 'member' }];
    const attendance = { m1: 'present_in_person', sub1: 'present_in_person' } as const;
    expect(computeQuorum({ seats, attendance }, { kind: 'at_least_count', count: 2 })).toEqual({ voting: 2, present: 1, required: 2, met: false });
  });
  it('duplicate seats for the same user count once', () => {
    const seats: QuorumSeat[] = [{ userId: 'm1', role: 'chair' }, { userId: 'm1', role: 'member' }];
    expect(computeQuorum({ seats, attendance: { m1: 'present_in_person' } }, { kind: 'more_than_half' }).voting).toBe(1);
  });
  it('online presence can be excluded by option', () => {
    const seats = members(3);
    const attendance = { m1: 'present_in_person', m2: 'present_online' } as const;
    expect(computeQuorum({ seats, attendance }, { kind: 'more_than_half' }).met).toBe(true);
    expect(computeQuorum({ seats, attendance }, { kind: 'more_than_half' }, { countOnline: false })).toEqual({ voting: 3, present: 1, required: 2, met: false });
  });
  it('two thirds of 9 needs 6, of 10 needs 7', () => {
    const rule = { kind: 'at_least_fraction', numerator: 2, denominator: 3 } as const;
    const present = (seats: QuorumSeat[], n: number) => Object.fromEntries(seats.slice(0, n).map((s) => [s.userId, 'present_in_person' as const]));
    const nine = members(9);
    expect(computeQuorum({ seats: nine, attendance: present(nine, 5) }, rule).met).toBe(false);
    expect(computeQuorum({ seats: nine, attendance: present(nine, 6) }, rule)).toEqual({ voting: 9, present: 6, required: 6, met: true });
    const ten = members(10);
    expect(computeQuorum({ seats: ten, attendance: present(ten, 6) }, rule).met).toBe(false);
    expect(computeQuorum({ seats: ten, attendance: present(ten, 7) }, rule).met).toBe(true);
  });
  it('unmarked seats are not present', () => {
    const seats = members(2);
    expect(computeQuorum({ seats, attendance: { m1: 'unmarked', m2: 'unmarked' } }, { kind: 'at_least_count', count: 1 }).met).toBe(false);
  });
});
