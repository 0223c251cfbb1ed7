import type { LiveRoomInfo } from './live.commands.js';
import type { LiveState } from './live-state.js';
import { type AttendanceState, computeQuorum, type QuorumResult } from './quorum.js';

/** The quorum of a live room right now: its seats and rule (from join) against the attendance in the state. */
export function liveQuorum(state: Pick<LiveState, 'attendance'>, room: Pick<LiveRoomInfo, 'seats' | 'settings'>): QuorumResult {
  const attendance: Record<string, AttendanceState> = {};
  for (const [userId, record] of Object.entries(state.attendance)) attendance[userId] = record.state;
  const seats = room.seats.map((s) => ({ userId: s.userId, role: s.role, substituteUserId: s.substitute?.userId ?? null }));
  return computeQuorum({ seats, attendance }, room.settings.quorumRule);
}
