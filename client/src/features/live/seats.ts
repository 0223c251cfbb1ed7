import { type AttendanceRecord, isPresent, type LiveSeat, type MeetingRole } from '@phonghop/shared';

/** "Nguyễn A (dự thay ông/bà B)": the substitute's name, then the seat holder's (translated by the caller). */
export type SubstituteFormat = (substituteName: string, seatName: string) => string;

/** The seat a user sits in: their own, or the one they attend in place of. */
export function seatOf(seats: readonly LiveSeat[], userId: string): LiveSeat | undefined {
  return seats.find((s) => s.userId === userId) ?? seats.find((s) => s.substitute?.userId === userId);
}

/** The seat as the room sees it: the holder, or the substitute attending in their place. */
export function seatName(seat: LiveSeat, format: SubstituteFormat): string {
  return seat.substitute ? format(seat.substitute.fullName, seat.fullName) : seat.fullName;
}

/** A person of the room by user id (speakers, presenter); `fallback` for someone not seated (office staff). */
export function personName(seats: readonly LiveSeat[], userId: string, format: SubstituteFormat, fallback: string): string {
  const seat = seatOf(seats, userId);
  if (!seat) return fallback;
  return seat.substitute?.userId === userId ? format(seat.substitute.fullName, seat.fullName) : seat.fullName;
}

/**
 * A seat's attendance: check-in records it under the seat holder's id, while the secretary may mark the substitute
 * by their own id; whichever says present counts (as in the quorum rule).
 */
export function seatAttendance(attendance: Readonly<Record<string, AttendanceRecord>>, seat: LiveSeat): AttendanceRecord | undefined {
  const own = attendance[seat.userId];
  const sub = seat.substitute ? attendance[seat.substitute.userId] : undefined;
  if (isPresent(sub?.state) && !isPresent(own?.state)) return sub;
  return own ?? sub;
}

const ROLE_ORDER: readonly MeetingRole[] = ['chair', 'member', 'secretary', 'guest'];

/** Those who attend, in the order of a roll call: chair, members, secretary, guests (the display is no one). */
export function rollCall(seats: readonly LiveSeat[]): LiveSeat[] {
  return ROLE_ORDER.flatMap((role) => seats.filter((s) => s.role === role));
}
