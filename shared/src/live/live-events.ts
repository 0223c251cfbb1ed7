/**
 * One entry of a meeting's event log (the live meeting room): what happened, in order. `seq` is meeting-scoped and
 * strictly increasing from 1; `hash` chains the entry to the one before it (SHA-256 hex), so a later edit of the
 * stored log is detectable. Facts are broadcast with their `seq`; a client that sees a gap asks for what it missed.
 */
export interface MeetingEventDto {
  meetingId: string;
  seq: number;
  /** e.g. 'meeting.started', 'agenda.item-opened'. */
  type: string;
  payload: unknown;
  /** null for events the system records on its own. */
  actorUserId: string | null;
  /** ISO 8601, UTC. */
  at: string;
  hash: string;
}
