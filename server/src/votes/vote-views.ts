import type { SystemRole, VoteDto } from '@phonghop/shared';
import { canManage, type Membership } from '../meetings/meeting-access.js';
import type { VoteEntity } from './vote.entity.js';

/** Drafts are seen by those who prepare and run votes: the chair and the secretaries. */
export function canSeeDrafts(membership: Membership | null, systemRole: SystemRole): boolean {
  return membership?.role === 'chair' || canManage({ userId: '', systemRole }, membership);
}

/** A vote is the room's from its opening; before (a draft, or a draft cancelled) only those who prepare see it. */
export function canSeeVote(vote: Pick<VoteEntity, 'openedAt'>, membership: Membership | null, systemRole: SystemRole): boolean {
  return vote.openedAt !== null || canSeeDrafts(membership, systemRole);
}

/**
 * The chair and the secretaries review a result (and a named vote's ballots) once the vote closes, before it is
 * announced; everyone else sees it once published.
 */
export function canSeeResult(vote: Pick<VoteEntity, 'status'>, membership: Membership | null, systemRole: SystemRole): boolean {
  if (vote.status === 'published') return true;
  return vote.status === 'closed' && canSeeDrafts(membership, systemRole);
}

export function toVoteDto(v: VoteEntity, showResult: boolean): VoteDto {
  return {
    id: v.id,
    meetingId: v.meetingId,
    agendaItemId: v.agendaItemId,
    question: v.question,
    kind: v.kind,
    rule: v.rule,
    options: v.options,
    maxChoices: v.maxChoices,
    quorumRequired: v.quorumRequired,
    allowChange: v.allowChange,
    durationSec: v.durationSec,
    showLiveChoices: v.showLiveChoices,
    status: v.status,
    openedAt: v.openedAt?.toISOString() ?? null,
    closesAt: v.closesAt?.toISOString() ?? null,
    closedAt: v.closedAt?.toISOString() ?? null,
    eligibleCount: v.eligible?.length ?? null,
    castCount: v.castCount,
    result: showResult ? v.result : null,
    cancelReason: v.cancelReason,
  };
}
