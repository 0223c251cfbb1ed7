import { z } from 'zod';

/**
 * A person's role inside one meeting, independent of their system role: a system "member" can chair one
 * meeting and be a guest in another. The display role is a projector account that only watches.
 */
export const MEETING_ROLES = ['chair', 'secretary', 'member', 'guest', 'display'] as const;
export const meetingRoleSchema = z.enum(MEETING_ROLES);
export type MeetingRole = z.infer<typeof meetingRoleSchema>;

/** Only these roles vote; a substitute votes in place of the member they replace. */
export const VOTING_MEETING_ROLES: readonly MeetingRole[] = ['chair', 'member'];
