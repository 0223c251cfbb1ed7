import type { MeetingStatus, MinutesStatus, SearchKind } from '@phonghop/shared';
import { canSeeDocument, canView, type Membership, type Viewer } from '../meetings/meeting-access.js';
import { canReadMinutes, minutesRole } from '../minutes/minutes-access.js';

export interface HitFacts {
  kind: SearchKind;
  meetingStatus: MeetingStatus;
  membership: Membership | null;
  /** Document hits: the document as it is now (null: removed or gone). */
  document?: { audience: 'participants' | 'selected'; grantedUserIds: readonly string[] } | null;
  /** Minutes hits: the minutes row as it is now. */
  minutes?: { status: MinutesStatus; membersCanRead: boolean } | null;
}

/**
 * The second check, in code, on every candidate the SQL filter let through: a hit is shown only to someone who may
 * open what it links to, under the same rules as the meeting, document and minutes pages.
 */
export function canSeeHit(viewer: Viewer, hit: HitFacts): boolean {
  if (!canView(viewer, hit.meetingStatus, hit.membership)) return false;
  switch (hit.kind) {
    case 'meeting':
    case 'agenda_item':
      return true;
    case 'document':
      return !!hit.document && canSeeDocument(viewer, hit.membership, hit.document);
    case 'minutes':
      return !!hit.minutes && hit.minutes.status === 'approved' && canReadMinutes(minutesRole(viewer, hit.membership), hit.minutes);
  }
}
