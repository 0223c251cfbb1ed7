import { type LiveRoomInfo, type MeetingRole, type LiveSeat, type LiveSettings, resolveLiveSettings } from '@phonghop/shared';
import type { Viewer } from '../meetings/meeting-access.js';
import type { MeetingEntity } from '../meetings/meeting.entity.js';
import type { MeetingContext } from '../meetings/meetings.service.js';

const ROLE_ORDER: readonly MeetingRole[] = ['chair', 'member', 'secretary', 'guest', 'display'];

/** The meeting's live settings with the defaults filled in (a meeting saved before they existed has none). */
export function liveSettingsOf(meeting: Pick<MeetingEntity, 'liveSettings'>): LiveSettings {
  return resolveLiveSettings(meeting.liveSettings);
}

/** What a tablet needs once per join: the seats (quorum, names), the settings and who the viewer is. */
export function liveRoomInfo(viewer: Viewer, ctx: MeetingContext, names: ReadonlyMap<string, { fullName: string; position: string }>): LiveRoomInfo {
  const { meeting, participants, membership } = ctx;
  const name = (id: string) => names.get(id) ?? { fullName: '(tài khoản đã xóa)', position: '' };
  const seats: LiveSeat[] = participants.map((p): LiveSeat => {
    const delegated = p.rsvp === 'delegated' && p.substituteUserId !== null;
    return {
      userId: p.userId,
      fullName: name(p.userId).fullName,
      position: name(p.userId).position,
      role: p.role,
      substitute: delegated ? { userId: p.substituteUserId!, fullName: name(p.substituteUserId!).fullName } : null,
    };
  });
  // chair first, then members, secretary, guests, display; by name within a role (the order of the roll call)
  seats.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.fullName.localeCompare(b.fullName, 'vi'));
  return {
    meetingId: meeting.id,
    title: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    location: meeting.location,
    settings: liveSettingsOf(meeting),
    seats,
    me: { userId: viewer.userId, role: membership?.role ?? null, seatUserId: membership?.seatUserId ?? viewer.userId },
  };
}
