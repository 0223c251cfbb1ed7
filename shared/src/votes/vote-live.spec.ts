import { describe, expect, it } from '@jest/globals';
import { applyEvent, initialLiveState, type LiveEventInput, type LiveState, parseLiveEvent, replay } from '../live/live-state.js';
import { tallyVote } from './tally.js';
import { notYetVoted } from './vote-live.js';
import { DEFAULT_VOTE_OPTIONS } from './vote.schemas.js';

const T0 = Date.parse('2026-12-15T01:00:00.000Z');
const t = (sec: number): string => new Date(T0 + sec * 1000).toISOString();
const e = (sec: number, type: string, payload: unknown = {}): LiveEventInput => ({ type, payload, at: t(sec) });

const definition = {
  question: 'Thông qua Kế hoạch cải cách hành chính năm 2027',
  kind: 'open',
  rule: 'majority_of_present',
  options: DEFAULT_VOTE_OPTIONS,
  maxChoices: 1,
  agendaItemId: 'item-2',
  quorumRequired: true,
  allowChange: false,
  durationSec: 60,
  showLiveChoices: false,
} as const;
const opened = (voteId: string, extra: Record<string, unknown> = {}) => ({
  ...definition,
  voteId,
  eligible: ['chair', 'm1', 'm2'],
  totalMembers: 4,
  quorum: { required: 3, present: 3, met: true },
  closesAt: t(160),
  ...extra,
});
const cast = (voteId: string, voterUserId: string, castCount: number, extra: Record<string, unknown> = {}) => ({
  voteId,
  voterUserId,
  castCount,
  recordedBySecretary: false,
  ...extra,
});

const drafted = (voteId: string, agendaItemId: string | null = 'item-2') => ({ voteId, agendaItemId });
const BEFORE: LiveEventInput[] = [
  e(-60, 'vote.drafted', drafted('v1')),
  e(0, 'meeting.started'),
  e(10, 'agenda.item-opened', { itemId: 'item-2' }),
];
const live = (): LiveState => replay(BEFORE);
const changes = (state: LiveState, event: LiveEventInput) => applyEvent(state, event) !== state;

describe('votes in the live state', () => {
  it('every vote event type is part of the live event union', () => {
    for (const type of ['vote.drafted', 'vote.opened', 'vote.ballot-cast', 'vote.closed', 'vote.published', 'vote.cancelled']) {
      expect(parseLiveEvent(e(0, type, {}))).toBeNull(); // known type, empty payload refused
    }
    expect(parseLiveEvent(e(0, 'vote.draft-deleted', { voteId: 'v1' }))).not.toBeNull();
  });

  it('the room knows that drafts exist and when they change, never their text', () => {
    const s = live();
    expect(s.voteDrafts).toEqual({ v1: { agendaItemId: 'item-2', revision: 1 } });
    expect(s.votes).toEqual({});
    expect(parseLiveEvent(e(0, 'vote.drafted', { ...definition, voteId: 'v9' }))?.payload).toEqual({ voteId: 'v9', agendaItemId: 'item-2' });
    const edited = applyEvent(s, e(20, 'vote.draft-updated', drafted('v1', null)));
    expect(edited.voteDrafts.v1).toEqual({ agendaItemId: null, revision: 2 });
    expect(applyEvent(edited, e(21, 'vote.draft-deleted', { voteId: 'v1' })).voteDrafts).toEqual({});
    expect(changes(s, e(22, 'vote.drafted', drafted('v1')))).toBe(false); // the id is taken
    expect(changes(s, e(22, 'vote.draft-updated', drafted('v2')))).toBe(false);
  });

  it('openVoteId follows open, close and cancel; only one vote is open at a time', () => {
    let s = applyEvent(live(), e(20, 'vote.drafted', drafted('v2')));
    s = applyEvent(s, e(30, 'vote.opened', opened('v1')));
    expect(s.openVoteId).toBe('v1');
    expect(Object.keys(s.voteDrafts)).toEqual(['v2']);
    expect(s.votes.v1).toMatchObject({ status: 'open', eligible: ['chair', 'm1', 'm2'], totalMembers: 4, openedAt: t(30), closesAt: t(160) });
    expect(changes(s, e(31, 'vote.opened', opened('v2')))).toBe(false);
    s = applyEvent(s, e(90, 'vote.closed', { voteId: 'v1', castCount: 0, by: 'timer' }));
    expect(s.openVoteId).toBeNull();
    expect(s.votes.v1).toMatchObject({ status: 'closed', closedAt: t(90) });
    s = applyEvent(s, e(100, 'vote.opened', opened('v2')));
    expect(s.openVoteId).toBe('v2');
    s = applyEvent(s, e(110, 'vote.cancelled', { voteId: 'v2', reason: 'Nhập sai nội dung' }));
    expect(s.openVoteId).toBeNull();
    expect(s.votes.v2).toMatchObject({ status: 'cancelled', cancelReason: 'Nhập sai nội dung', closedAt: t(110) });
    // a draft cancelled before opening just leaves the list of drafts
    s = applyEvent(s, e(120, 'vote.drafted', drafted('v3')));
    s = applyEvent(s, e(121, 'vote.cancelled', { voteId: 'v3', reason: 'Không cần biểu quyết' }));
    expect(s.voteDrafts).toEqual({});
    expect(s.votes.v3).toBeUndefined();
    expect(changes(s, e(122, 'vote.opened', opened('v3')))).toBe(false); // no longer a draft
  });

  it('a vote opens only while the meeting is in progress', () => {
    const scheduled = replay([BEFORE[0]]);
    expect(changes(scheduled, e(0, 'vote.opened', opened('v1')))).toBe(false);
    const paused = applyEvent(live(), e(20, 'meeting.paused'));
    expect(changes(paused, e(21, 'vote.opened', opened('v1')))).toBe(false);
  });

  it('counts each eligible seat once and tells the chair who has not voted yet', () => {
    let s = applyEvent(live(), e(30, 'vote.opened', opened('v1')));
    s = applyEvent(s, e(31, 'vote.ballot-cast', cast('v1', 'm1', 1)));
    expect(changes(s, e(32, 'vote.ballot-cast', cast('v1', 'm1', 2)))).toBe(false); // a second ballot
    expect(changes(s, e(32, 'vote.ballot-cast', cast('v1', 'guest', 2)))).toBe(false); // not eligible
    s = applyEvent(s, e(33, 'vote.ballot-cast', cast('v1', 'chair', 2, { recordedBySecretary: true })));
    expect(s.votes.v1).toMatchObject({ voters: ['m1', 'chair'], castCount: 2, liveCounts: null });
    expect(notYetVoted(s.votes.v1)).toEqual(['m2']);
  });

  it('admits a late arrival to the open vote only', () => {
    let s = applyEvent(live(), e(30, 'vote.opened', opened('v1')));
    expect(changes(s, e(31, 'vote.ballot-cast', cast('v1', 'm3', 1)))).toBe(false);
    s = applyEvent(s, e(32, 'vote.late-admitted', { voteId: 'v1', userId: 'm3' }));
    expect(s.votes.v1.eligible).toEqual(['chair', 'm1', 'm2', 'm3']);
    expect(changes(s, e(33, 'vote.late-admitted', { voteId: 'v1', userId: 'm3' }))).toBe(false);
    s = applyEvent(s, e(34, 'vote.ballot-cast', cast('v1', 'm3', 1)));
    expect(s.votes.v1.voters).toEqual(['m3']);
  });

  it('shows running counts only for an open vote that asks for them, and lets a ballot change when allowed', () => {
    const def = { showLiveChoices: true, allowChange: true };
    let s = applyEvent(live(), e(30, 'vote.opened', opened('v1', def)));
    expect(s.votes.v1.liveCounts).toEqual({ yes: 0, no: 0, abstain: 0 });
    s = applyEvent(s, e(31, 'vote.ballot-cast', cast('v1', 'm1', 1, { liveCounts: { yes: 1, no: 0, abstain: 0 } })));
    s = applyEvent(s, e(32, 'vote.ballot-cast', cast('v1', 'm1', 1, { changed: true, liveCounts: { yes: 0, no: 1, abstain: 0 } })));
    expect(s.votes.v1).toMatchObject({ voters: ['m1'], castCount: 1, liveCounts: { yes: 0, no: 1, abstain: 0 } });
    const secret = applyEvent(live(), e(30, 'vote.opened', opened('v1', { kind: 'secret', showLiveChoices: true })));
    expect(secret.votes.v1.liveCounts).toBeNull();
  });

  it('publishes the result of a closed vote only; a closed or published vote cannot be cancelled', () => {
    let s = applyEvent(live(), e(30, 'vote.opened', opened('v1')));
    const result = tallyVote({ ballots: [['yes'], ['yes']], options: DEFAULT_VOTE_OPTIONS, maxChoices: 1, rule: 'majority_of_present', eligible: 3, totalMembers: 4, quorum: { required: 3, presentAtClose: 3 } });
    expect(changes(s, e(31, 'vote.published', { voteId: 'v1', result }))).toBe(false);
    s = applyEvent(s, e(40, 'vote.closed', { voteId: 'v1', castCount: 2, by: 'chair' }));
    expect(changes(s, e(41, 'vote.cancelled', { voteId: 'v1', reason: 'x' }))).toBe(false);
    s = applyEvent(s, e(42, 'vote.published', { voteId: 'v1', result }));
    expect(s.votes.v1).toMatchObject({ status: 'published', result: { outcome: 'passed', cast: 2, threshold: 2 } });
    expect(changes(s, e(43, 'vote.closed', { voteId: 'v1', castCount: 2, by: 'chair' }))).toBe(false);
  });

  it('a vote keeps its seat lists while open and closed, and drops them once published or cancelled, counts kept', () => {
    let s = applyEvent(live(), e(30, 'vote.opened', opened('v1')));
    s = applyEvent(s, e(31, 'vote.ballot-cast', cast('v1', 'm1', 1)));
    s = applyEvent(s, e(32, 'vote.ballot-cast', cast('v1', 'm2', 2)));
    s = applyEvent(s, e(40, 'vote.closed', { voteId: 'v1', castCount: 2, by: 'chair' }));
    expect(s.votes.v1).toMatchObject({ status: 'closed', eligible: ['chair', 'm1', 'm2'], voters: ['m1', 'm2'], castCount: 2 });
    const result = tallyVote({ ballots: [['yes'], ['yes']], options: DEFAULT_VOTE_OPTIONS, maxChoices: 1, rule: 'majority_of_present', eligible: 3, totalMembers: 4, quorum: { required: 3, presentAtClose: 3 } });
    s = applyEvent(s, e(42, 'vote.published', { voteId: 'v1', result }));
    expect(s.votes.v1).toMatchObject({ status: 'published', eligible: [], voters: [], castCount: 2, result: { cast: 2, eligible: 3 } });

    s = applyEvent(s, e(50, 'vote.drafted', drafted('v2')));
    s = applyEvent(s, e(51, 'vote.opened', opened('v2')));
    s = applyEvent(s, e(52, 'vote.ballot-cast', cast('v2', 'chair', 1)));
    s = applyEvent(s, e(53, 'vote.cancelled', { voteId: 'v2', reason: 'Nhập sai nội dung' }));
    expect(s.votes.v2).toMatchObject({ status: 'cancelled', eligible: [], voters: [], castCount: 1 });
  });

  it('a snapshot plus the events after it equals a full replay', () => {
    const events = [
      ...BEFORE,
      e(30, 'vote.opened', opened('v1')),
      e(31, 'vote.ballot-cast', cast('v1', 'm1', 1)),
      e(32, 'vote.ballot-cast', cast('v1', 'm2', 2)),
      e(40, 'vote.closed', { voteId: 'v1', castCount: 2, by: 'chair' }),
    ];
    const mid = JSON.parse(JSON.stringify(replay(events.slice(0, 4)))) as LiveState;
    expect(replay(events.slice(4), mid)).toEqual(replay(events));
    expect(initialLiveState()).toMatchObject({ openVoteId: null, voteDrafts: {}, votes: {} });
  });
});
