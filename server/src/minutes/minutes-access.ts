import type { MinutesStatus } from '@phonghop/shared';
import { canManage, type Membership, type Viewer } from '../meetings/meeting-access.js';

/**
 * Who does what with a meeting's minutes. The secretary (the meeting's, or the office's) writes and submits; the
 * chair shares the draft with the members, approves (and so signs) or returns; members read the draft only when the
 * chair allows it, and always the approved minutes; guests and the display never see the minutes.
 */
export type MinutesRole = 'secretary' | 'chair' | 'member';

export function minutesRole(viewer: Viewer, membership: Membership | null): MinutesRole | null {
  if (membership?.role === 'chair') return 'chair';
  if (canManage(viewer, membership)) return 'secretary';
  if (membership?.role === 'member') return 'member';
  return null;
}

export function canReadMinutes(role: MinutesRole | null, minutes: { membersCanRead: boolean; status: MinutesStatus }): boolean {
  if (role === 'secretary' || role === 'chair') return true;
  return role === 'member' && (minutes.membersCanRead || minutes.status === 'approved');
}

export function canCommentMinutes(role: MinutesRole | null, minutes: { membersCanRead: boolean }): boolean {
  return role === 'secretary' || role === 'chair' || (role === 'member' && minutes.membersCanRead);
}

export const canEditMinutes = (role: MinutesRole | null): boolean => role === 'secretary';
export const canDecideMinutes = (role: MinutesRole | null): boolean => role === 'chair';

/** Tasks: the chair and the secretaries of the meeting see all of its tasks; others see those of their unit or their own. */
export function canSeeTask(
  viewer: Viewer & { unit: string },
  role: MinutesRole | null,
  task: { leadUserId: string | null; leadUnit: string },
): boolean {
  if (role === 'chair' || role === 'secretary') return true;
  return task.leadUserId === viewer.userId || (viewer.unit !== '' && sameUnit(task.leadUnit, viewer.unit));
}

/** One spelling per unit name: "Phòng  Tư pháp" typed with extra spaces or decomposed accents is the same unit. */
export const normaliseUnit = (unit: string): string => unit.normalize('NFC').trim().replace(/\s+/g, ' ');

export function sameUnit(a: string, b: string): boolean {
  return normaliseUnit(a) === normaliseUnit(b);
}
