import { describe, expect, it } from '@jest/globals';
import { canManage, canSeeDocument, canView, membershipOf, type ParticipantRow } from './meeting-access.js';

const participants: ParticipantRow[] = [
  { userId: 'chair', role: 'chair', rsvp: 'attending', substituteUserId: null },
  { userId: 'm1', role: 'member', rsvp: 'delegated', substituteUserId: 'sub' },
  { userId: 'm2', role: 'member', rsvp: 'pending', substituteUserId: null },
  { userId: 'guest', role: 'guest', rsvp: 'attending', substituteUserId: null },
  { userId: 'proj', role: 'display', rsvp: 'pending', substituteUserId: null },
];
const viewer = (userId: string, systemRole: 'admin' | 'secretary' | 'member' = 'member') => ({ userId, systemRole });
const everyone = { audience: 'participants' as const, grantedUserIds: [] };
const onlyM1 = { audience: 'selected' as const, grantedUserIds: ['m1'] };

describe('meeting access', () => {
  it('gives a substitute the seat of the member they replace', () => {
    expect(membershipOf('sub', participants)).toEqual({ role: 'member', seatUserId: 'm1', asSubstitute: true });
    expect(membershipOf('stranger', participants)).toBeNull();
  });

  it('hides drafts from participants but not from secretaries or the chair who approves the agenda', () => {
    expect(canView(viewer('m2'), 'draft', membershipOf('m2', participants))).toBe(false);
    expect(canView(viewer('m2'), 'published', membershipOf('m2', participants))).toBe(true);
    expect(canView(viewer('thuky', 'secretary'), 'draft', null)).toBe(true);
    expect(canView(viewer('admin', 'admin'), 'published', null)).toBe(false);
    expect(canView(viewer('chair'), 'draft', membershipOf('chair', participants))).toBe(true);
  });

  it('lets only secretaries manage', () => {
    expect(canManage(viewer('thuky', 'secretary'), null)).toBe(true);
    expect(canManage(viewer('chair'), membershipOf('chair', participants))).toBe(false);
  });

  it('shows guests and the projector only granted documents', () => {
    expect(canSeeDocument(viewer('guest'), membershipOf('guest', participants), everyone)).toBe(false);
    expect(canSeeDocument(viewer('guest'), membershipOf('guest', participants), { audience: 'selected', grantedUserIds: ['guest'] })).toBe(true);
    expect(canSeeDocument(viewer('proj'), membershipOf('proj', participants), everyone)).toBe(true);
  });

  it('applies selected audiences, through the seat for a substitute', () => {
    expect(canSeeDocument(viewer('m2'), membershipOf('m2', participants), onlyM1)).toBe(false);
    expect(canSeeDocument(viewer('m1'), membershipOf('m1', participants), onlyM1)).toBe(true);
    expect(canSeeDocument(viewer('sub'), membershipOf('sub', participants), onlyM1)).toBe(true);
    expect(canSeeDocument(viewer('chair'), membershipOf('chair', participants), onlyM1)).toBe(true);
    expect(canSeeDocument(viewer('stranger'), null, everyone)).toBe(false);
  });
});
