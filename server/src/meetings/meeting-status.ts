import type { MeetingStatus } from '@phonghop/shared';

const NEXT: Record<MeetingStatus, readonly MeetingStatus[]> = {
  draft: ['published', 'cancelled'],
  published: ['in_progress', 'cancelled'],
  in_progress: ['ended'],
  ended: ['archived'],
  archived: [],
  cancelled: [],
};

export function canTransition(from: MeetingStatus, to: MeetingStatus): boolean {
  return NEXT[from].includes(to);
}

/** Preparation (details, participants, agenda, documents) stays open until the meeting ends. */
export function isPreparable(status: MeetingStatus): boolean {
  return status === 'draft' || status === 'published' || status === 'in_progress';
}

/** Members answer the invitation before the meeting starts. */
export function acceptsRsvp(status: MeetingStatus): boolean {
  return status === 'published';
}
