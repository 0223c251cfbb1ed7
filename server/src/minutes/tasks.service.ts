import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, type Repository } from 'typeorm';
import {
  conclusionNoticeDue,
  type ConclusionNoticeDto,
  type CreateTaskRequest,
  numberAgenda,
  TASK_STATUS_LABELS_VI,
  type TaskDto,
  taskStatus,
  type TaskUpdateRequest,
  vnDateOf,
} from '@phonghop/shared';
import { AgendaItemEntity } from '../agenda/agenda-item.entity.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { DbWriter } from '../database/db-writer.js';
import type { Viewer } from '../meetings/meeting-access.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { ParticipantEntity } from '../meetings/participant.entity.js';
import { UsersService } from '../users/users.service.js';
import { canDecideMinutes, canEditMinutes, canSeeTask, type MinutesRole, normaliseUnit } from './minutes-access.js';
import { MinutesEntity, MinutesNoteEntity } from './minutes.entity.js';
import { MinutesService } from './minutes.service.js';
import { TaskEntity, TaskUpdateEntity } from './task.entity.js';

export type TaskViewer = Viewer & { unit: string };

/**
 * The conclusion notice (thông báo kết luận: the items' conclusions, due 5 working days after the meeting) and the
 * tasks given from a conclusion. A task's quá hạn is derived at read time from its deadline and the injected clock.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectRepository(TaskEntity)
    private readonly tasks: Repository<TaskEntity>,
    @InjectRepository(TaskUpdateEntity)
    private readonly updates: Repository<TaskUpdateEntity>,
    @InjectRepository(MinutesNoteEntity)
    private readonly notes: Repository<MinutesNoteEntity>,
    @InjectRepository(AgendaItemEntity)
    private readonly agendaItems: Repository<AgendaItemEntity>,
    @InjectRepository(MeetingEntity)
    private readonly meetings: Repository<MeetingEntity>,
    @InjectRepository(ParticipantEntity)
    private readonly participants: Repository<ParticipantEntity>,
    private readonly minutes: MinutesService,
    private readonly users: UsersService,
    private readonly db: DbWriter,
    private readonly clock: Clock,
  ) {}

  async notice(viewer: Viewer, meetingId: string): Promise<ConclusionNoticeDto> {
    const { ctx, row } = await this.minutes.readable(viewer, meetingId);
    if (!row.facts.ended) throw new AppError('MINUTES_MEETING_NOT_ENDED');
    const items = numberAgenda(await this.agendaItems.find({ where: { meetingId } }));
    const notes = new Map((await this.notes.find({ where: { minutesId: row.id } })).map((n) => [n.key, n.text.trim()]));
    const conclusions = row.facts.items
      .map((f) => items.find((i) => i.id === f.itemId))
      .filter((i) => i !== undefined)
      .map((i) => ({
        itemId: i.id,
        number: i.number,
        title: i.title,
        conclusion: notes.get(`item:${i.id}:conclusion`) ?? '',
      }))
      .filter((c) => c.conclusion !== '');
    return {
      meetingId,
      meetingTitle: ctx.meeting.title,
      issuedAt: row.noticeIssuedAt?.toISOString() ?? null,
      conclusions,
      ...conclusionNoticeDue(new Date(row.facts.ended.at), row.noticeIssuedAt, this.clock.now()),
    };
  }

  /** The secretary records that the notice went out (once; a repeat keeps the first date). */
  async issueNotice(viewer: Viewer, meetingId: string): Promise<ConclusionNoticeDto> {
    const { role, row } = await this.minutes.open(viewer, meetingId);
    if (!canEditMinutes(role)) throw new AppError('FORBIDDEN');
    if (!row.facts.ended) throw new AppError('MINUTES_MEETING_NOT_ENDED');
    await this.db.transaction((em) => em.update(MinutesEntity, { id: row.id, noticeIssuedAt: IsNull() }, { noticeIssuedAt: this.clock.now() }));
    return this.notice(viewer, meetingId);
  }

  async create(viewer: TaskViewer, meetingId: string, body: CreateTaskRequest): Promise<TaskDto> {
    const { ctx, role, row } = await this.minutes.open(viewer, meetingId);
    if (!canEditMinutes(role) && !canDecideMinutes(role)) throw new AppError('FORBIDDEN');
    if (
      !(await this.agendaItems.exists({
        where: { id: body.itemId, meetingId },
      }))
    )
      throw new AppError('NOT_FOUND');
    const conclusion = await this.notes.findOneBy({
      minutesId: row.id,
      key: `item:${body.itemId}:conclusion`,
    });
    if (!conclusion?.text.trim()) throw new AppError('TASK_CONCLUSION_MISSING');
    if (body.leadUserId && !(await this.users.findActive(body.leadUserId))) {
      throw new AppError('VALIDATION_FAILED', {
        details: { leadUserId: 'Không tìm thấy người chủ trì thực hiện.' },
      });
    }
    if (body.deadline < vnDateOf(ctx.meeting.startsAt)) {
      throw new AppError('VALIDATION_FAILED', {
        details: { deadline: 'Hạn hoàn thành không được trước ngày họp.' },
      });
    }
    const now = this.clock.now();
    const task: TaskEntity = {
      id: randomUUID(),
      meetingId,
      itemId: body.itemId,
      content: body.content,
      leadUnit: normaliseUnit(body.leadUnit),
      leadUserId: body.leadUserId ?? null,
      deadline: body.deadline,
      progress: 'not_started',
      createdBy: viewer.userId,
      createdAt: now,
      updatedAt: now,
    };
    await this.db.transaction((em) => em.insert(TaskEntity, task));
    return (await this.toDtos([task]))[0];
  }

  /** The tasks of one meeting the viewer may see: all of them for its chair and secretaries. */
  async ofMeeting(viewer: TaskViewer, meetingId: string): Promise<TaskDto[]> {
    const { role } = await this.minutes.open(viewer, meetingId);
    const rows = await this.tasks.find({
      where: { meetingId },
      order: { deadline: 'ASC', createdAt: 'ASC' },
    });
    return this.toDtos(rows.filter((t) => canSeeTask(viewer, role, t)));
  }

  /** Tasks for the viewer: their own and their unit's, all tasks of meetings they chair; the office secretary sees all. */
  async mine(viewer: TaskViewer): Promise<TaskDto[]> {
    let rows: TaskEntity[];
    if (viewer.systemRole === 'secretary') {
      rows = await this.tasks.find({
        order: { deadline: 'ASC', createdAt: 'ASC' },
      });
    } else {
      const seats = await this.participants.find({
        where: [
          { userId: viewer.userId, role: In(['chair', 'secretary']) },
          { substituteUserId: viewer.userId, rsvp: 'delegated', role: 'chair' },
        ],
        select: { meetingId: true },
      });
      const unit = normaliseUnit(viewer.unit);
      const where = [
        { leadUserId: viewer.userId },
        ...(unit ? [{ leadUnit: unit }] : []),
        ...(seats.length ? [{ meetingId: In(seats.map((s) => s.meetingId)) }] : []),
      ];
      rows = await this.tasks.find({
        where,
        order: { deadline: 'ASC', createdAt: 'ASC' },
      });
    }
    return this.toDtos(rows);
  }

  async get(viewer: TaskViewer, taskId: string): Promise<TaskDto> {
    return (await this.toDtos([await this.visible(viewer, taskId)]))[0];
  }

  async update(viewer: TaskViewer, taskId: string, body: TaskUpdateRequest): Promise<TaskDto> {
    const task = await this.visible(viewer, taskId);
    const now = this.clock.now();
    const progress = body.progress ?? null;
    await this.db.transaction(async (em) => {
      await em.insert(TaskUpdateEntity, {
        id: randomUUID(),
        taskId,
        userId: viewer.userId,
        at: now,
        progress,
        note: body.note ?? '',
      });
      if (progress && progress !== task.progress) await em.update(TaskEntity, { id: taskId }, { progress, updatedAt: now });
    });
    return this.get(viewer, taskId);
  }

  /** The task if the viewer may see it; 404 otherwise (a stranger learns nothing of it). */
  private async visible(viewer: TaskViewer, taskId: string): Promise<TaskEntity> {
    const task = await this.tasks.findOneBy({ id: taskId });
    if (!task) throw new AppError('NOT_FOUND');
    if (!canSeeTask(viewer, await this.roleIn(viewer, task.meetingId), task)) throw new AppError('NOT_FOUND');
    return task;
  }

  private async roleIn(viewer: Viewer, meetingId: string): Promise<MinutesRole | null> {
    try {
      return (await this.minutes.access(viewer, meetingId)).role;
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return null;
      throw error;
    }
  }

  private async toDtos(rows: TaskEntity[]): Promise<TaskDto[]> {
    if (rows.length === 0) return [];
    const now = this.clock.now();
    const meetings = new Map(
      (
        await this.meetings.find({
          where: { id: In([...new Set(rows.map((r) => r.meetingId))]) },
        })
      ).map((m) => [m.id, m]),
    );
    const items = new Map(
      (
        await this.agendaItems.find({
          where: { id: In([...new Set(rows.map((r) => r.itemId))]) },
        })
      ).map((i) => [i.id, i]),
    );
    const updates = await this.updates.find({
      where: { taskId: In(rows.map((r) => r.id)) },
      order: { at: 'ASC', id: 'ASC' },
    });
    const people = await this.users.people([...rows.map((r) => r.leadUserId ?? ''), ...updates.map((u) => u.userId)].filter(Boolean));
    return rows.map((t) => {
      const status = taskStatus(t.progress, t.deadline, now);
      return {
        id: t.id,
        meetingId: t.meetingId,
        meetingTitle: meetings.get(t.meetingId)?.title ?? '',
        itemId: t.itemId,
        itemTitle: items.get(t.itemId)?.title ?? '',
        content: t.content,
        leadUnit: t.leadUnit,
        leadUser: t.leadUserId ? (people.get(t.leadUserId) ?? null) : null,
        deadline: t.deadline,
        progress: t.progress,
        status,
        statusLabel: TASK_STATUS_LABELS_VI[status],
        createdAt: t.createdAt.toISOString(),
        updates: updates
          .filter((u) => u.taskId === t.id)
          .map((u) => ({
            at: u.at.toISOString(),
            by: people.get(u.userId) ?? null,
            progress: u.progress,
            note: u.note,
          })),
      };
    });
  }
}
