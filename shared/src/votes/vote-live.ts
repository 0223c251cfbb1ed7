import { z } from 'zod';
import { VOTE_OUTCOMES, type VoteResult } from './tally.js';
import {
  type VoteKind,
  voteKindSchema,
  type VoteOption,
  voteOptionRoleSchema,
  voteOptionSchema,
  type VoteRule,
  voteRuleSchema,
  type VoteStatus,
} from './vote.schemas.js';

/**
 * Votes as part of the live room: the events of the meeting's log that concern a vote, and the slice of the live
 * state they fold into. Every tablet in the room (guests and the display too) receives these events, so what is
 * here is what the room may see: that drafts exist (not their text: preparation stays with the chair and the
 * secretaries, who read drafts over HTTP), then from the opening the question and options, who may vote, who has
 * voted, counts, and the result once published. A ballot's choice never appears in an event, except as running
 * counts of an open vote whose chair chose to show them (`showLiveChoices`).
 */

/** A prepared vote, as the room knows it: that it exists, and a revision that moves with each edit. */
export interface LiveVoteDraft {
  agendaItemId: string | null;
  revision: number;
}

/** One vote from its opening on, as the live state holds it (status open, closed, published or cancelled). */
export interface LiveVote {
  status: Exclude<VoteStatus, 'draft'>;
  question: string;
  kind: VoteKind;
  rule: VoteRule;
  options: VoteOption[];
  maxChoices: number;
  agendaItemId: string | null;
  quorumRequired: boolean;
  allowChange: boolean;
  durationSec: number | null;
  showLiveChoices: boolean;
  /**
   * Seats (the member's user id, also when a substitute votes in it) that may vote: fixed at opening, plus late
   * admissions. Emptied once the vote is published or cancelled, as `voters` is: nobody votes in it any more, its
   * counts stay (`castCount`, `result`), and two lists of the room per vote would make the live state, which every
   * command reads and rewrites, grow with every vote of the meeting (at 16 votes of 200 members, most of its 260 KB).
   */
  eligible: string[];
  /** Seats that have voted, in order. Who voted is public; what they chose is not. */
  voters: string[];
  castCount: number;
  /** All voting seats of the meeting, counted at opening; null before. */
  totalMembers: number | null;
  /** The quorum when the vote opened; null before. */
  quorumAtOpening: VoteQuorumSnapshot | null;
  openedAt: string | null;
  closesAt: string | null;
  closedAt: string | null;
  /** Running counts per option, only for an open vote with showLiveChoices. */
  liveCounts: Record<string, number> | null;
  /** Set when published. */
  result: VoteResult | null;
  cancelReason: string | null;
}

export interface VoteQuorumSnapshot {
  required: number;
  present: number;
  met: boolean;
}

export interface VoteSlice {
  openVoteId: string | null;
  voteDrafts: Record<string, LiveVoteDraft>;
  votes: Record<string, LiveVote>;
}

// ---------------------------------------------------------------------------------------------------------------
// Event payloads

const id = z.string().min(1);
const count = z.number().int().min(0);
const at = z.iso.datetime({ offset: true });

/** A vote's definition as events carry it (already validated by createVoteRequestSchema when it was made). */
export const voteDefinitionSchema = z.object({
  question: z.string().min(1),
  kind: voteKindSchema,
  rule: voteRuleSchema,
  options: z.array(voteOptionSchema).min(2),
  maxChoices: z.number().int().min(1),
  agendaItemId: id.nullable(),
  quorumRequired: z.boolean(),
  allowChange: z.boolean(),
  durationSec: z.number().int().positive().nullable(),
  showLiveChoices: z.boolean(),
});
export type VoteDefinition = z.output<typeof voteDefinitionSchema>;

const quorumSnapshotSchema = z.object({ required: count, present: count, met: z.boolean() });

export const voteResultSchema = z.object({
  outcome: z.enum(VOTE_OUTCOMES),
  outcomeLabel: z.string(),
  mode: z.enum(['yes_no', 'choice']),
  rule: voteRuleSchema,
  base: count,
  threshold: count,
  cast: count,
  notVoted: count,
  eligible: count,
  totalMembers: count,
  quorum: z.object({ required: count, presentAtClose: count, met: z.boolean() }).nullable(),
  options: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      role: voteOptionRoleSchema.nullable(),
      count,
      percentOfBase: z.number().min(0),
      reached: z.boolean(),
    }),
  ),
});

const voteRef = { voteId: id };
/** Drafts: the fact, not the text (see above). */
export const voteDraftedPayloadSchema = z.object({ ...voteRef, agendaItemId: id.nullable() });
export const voteOpenedPayloadSchema = voteDefinitionSchema.extend({
  ...voteRef,
  eligible: z.array(id),
  totalMembers: count,
  quorum: quorumSnapshotSchema,
  closesAt: at.nullable(),
});
/** One ballot received (or recorded by the secretary): who, never what, except the live counts of an open vote that shows them. */
export const voteBallotCastPayloadSchema = z.object({
  ...voteRef,
  voterUserId: id,
  castCount: count,
  recordedBySecretary: z.boolean(),
  /** A member changed a ballot already cast (only votes created with allowChange). */
  changed: z.boolean().optional(),
  liveCounts: z.record(z.string(), count).optional(),
});
export const voteLateAdmittedPayloadSchema = z.object({ ...voteRef, userId: id });
export const voteClosedPayloadSchema = z.object({ ...voteRef, castCount: count, by: z.enum(['chair', 'timer']) });
export const votePublishedPayloadSchema = z.object({ ...voteRef, result: voteResultSchema });
export const voteCancelledPayloadSchema = z.object({ ...voteRef, reason: z.string().trim().min(1).max(500) });

const ev = <T extends string, P extends z.ZodType>(type: T, payload: P) => z.object({ type: z.literal(type), payload, at });

export const VOTE_EVENT_SCHEMAS = [
  ev('vote.drafted', voteDraftedPayloadSchema),
  ev('vote.draft-updated', voteDraftedPayloadSchema),
  ev('vote.draft-deleted', z.object(voteRef)),
  ev('vote.opened', voteOpenedPayloadSchema),
  ev('vote.ballot-cast', voteBallotCastPayloadSchema),
  ev('vote.late-admitted', voteLateAdmittedPayloadSchema),
  ev('vote.closed', voteClosedPayloadSchema),
  ev('vote.published', votePublishedPayloadSchema),
  ev('vote.cancelled', voteCancelledPayloadSchema),
] as const;

export type VoteEvent = z.output<(typeof VOTE_EVENT_SCHEMAS)[number]>;
export type VoteEventType = VoteEvent['type'];
export type VoteEventPayload<T extends VoteEventType> = Extract<VoteEvent, { type: T }>['payload'];

// ---------------------------------------------------------------------------------------------------------------
// Reducer

function definitionOf(p: VoteDefinition): Pick<LiveVote, keyof VoteDefinition> {
  return {
    question: p.question,
    kind: p.kind,
    rule: p.rule,
    options: p.options.map((o) => ({ ...o })),
    maxChoices: p.maxChoices,
    agendaItemId: p.agendaItemId,
    quorumRequired: p.quorumRequired,
    allowChange: p.allowChange,
    durationSec: p.durationSec,
    showLiveChoices: p.showLiveChoices,
  };
}

const withVote = (slice: VoteSlice, voteId: string, vote: LiveVote): VoteSlice => ({ ...slice, votes: { ...slice.votes, [voteId]: vote } });

function withoutDraft(drafts: Record<string, LiveVoteDraft>, voteId: string): Record<string, LiveVoteDraft> {
  const { [voteId]: _removed, ...rest } = drafts;
  return rest;
}

/**
 * Folds one vote event into the slice; never mutates. An event that does not fit (an unknown vote, a move the
 * state machine forbids, a second open vote, a ballot from a seat that may not vote) leaves the slice as it is.
 * `meetingLive`: the meeting is in progress, the only time a vote can open.
 */
export function applyVoteEvent(slice: VoteSlice, event: VoteEvent, meetingLive: boolean): VoteSlice {
  const voteId = event.payload.voteId;
  const draft = slice.voteDrafts[voteId] as LiveVoteDraft | undefined;
  const vote = slice.votes[voteId] as LiveVote | undefined;
  switch (event.type) {
    case 'vote.drafted':
      if (draft || vote) return slice;
      return { ...slice, voteDrafts: { ...slice.voteDrafts, [voteId]: { agendaItemId: event.payload.agendaItemId, revision: 1 } } };
    case 'vote.draft-updated':
      if (!draft) return slice;
      return { ...slice, voteDrafts: { ...slice.voteDrafts, [voteId]: { agendaItemId: event.payload.agendaItemId, revision: draft.revision + 1 } } };
    case 'vote.draft-deleted':
      return draft ? { ...slice, voteDrafts: withoutDraft(slice.voteDrafts, voteId) } : slice;
    case 'vote.opened': {
      if (!draft || slice.openVoteId !== null || !meetingLive) return slice;
      const p = event.payload;
      const showCounts = p.kind === 'open' && p.showLiveChoices;
      const opened: LiveVote = {
        status: 'open',
        ...definitionOf(p),
        eligible: [...new Set(p.eligible)],
        voters: [],
        castCount: 0,
        totalMembers: p.totalMembers,
        quorumAtOpening: { required: p.quorum.required, present: p.quorum.present, met: p.quorum.met },
        openedAt: event.at,
        closesAt: p.closesAt,
        closedAt: null,
        liveCounts: showCounts ? Object.fromEntries(p.options.map((o) => [o.key, 0])) : null,
        result: null,
        cancelReason: null,
      };
      return { openVoteId: voteId, voteDrafts: withoutDraft(slice.voteDrafts, voteId), votes: { ...slice.votes, [voteId]: opened } };
    }
    case 'vote.ballot-cast': {
      const p = event.payload;
      if (vote?.status !== 'open' || !vote.eligible.includes(p.voterUserId)) return slice;
      const already = vote.voters.includes(p.voterUserId);
      if (already && !(vote.allowChange && p.changed)) return slice;
      const liveCounts = vote.liveCounts && p.liveCounts ? { ...vote.liveCounts, ...p.liveCounts } : vote.liveCounts;
      return withVote(slice, voteId, { ...vote, voters: already ? vote.voters : [...vote.voters, p.voterUserId], castCount: p.castCount, liveCounts });
    }
    case 'vote.late-admitted':
      if (vote?.status !== 'open' || vote.eligible.includes(event.payload.userId)) return slice;
      return withVote(slice, voteId, { ...vote, eligible: [...vote.eligible, event.payload.userId] });
    case 'vote.closed': {
      if (vote?.status !== 'open') return slice;
      const closed: LiveVote = { ...vote, status: 'closed', castCount: event.payload.castCount, closedAt: event.at };
      return { ...slice, openVoteId: slice.openVoteId === voteId ? null : slice.openVoteId, votes: { ...slice.votes, [voteId]: closed } };
    }
    case 'vote.published':
      if (vote?.status !== 'closed') return slice;
      return withVote(slice, voteId, { ...vote, eligible: [], voters: [], status: 'published', result: event.payload.result });
    case 'vote.cancelled': {
      // a draft simply goes (its text was never the room's); an open vote stays, cancelled, with the reason
      if (draft) return { ...slice, voteDrafts: withoutDraft(slice.voteDrafts, voteId) };
      if (vote?.status !== 'open') return slice;
      const cancelled: LiveVote = { ...vote, eligible: [], voters: [], status: 'cancelled', cancelReason: event.payload.reason, closedAt: event.at, liveCounts: null };
      return { ...slice, openVoteId: slice.openVoteId === voteId ? null : slice.openVoteId, votes: { ...slice.votes, [voteId]: cancelled } };
    }
  }
}

/** Seats of an open vote that have not voted yet, in the order of the eligible list. */
export function notYetVoted(vote: Pick<LiveVote, 'eligible' | 'voters'>): string[] {
  const voted = new Set(vote.voters);
  return vote.eligible.filter((seat) => !voted.has(seat));
}
