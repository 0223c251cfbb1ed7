import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { isVotingRole, type VoteBallotDto, type VoteDetailDto, type VoteDto, type VoteSeatDto } from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import type { Viewer } from '../meetings/meeting-access.js';
import { type MeetingContext, MeetingsService } from '../meetings/meetings.service.js';
import { UsersService } from '../users/users.service.js';
import { toCsv } from '../common/csv.js';
import { meetingVotesCsvRows, type VoteCsvInput, voteCsvRows } from './vote-csv.js';
import { voteReportDocument } from './vote-pdf-document.js';
import { renderVoteReportPdf } from './vote-pdf.js';
import { VoteBallotEntity, VoteParticipationEntity } from './vote-records.entity.js';
import { canSeeResult, canSeeVote, toVoteDto } from './vote-views.js';
import { VoteEntity } from './vote.entity.js';

export interface CsvFile {
  filename: string;
  body: string;
}

export interface PdfFile {
  /** The name as people read it (UTF-8); the controller adds the ASCII fallback. */
  filename: string;
  body: Buffer;
}

/**
 * Reading votes over HTTP: the list of a meeting, one vote with its seats (who may vote, who has voted) and, for a
 * named vote once closed, each member's choice; CSV and PDF exports for the minutes. Results follow `canSeeResult`,
 * the exports too: both formats are built from the same details.
 */
@Injectable()
export class VotesQueryService {
  constructor(
    @InjectRepository(VoteEntity)
    private readonly votes: Repository<VoteEntity>,
    @InjectRepository(VoteParticipationEntity)
    private readonly participation: Repository<VoteParticipationEntity>,
    @InjectRepository(VoteBallotEntity)
    private readonly ballots: Repository<VoteBallotEntity>,
    private readonly meetings: MeetingsService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async list(viewer: Viewer, meetingId: string): Promise<VoteDto[]> {
    const ctx = await this.meetings.context(viewer, meetingId);
    return (await this.visible(viewer, ctx)).map((v) => toVoteDto(v, canSeeResult(v, ctx.membership, viewer.systemRole)));
  }

  async detail(viewer: Viewer, voteId: string): Promise<VoteDetailDto> {
    const { vote, ctx } = await this.one(viewer, voteId);
    return this.detailOf(viewer, ctx, vote);
  }

  async csv(viewer: Viewer, voteId: string): Promise<CsvFile> {
    const { vote, ctx } = await this.one(viewer, voteId);
    const detail = await this.detailOf(viewer, ctx, vote);
    return {
      filename: `bieu-quyet-${vote.id.slice(0, 8)}.csv`,
      body: toCsv(voteCsvRows(csvInput(detail))),
    };
  }

  async meetingCsv(viewer: Viewer, meetingId: string): Promise<CsvFile> {
    const ctx = await this.meetings.context(viewer, meetingId);
    const votes = (await this.visible(viewer, ctx)).filter((v) => v.status !== 'draft');
    const details: VoteCsvInput[] = [];
    for (const vote of votes) details.push(csvInput(await this.detailOf(viewer, ctx, vote)));
    return {
      filename: `bieu-quyet-cuoc-hop-${meetingId.slice(0, 8)}.csv`,
      body: toCsv(meetingVotesCsvRows(ctx.meeting.title, details)),
    };
  }

  async pdf(viewer: Viewer, voteId: string): Promise<PdfFile> {
    const { vote, ctx } = await this.one(viewer, voteId);
    const detail = await this.detailOf(viewer, ctx, vote);
    return {
      filename: `Kết quả biểu quyết - ${shorten(vote.question, 80)}.pdf`,
      body: await this.renderPdf(ctx, [detail], false),
    };
  }

  async meetingPdf(viewer: Viewer, meetingId: string): Promise<PdfFile> {
    const ctx = await this.meetings.context(viewer, meetingId);
    const votes = (await this.visible(viewer, ctx)).filter((v) => v.status !== 'draft');
    const details: VoteDetailDto[] = [];
    for (const vote of votes) details.push(await this.detailOf(viewer, ctx, vote));
    return {
      filename: `Kết quả biểu quyết - ${shorten(ctx.meeting.title, 120)}.pdf`,
      body: await this.renderPdf(ctx, details, true),
    };
  }

  private renderPdf(ctx: MeetingContext, votes: VoteDetailDto[], numbered: boolean): Promise<Buffer> {
    const now = this.clock.now();
    const document = voteReportDocument({
      org: this.config.minutes,
      meeting: { title: ctx.meeting.title, startsAt: ctx.meeting.startsAt },
      votes,
      exportedAt: now,
      numbered,
    });
    return renderVoteReportPdf(document, now);
  }

  private async one(viewer: Viewer, voteId: string): Promise<{ vote: VoteEntity; ctx: MeetingContext }> {
    const vote = await this.votes.findOneBy({ id: voteId });
    if (!vote) throw new AppError('NOT_FOUND');
    const ctx = await this.meetings.context(viewer, vote.meetingId);
    if (!canSeeVote(vote, ctx.membership, viewer.systemRole)) throw new AppError('NOT_FOUND');
    return { vote, ctx };
  }

  private async visible(viewer: Viewer, ctx: MeetingContext): Promise<VoteEntity[]> {
    const rows = await this.votes.find({
      where: { meetingId: ctx.meeting.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.filter((v) => canSeeVote(v, ctx.membership, viewer.systemRole));
  }

  private async detailOf(viewer: Viewer, ctx: MeetingContext, vote: VoteEntity): Promise<VoteDetailDto> {
    const showResult = canSeeResult(vote, ctx.membership, viewer.systemRole);
    const voting = ctx.participants.filter((p) => isVotingRole(p.role));
    const voted = new Map((await this.participation.findBy({ voteId: vote.id })).map((p) => [p.seatUserId, p]));
    const stored = vote.kind === 'named' && showResult ? await this.ballots.findBy({ voteId: vote.id }) : null;
    const names = await this.users.people([
      ...voting.flatMap((p) => (p.substituteUserId ? [p.userId, p.substituteUserId] : [p.userId])),
      vote.createdBy,
    ]);
    const nameOf = (id: string) => names.get(id)?.fullName ?? '(tài khoản đã xóa)';
    const eligible = new Set(vote.eligible ?? []);
    const seats: VoteSeatDto[] = voting
      .map((p) => ({
        seatUserId: p.userId,
        fullName: nameOf(p.userId),
        substituteName: p.rsvp === 'delegated' && p.substituteUserId ? nameOf(p.substituteUserId) : null,
        eligible: eligible.has(p.userId),
        voted: voted.has(p.userId),
        recordedBySecretary: voted.get(p.userId)?.recordedBySecretary ?? false,
        chair: p.role === 'chair',
      }))
      // the chair first, then by name: the order of the roll call
      .sort((a, b) => Number(b.chair) - Number(a.chair) || a.fullName.localeCompare(b.fullName, 'vi'))
      .map(({ chair: _chair, ...seat }) => seat);
    const order = new Map(seats.map((s, i) => [s.seatUserId, i]));
    const ballots: VoteBallotDto[] | null = stored
      ? stored
          .map((b) => ({
            seatUserId: b.seatUserId,
            fullName: nameOf(b.seatUserId),
            choices: b.choices,
            recordedBySecretary: b.recordedBySecretary,
          }))
          .sort((a, b) => (order.get(a.seatUserId) ?? 0) - (order.get(b.seatUserId) ?? 0))
      : null;
    return {
      ...toVoteDto(vote, showResult),
      seats,
      ballots,
      createdBy: names.get(vote.createdBy) ?? null,
    };
  }
}

const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

function csvInput(detail: VoteDetailDto): VoteCsvInput {
  return { vote: detail, seats: detail.seats, ballots: detail.ballots };
}
