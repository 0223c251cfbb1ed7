import type { AttendanceState } from '../live/quorum.js';
import { applyEvent, initialLiveState, type LiveState } from '../live/live-state.js';
import type { VoteResult } from '../votes/tally.js';
import type { VoteKind, VoteOption, VoteRule } from '../votes/vote.schemas.js';

/**
 * The facts of a meeting's minutes (biên bản), derived from its hash-chained event log by the same reducer the live
 * room uses, so the minutes say exactly what the room saw. Every fact names the seq(s) of the events it comes from;
 * `verifyMinutes` derives them again from the log and compares (minutes-verify.ts). Nothing here is typed by hand:
 * free text (summaries, conclusions) is stored apart, keyed by these facts.
 */

/** One event of the log as the builder needs it (a MeetingEventDto fits). */
export interface FactEvent {
  seq: number;
  type: string;
  payload?: unknown;
  at: string;
}

export interface TimeFact {
  at: string;
  seq: number;
}

export interface AttendanceFact {
  userId: string;
  state: AttendanceState;
  reason: string | null;
  arrivedAt: string | null;
  leftAt: string | null;
  /** Every event that changed this person's attendance. */
  seqs: number[];
}

export interface TurnFact {
  /** The seq of the `speaker.granted` event: the turn's key (the secretary's summary is stored under it). */
  seq: number;
  userId: string;
  itemId: string | null;
  startedAt: string;
  endedAt: string | null;
  endSeq: number | null;
  /** Time actually spoken, pauses excluded (the reducer's figure); null while the turn goes on. */
  durationMs: number | null;
}

export interface VoterFact {
  userId: string;
  /** The `vote.ballot-cast` event (the last one when a ballot was changed). */
  seq: number;
}

export interface VoteFact {
  voteId: string;
  itemId: string | null;
  question: string;
  kind: VoteKind;
  rule: VoteRule;
  options: VoteOption[];
  maxChoices: number;
  eligibleCount: number;
  totalMembers: number;
  quorumAtOpening: { required: number; present: number; met: boolean };
  openedAt: string;
  openSeq: number;
  status: 'open' | 'closed' | 'published' | 'cancelled';
  closedAt: string | null;
  closeSeq: number | null;
  castCount: number;
  /** Only from `vote.published`: a result that never reached the room is not in the log. */
  result: VoteResult | null;
  publishSeq: number | null;
  cancelReason: string | null;
  cancelSeq: number | null;
  /** Who voted, in order (never what: choices of named votes come from the ballots, checked against the result). */
  voters: VoterFact[];
}

export interface ItemFact {
  itemId: string;
  /** 1-based, the order in which the meeting took the items up. */
  order: number;
  startedAt: string;
  endedAt: string | null;
  /** `agenda.item-opened` events (an item can be reopened). */
  openSeqs: number[];
  /** Events that closed it (item-closed, the next item opened, the meeting ended). */
  closeSeqs: number[];
}

export interface MinutesFacts {
  /** The last event taken into account, and its hash: the minutes stand on the log up to here. */
  lastSeq: number;
  headHash: string | null;
  started: TimeFact | null;
  ended: TimeFact | null;
  attendance: AttendanceFact[];
  items: ItemFact[];
  turns: TurnFact[];
  votes: VoteFact[];
}

interface Draft {
  started: TimeFact | null;
  ended: TimeFact | null;
  attendanceSeqs: Map<string, number[]>;
  items: Map<string, ItemFact>;
  turns: TurnFact[];
  votes: Map<string, VoteFact>;
}

function trackItems(d: Draft, before: LiveState, after: LiveState, e: FactEvent): void {
  if (before.currentItemId !== null && before.currentItemId !== after.currentItemId) {
    const item = d.items.get(before.currentItemId);
    if (item) {
      item.endedAt = e.at;
      item.closeSeqs.push(e.seq);
    }
  }
  if (after.currentItemId !== null && after.currentItemId !== before.currentItemId) {
    const known = d.items.get(after.currentItemId);
    if (known) {
      known.openSeqs.push(e.seq);
      known.endedAt = null;
    } else {
      d.items.set(after.currentItemId, {
        itemId: after.currentItemId,
        order: d.items.size + 1,
        startedAt: e.at,
        endedAt: null,
        openSeqs: [e.seq],
        closeSeqs: [],
      });
    }
  }
}

function trackTurns(d: Draft, before: LiveState, after: LiveState, e: FactEvent): void {
  const was = before.speakers.current;
  const now = after.speakers.current;
  const sameTurn = was !== null && now !== null && was.userId === now.userId && was.startedAt === now.startedAt;
  if (was && !sameTurn) {
    const turn = [...d.turns].reverse().find((t) => t.userId === was.userId && t.endSeq === null);
    if (turn) {
      turn.endedAt = e.at;
      turn.endSeq = e.seq;
      const spoken = (after.speakingStats[was.userId]?.totalMs ?? 0) - (before.speakingStats[was.userId]?.totalMs ?? 0);
      turn.durationMs = Math.max(0, spoken);
    }
  }
  if (now && !sameTurn) {
    d.turns.push({
      seq: e.seq,
      userId: now.userId,
      itemId: before.currentItemId,
      startedAt: e.at,
      endedAt: null,
      endSeq: null,
      durationMs: null,
    });
  }
}

function trackVote(d: Draft, before: LiveState, after: LiveState, e: FactEvent): void {
  const voteId = (e.payload as { voteId?: unknown } | null)?.voteId;
  if (typeof voteId !== 'string') return;
  const v = after.votes[voteId];
  if (!v) return;
  if (e.type === 'vote.opened') {
    d.votes.set(voteId, {
      voteId,
      itemId: v.agendaItemId ?? before.currentItemId,
      question: v.question,
      kind: v.kind,
      rule: v.rule,
      options: v.options.map((o) => ({ ...o })),
      maxChoices: v.maxChoices,
      eligibleCount: v.eligible.length,
      totalMembers: v.totalMembers ?? 0,
      quorumAtOpening: v.quorumAtOpening ? { ...v.quorumAtOpening } : { required: 0, present: 0, met: false },
      openedAt: e.at,
      openSeq: e.seq,
      status: 'open',
      closedAt: null,
      closeSeq: null,
      castCount: 0,
      result: null,
      publishSeq: null,
      cancelReason: null,
      cancelSeq: null,
      voters: [],
    });
    return;
  }
  const fact = d.votes.get(voteId);
  if (!fact) return;
  fact.status = v.status;
  fact.castCount = v.castCount;
  switch (e.type) {
    // the list changes only at opening and by a late admission (a published or cancelled vote no longer holds it)
    case 'vote.late-admitted':
      fact.eligibleCount = v.eligible.length;
      break;
    case 'vote.ballot-cast': {
      const voter = (e.payload as { voterUserId: string }).voterUserId;
      const known = fact.voters.find((x) => x.userId === voter);
      if (known) known.seq = e.seq;
      else fact.voters.push({ userId: voter, seq: e.seq });
      break;
    }
    case 'vote.closed':
      fact.closedAt = e.at;
      fact.closeSeq = e.seq;
      break;
    case 'vote.published':
      fact.result = v.result;
      fact.publishSeq = e.seq;
      break;
    case 'vote.cancelled':
      fact.closedAt = e.at;
      fact.cancelReason = v.cancelReason;
      fact.cancelSeq = e.seq;
      break;
  }
}

function step(d: Draft, before: LiveState, after: LiveState, e: FactEvent): void {
  if (before.status === 'scheduled' && after.status !== 'scheduled') d.started = { at: e.at, seq: e.seq };
  if (before.status !== 'ended' && after.status === 'ended') d.ended = { at: e.at, seq: e.seq };
  if (e.type.startsWith('attendance.')) {
    const userId = (e.payload as { userId: string }).userId;
    d.attendanceSeqs.set(userId, [...(d.attendanceSeqs.get(userId) ?? []), e.seq]);
  }
  trackItems(d, before, after, e);
  trackTurns(d, before, after, e);
  if (e.type.startsWith('vote.')) trackVote(d, before, after, e);
}

/**
 * The minutes' facts from the meeting's events (in seq order, from seq 1). Pure and deterministic: only events
 * that change the live state count (a refused command never reaches the log; a no-op event would not count either).
 */
export function buildMinutesFacts(events: readonly FactEvent[], headHash: string | null = null): MinutesFacts {
  const d: Draft = {
    started: null,
    ended: null,
    attendanceSeqs: new Map(),
    items: new Map(),
    turns: [],
    votes: new Map(),
  };
  let state = initialLiveState();
  let lastSeq = 0;
  for (const e of events) {
    const next = applyEvent(state, e);
    lastSeq = e.seq;
    if (next === state) continue;
    step(d, state, next, e);
    state = next;
  }
  const attendance: AttendanceFact[] = Object.entries(state.attendance).map(([userId, r]) => ({
    userId,
    state: r.state,
    reason: r.reason ?? null,
    arrivedAt: r.arrivedAt ?? null,
    leftAt: r.leftAt ?? null,
    seqs: d.attendanceSeqs.get(userId) ?? [],
  }));
  attendance.sort((a, b) => a.seqs[0] - b.seqs[0]);
  return {
    lastSeq,
    headHash,
    started: d.started,
    ended: d.ended,
    attendance,
    items: [...d.items.values()],
    turns: d.turns,
    votes: [...d.votes.values()],
  };
}

/** A turn's or a vote's place in the minutes: under its agenda item, or among the meeting's general business. */
export function factsOfItem(facts: MinutesFacts, itemId: string | null): { turns: TurnFact[]; votes: VoteFact[] } {
  return {
    turns: facts.turns.filter((t) => t.itemId === itemId),
    votes: facts.votes.filter((v) => v.itemId === itemId),
  };
}
