import { describe, expect, it } from '@jest/globals';
import type { Membership, Viewer } from '../meetings/meeting-access.js';
import { canSeeHit } from './search-access.js';

const member: Viewer = { userId: 'u-member', systemRole: 'member' };
const seat = (role: Membership['role'], userId = 'u-member'): Membership => ({ role, seatUserId: userId, asSubstitute: false });

describe('canSeeHit', () => {
  it('hides everything of a meeting the viewer does not sit in', () => {
    expect(canSeeHit(member, { kind: 'meeting', meetingStatus: 'published', membership: null })).toBe(false);
  });

  it('hides a draft meeting from its members, not from its chair', () => {
    expect(canSeeHit(member, { kind: 'agenda_item', meetingStatus: 'draft', membership: seat('member') })).toBe(false);
    expect(canSeeHit(member, { kind: 'agenda_item', meetingStatus: 'draft', membership: seat('chair') })).toBe(true);
  });

  it("shows a 'selected' document only to those granted it", () => {
    const document = { audience: 'selected' as const, grantedUserIds: ['someone-else'] };
    expect(canSeeHit(member, { kind: 'document', meetingStatus: 'published', membership: seat('member'), document })).toBe(false);
    expect(
      canSeeHit(member, { kind: 'document', meetingStatus: 'published', membership: seat('member'), document: { ...document, grantedUserIds: ['u-member'] } }),
    ).toBe(true);
  });

  it('hides a removed document', () => {
    expect(canSeeHit(member, { kind: 'document', meetingStatus: 'published', membership: seat('member'), document: null })).toBe(false);
  });

  it('shows approved minutes to members but never to guests, and no minutes that are not approved', () => {
    const minutes = { status: 'approved' as const, membersCanRead: false };
    expect(canSeeHit(member, { kind: 'minutes', meetingStatus: 'ended', membership: seat('member'), minutes })).toBe(true);
    expect(canSeeHit(member, { kind: 'minutes', meetingStatus: 'ended', membership: seat('guest'), minutes })).toBe(false);
    expect(
      canSeeHit(member, { kind: 'minutes', meetingStatus: 'ended', membership: seat('chair'), minutes: { status: 'draft', membersCanRead: true } }),
    ).toBe(false);
  });
});
