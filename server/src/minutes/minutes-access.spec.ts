import { describe, expect, it } from '@jest/globals';
import { canCommentMinutes, canDecideMinutes, canEditMinutes, canReadMinutes, canSeeTask, minutesRole, sameUnit } from './minutes-access.js';

const seat = (role: 'chair' | 'secretary' | 'member' | 'guest' | 'display', asSubstitute = false) => ({ role, seatUserId: 'seat', asSubstitute });
const member = { userId: 'u1', systemRole: 'member' as const };
const office = { userId: 'u2', systemRole: 'secretary' as const };

describe('minutes access', () => {
  it('gives the pen to secretaries and the decision to the chair', () => {
    expect(minutesRole(office, null)).toBe('secretary');
    expect(minutesRole(member, seat('secretary'))).toBe('secretary');
    expect(minutesRole(member, seat('chair'))).toBe('chair');
    expect(minutesRole(member, seat('member', true))).toBe('member');
    expect(minutesRole(member, seat('guest'))).toBeNull();
    expect(minutesRole(member, seat('display'))).toBeNull();
    expect(canEditMinutes('secretary')).toBe(true);
    expect(canEditMinutes('chair')).toBe(false);
    expect(canDecideMinutes('chair')).toBe(true);
    expect(canDecideMinutes('secretary')).toBe(false);
  });

  it('lets members read and comment on the draft only when the chair allows, and read the approved minutes', () => {
    expect(canReadMinutes('member', { membersCanRead: false, status: 'draft' })).toBe(false);
    expect(canReadMinutes('member', { membersCanRead: true, status: 'submitted' })).toBe(true);
    expect(canReadMinutes('member', { membersCanRead: false, status: 'approved' })).toBe(true);
    expect(canReadMinutes(null, { membersCanRead: true, status: 'approved' })).toBe(false);
    expect(canCommentMinutes('member', { membersCanRead: false })).toBe(false);
    expect(canCommentMinutes('member', { membersCanRead: true })).toBe(true);
  });

  it('shows a task to its lead person and unit, and all tasks to the chair', () => {
    const task = { leadUserId: 'lead', leadUnit: 'Phòng Tư pháp' };
    expect(canSeeTask({ ...member, userId: 'lead', unit: 'Phòng Nội vụ' }, 'member', task)).toBe(true);
    expect(canSeeTask({ ...member, unit: ' Phòng Tư  pháp' }, null, task)).toBe(true);
    expect(canSeeTask({ ...member, unit: 'Phòng Nội vụ' }, 'member', task)).toBe(false);
    expect(canSeeTask({ ...member, unit: '' }, 'chair', task)).toBe(true);
    expect(sameUnit('Phòng Tư pháp'.normalize('NFD'), 'Phòng Tư pháp')).toBe(true);
  });
});
