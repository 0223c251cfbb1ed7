import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  type CommandInput,
  type LiveState,
  resolveLiveSettings,
  type VoteCommand,
  type VoteDefinition,
} from '@phonghop/shared';
import { AgendaItemEntity } from '../agenda/agenda-item.entity.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import type { Viewer } from '../meetings/meeting-access.js';
import { isPreparable } from '../meetings/meeting-status.js';
import { type MeetingContext, MeetingsService } from '../meetings/meetings.service.js';
import { VoteCloser } from './vote-close.js';
import { VoteDeadlines } from './vote-deadlines.js';
import { VoteCountEntity } from './vote-records.entity.js';
import { type VoteDecision, VoteRoom } from './vote-room.js';
import { canRunVoteCommand, presentSeats, quorumNow, seatOf, seatPresent, votingSeats } from './vote-rules.js';
import { VoteEntity } from './vote.entity.js';

/** The chair's (and for drafts the secretary's) vote commands; ballots are BallotsService's. */
export type VoteManageCommand = Exclude<VoteCommand, 'vote:cast' | 'vote:record'>;

/** The definition a vote carries in its events, from the command that drafts it or from its row. */
function definition(vote: Omit<VoteDefinition, 'agendaItemId' | 'durationSec'> & { durationSec?: number | null }, agendaItemId: string | null): VoteDefinition {
  return {
    question: vote.question,
    kind: vote.kind,
    rule: vote.rule,
    options: vote.options,
    maxChoices: vote.maxChoices,
    agendaItemId,
    quorumRequired: vote.quorumRequired,
    allowChange: vote.allowChange,
    durationSec: vote.durationSec ?? null,
    showLiveChoices: vote.showLiveChoices,
  };
}

/**
 * Votes through their life: draft (prepared, edited, deleted) → open (eligibility and quorum fixed) → closed
 * (tallied) → published, or cancelled with a reason. Each accepted command is one event of the meeting's log,
 * appended in the transaction that changes the vote's row (VoteRoom).
 */
@Injectable()
export class VotesService {
  constructor(
    private readonly room: VoteRoom,
    private readonly meetings: MeetingsService,
    private readonly closer: VoteCloser,
    private readonly deadlines: VoteDeadlines,
    private readonly clock: Clock,
  ) {}

  async run<K extends VoteManageCommand>(viewer: Viewer, name: K, body: CommandInput<K>): Promise<{ seq: number; voteId: string }> {
    const ctx = await this.meetings.context(viewer, body.meetingId);
    if (!canRunVoteCommand(name, ctx.membership, viewer.systemRole)) throw new AppError('FORBIDDEN');
    const event = await this.room.command(body.meetingId, body.idempotencyKey, viewer.userId, (em, state) =>
      this.decide(em, name, body, {
        viewer,
        ctx,
        state,
      }),
    );
    if (event.duplicate && (name === 'vote:close' || name === 'vote:cancel')) await this.closer.scrubAgain((body as CommandInput<'vote:close'>).voteId);
    return {
      seq: event.seq,
      voteId: (event.payload as { voteId?: string }).voteId ?? '',
    };
  }

  private async decide(em: EntityManager, name: VoteManageCommand, body: CommandInput<VoteManageCommand>, scope: Scope): Promise<VoteDecision> {
    if (name === 'vote:create') return this.create(em, body as CommandInput<'vote:create'>, scope);
    const vote = await em.findOneBy(VoteEntity, {
      id: (body as { voteId: string }).voteId,
      meetingId: body.meetingId,
    });
    if (!vote) throw new AppError('NOT_FOUND');
    const now = this.clock.now();
    switch (name) {
      case 'vote:update-draft': {
        const p = body as CommandInput<'vote:update-draft'>;
        assertDraft(vote);
        const agendaItemId = await this.agendaItem(em, p.meetingId, p.vote.agendaItemId ?? vote.agendaItemId);
        const def = definition(p.vote, agendaItemId);
        await em.update(VoteEntity, { id: vote.id }, { ...def, updatedAt: now });
        // the room learns that the draft changed, not its text (vote-live.ts)
        return { type: 'vote.draft-updated', payload: { voteId: vote.id, agendaItemId } };
      }
      case 'vote:delete-draft':
        assertDraft(vote);
        await em.delete(VoteEntity, { id: vote.id, status: 'draft' });
        return { type: 'vote.draft-deleted', payload: { voteId: vote.id } };
      case 'vote:open':
        return this.open(em, vote, scope);
      case 'vote:close': {
        const decision = await this.closer.close(em, vote, scope.state, 'chair');
        return {
          ...decision,
          afterCommit: async () => {
            this.deadlines.disarm(vote.id);
            await decision.afterCommit?.();
          },
        };
      }
      case 'vote:publish': {
        if (vote.status !== 'closed' || !vote.result) throw new AppError('VOTE_INVALID_TRANSITION');
        const changed = await em.update(VoteEntity, { id: vote.id, status: 'closed' }, { status: 'published', publishedAt: now, updatedAt: now });
        if (!changed.affected) throw new AppError('VOTE_INVALID_TRANSITION');
        return {
          type: 'vote.published',
          payload: { voteId: vote.id, result: vote.result },
        };
      }
      case 'vote:cancel': {
        const { reason } = body as CommandInput<'vote:cancel'>;
        const changed = await em.update(
          VoteEntity,
          { id: vote.id, status: In(['draft', 'open']) },
          {
            status: 'cancelled',
            cancelReason: reason,
            closedAt: vote.status === 'open' ? now : null,
            updatedAt: now,
          },
        );
        if (!changed.affected) throw new AppError('VOTE_INVALID_TRANSITION');
        const wasSecretOpen = vote.status === 'open' && vote.kind === 'secret';
        if (wasSecretOpen) await this.closer.rewriteCounters(em, vote.id);
        return {
          type: 'vote.cancelled',
          payload: { voteId: vote.id, reason },
          afterCommit: async () => {
            this.deadlines.disarm(vote.id);
            if (wasSecretOpen) await this.closer.scrub();
          },
        };
      }
      case 'vote:admit-late':
        return this.admitLate(em, vote, (body as CommandInput<'vote:admit-late'>).userId, scope);
    }
    throw new AppError('VALIDATION_FAILED');
  }

  private async create(em: EntityManager, p: CommandInput<'vote:create'>, { viewer, ctx, state }: Scope): Promise<VoteDecision> {
    if (!isPreparable(ctx.meeting.status) || state.status === 'ended') throw new AppError('MEETING_NOT_LIVE');
    const agendaItemId = await this.agendaItem(em, p.meetingId, p.vote.agendaItemId ?? state.currentItemId);
    const def = definition(p.vote, agendaItemId);
    const now = this.clock.now();
    const voteId = randomUUID();
    await em.insert(VoteEntity, {
      id: voteId,
      meetingId: p.meetingId,
      ...def,
      status: 'draft',
      eligible: null,
      totalMembers: null,
      castCount: 0,
      openedAt: null,
      closesAt: null,
      closedAt: null,
      publishedAt: null,
      result: null,
      cancelReason: null,
      createdBy: viewer.userId,
      createdAt: now,
      updatedAt: now,
    });
    return { type: 'vote.drafted', payload: { voteId, agendaItemId } };
  }

  /** Who may vote is fixed now: the voting seats present; the quorum is checked by the meeting's rule. */
  private async open(em: EntityManager, vote: VoteEntity, { ctx, state }: Scope): Promise<VoteDecision> {
    if (vote.status !== 'draft') throw new AppError('VOTE_INVALID_TRANSITION');
    if (state.status !== 'in_progress') throw new AppError('MEETING_NOT_LIVE');
    if (state.openVoteId !== null) throw new AppError('VOTE_ALREADY_OPEN');
    const seats = votingSeats(ctx.participants);
    const quorum = quorumNow(seats, state.attendance, resolveLiveSettings(ctx.meeting.liveSettings).quorumRule);
    if (vote.quorumRequired && !quorum.met) {
      throw new AppError('VOTE_NO_QUORUM', {
        message: `Chưa đủ số thành viên có mặt theo quy định (${quorum.present}/${quorum.required}) nên chưa mở được biểu quyết.`,
      });
    }
    const eligible = presentSeats(seats, state.attendance);
    const now = this.clock.now();
    const closesAt = vote.durationSec ? new Date(now.getTime() + vote.durationSec * 1000) : null;
    const changed = await em.update(
      VoteEntity,
      { id: vote.id, status: 'draft' },
      {
        status: 'open',
        eligible,
        totalMembers: seats.length,
        openedAt: now,
        closesAt,
        castCount: 0,
        updatedAt: now,
      },
    );
    if (!changed.affected) throw new AppError('VOTE_INVALID_TRANSITION');
    // Every counter exists from the opening on and is only ever incremented: no row is born with a ballot.
    await em.insert(
      VoteCountEntity,
      vote.options.map((o) => ({
        voteId: vote.id,
        optionKey: o.key,
        count: 0,
      })),
    );
    return {
      type: 'vote.opened',
      payload: {
        voteId: vote.id,
        ...definition(vote, vote.agendaItemId),
        eligible,
        totalMembers: seats.length,
        quorum: {
          required: quorum.required,
          present: quorum.present,
          met: quorum.met,
        },
        closesAt: closesAt?.toISOString() ?? null,
      },
      refusal: 'MEETING_NOT_LIVE',
      afterCommit: () =>
        this.deadlines.arm({
          id: vote.id,
          meetingId: vote.meetingId,
          closesAt,
        }),
    };
  }

  private async admitLate(em: EntityManager, vote: VoteEntity, userId: string, { ctx, state }: Scope): Promise<VoteDecision> {
    if (vote.status !== 'open' || (vote.closesAt && vote.closesAt <= this.clock.now())) throw new AppError('VOTE_NOT_OPEN');
    const seat = seatOf(userId, votingSeats(ctx.participants));
    if (!seat)
      throw new AppError('VOTE_NOT_ELIGIBLE', {
        message: 'Người này không phải thành viên có quyền biểu quyết của cuộc họp.',
      });
    const eligible = vote.eligible ?? [];
    if (eligible.includes(seat.userId)) throw new AppError('VOTE_ALREADY_ELIGIBLE');
    if (!seatPresent(seat, state.attendance)) throw new AppError('VOTE_NOT_PRESENT');
    await em.update(VoteEntity, { id: vote.id }, { eligible: [...eligible, seat.userId], updatedAt: this.clock.now() });
    return {
      type: 'vote.late-admitted',
      payload: { voteId: vote.id, userId: seat.userId },
    };
  }

  private async agendaItem(em: EntityManager, meetingId: string, itemId: string | null): Promise<string | null> {
    if (itemId === null) return null;
    if (!(await em.exists(AgendaItemEntity, { where: { id: itemId, meetingId } }))) throw new AppError('NOT_FOUND');
    return itemId;
  }
}

interface Scope {
  viewer: Viewer;
  ctx: MeetingContext;
  state: LiveState;
}

function assertDraft(vote: VoteEntity): void {
  if (vote.status !== 'draft') throw new AppError('VOTE_INVALID_TRANSITION');
}
