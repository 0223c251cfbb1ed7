import type { MeetingRole, MeetingStatus, SystemRole } from '@phonghop/shared';

export interface Viewer {
  userId: string;
  systemRole: SystemRole;
}

export interface ParticipantRow {
  userId: string;
  role: MeetingRole;
  rsvp: string;
  substituteUserId: string | null;
}

/** The rights a viewer holds in one meeting: their own seat, or the seat of the member they replace. */
export interface Membership {
  role: MeetingRole;
  /** Whose seat: the viewer's own id, or the delegating member's. */
  seatUserId: string;
  asSubstitute: boolean;
}

export function membershipOf(viewerId: string, participants: readonly ParticipantRow[]): Membership | null {
  const own = participants.find((p) => p.userId === viewerId);
  if (own) return { role: own.role, seatUserId: own.userId, asSubstitute: false };
  const seat = participants.find((p) => p.rsvp === 'delegated' && p.substituteUserId === viewerId);
  return seat ? { role: seat.role, seatUserId: seat.userId, asSubstitute: true } : null;
}

/** Secretaries of the office (system role) and the meeting's own secretary prepare it. */
export function canManage(viewer: Viewer, membership: Membership | null): boolean {
  return viewer.systemRole === 'secretary' || membership?.role === 'secretary';
}

/**
 * Participants see a meeting from its publication on; drafts stay with those who prepare them and with the
 * chair, who approves the agenda before the invitation goes out.
 */
export function canView(viewer: Viewer, status: MeetingStatus, membership: Membership | null): boolean {
  if (canManage(viewer, membership) || membership?.role === 'chair') return true;
  return membership !== null && status !== 'draft';
}

export function canApproveAgenda(membership: Membership | null): boolean {
  return membership?.role === 'chair';
}

export interface DocumentAccessInput {
  audience: 'participants' | 'selected';
  grantedUserIds: readonly string[];
}

/**
 * Guests see only what is granted to them; everyone else in the meeting (the projector too) sees documents for all
 * participants, and "selected" documents when granted. A substitute inherits the grants of the seat.
 */
export function canSeeDocument(viewer: Viewer, membership: Membership | null, doc: DocumentAccessInput): boolean {
  if (canManage(viewer, membership)) return true;
  if (!membership) return false;
  if (membership.role === 'chair') return true;
  const granted = doc.grantedUserIds.includes(membership.seatUserId) || doc.grantedUserIds.includes(viewer.userId);
  if (membership.role === 'guest') return granted;
  return doc.audience === 'participants' || granted;
}
