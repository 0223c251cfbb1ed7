import type { LiveMeetingStatus, LiveRoomInfo } from '@phonghop/shared';

/** When self check-in opens: the start minus the meeting's `checkInOpensMinutes` (ms since the epoch). */
export function checkInOpensAt(room: Pick<LiveRoomInfo, 'startsAt' | 'settings'>): number {
  return Date.parse(room.startsAt) - room.settings.checkInOpensMinutes * 60_000;
}

/** The server's rule: open from `checkInOpensAt`, or as soon as the chair starts the meeting; closed once it ended. */
export function checkInOpen(status: LiveMeetingStatus, room: Pick<LiveRoomInfo, 'startsAt' | 'settings'>, nowMs: number): boolean {
  if (status === 'ended') return false;
  return status !== 'scheduled' || nowMs >= checkInOpensAt(room);
}
