import { describe, expect, it } from '@jest/globals';
import type { LiveSeat } from '@phonghop/shared';
import { personName, rollCall, seatAttendance, seatName, seatOf } from './seats';

const seat = (userId: string, fullName: string, role: LiveSeat['role'], substitute: LiveSeat['substitute'] = null): LiveSeat => ({
  userId,
  fullName,
  position: '',
  role,
  substitute,
});
const seats = [
  seat('proj', 'Màn hình phòng họp', 'display'),
  seat('sec', 'Nguyễn Thị Thu Hà', 'secretary'),
  seat('lan', 'Phạm Thị Lan', 'member', { userId: 'son', fullName: 'Bùi Thanh Sơn' }),
  seat('chair', 'Trần Văn Minh', 'chair'),
  seat('nam', 'Lê Hoàng Nam', 'member'),
];
const format = (sub: string, holder: string) => `${sub} (dự thay ông/bà ${holder})`;

describe('seats', () => {
  it('finds the seat of a holder and of a substitute', () => {
    expect(seatOf(seats, 'nam')?.userId).toBe('nam');
    expect(seatOf(seats, 'son')?.userId).toBe('lan');
    expect(seatOf(seats, 'nobody')).toBeUndefined();
  });

  it('names a delegated seat after the substitute attending it', () => {
    expect(seatName(seats[2], format)).toBe('Bùi Thanh Sơn (dự thay ông/bà Phạm Thị Lan)');
    expect(seatName(seats[4], format)).toBe('Lê Hoàng Nam');
    expect(personName(seats, 'son', format, '?')).toBe('Bùi Thanh Sơn (dự thay ông/bà Phạm Thị Lan)');
    expect(personName(seats, 'nam', format, '?')).toBe('Lê Hoàng Nam');
    expect(personName(seats, 'staff', format, 'Văn phòng')).toBe('Văn phòng');
  });

  it('counts a substitute marked present under their own id for the seat', () => {
    const lan = seats[2];
    expect(seatAttendance({}, lan)).toBeUndefined();
    expect(seatAttendance({ lan: { state: 'present_in_person', arrivedAt: 'x' } }, lan)?.state).toBe('present_in_person');
    expect(seatAttendance({ lan: { state: 'unmarked' }, son: { state: 'present_online' } }, lan)?.state).toBe('present_online');
    expect(seatAttendance({ lan: { state: 'absent', reason: 'ốm' } }, lan)?.state).toBe('absent');
  });

  it('calls the roll chair first, then members, secretary and guests, without the display', () => {
    expect(rollCall(seats).map((s) => s.userId)).toEqual(['chair', 'lan', 'nam', 'sec']);
  });
});
