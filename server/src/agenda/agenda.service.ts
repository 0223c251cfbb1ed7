import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, type Repository } from 'typeorm';
import {
  type AgendaDto,
  type CreateAgendaItemRequest,
  createAgendaItemRequestSchema,
  numberAgenda,
  type ReorderAgendaRequest,
  type UpdateAgendaItemRequest,
  updateAgendaItemRequestSchema,
} from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { DbWriter } from '../database/db-writer.js';
import { DocumentEntity } from '../documents/document.entity.js';
import type { Viewer } from '../meetings/meeting-access.js';
import { isPreparable } from '../meetings/meeting-status.js';
import { type MeetingContext, MeetingsService } from '../meetings/meetings.service.js';
import { SearchIndexer } from '../search/search-indexer.service.js';
import { UsersService } from '../users/users.service.js';
import { AgendaItemEntity } from './agenda-item.entity.js';
import { planReorder } from './agenda-order.js';

@Injectable()
export class AgendaService {
  constructor(
    @InjectRepository(AgendaItemEntity) private readonly items: Repository<AgendaItemEntity>,
    @InjectRepository(DocumentEntity) private readonly documents: Repository<DocumentEntity>,
    private readonly meetings: MeetingsService,
    private readonly users: UsersService,
    private readonly db: DbWriter,
    private readonly clock: Clock,
    private readonly search: SearchIndexer,
  ) {}

  async get(viewer: Viewer, meetingId: string): Promise<AgendaDto> {
    return this.view(await this.meetings.context(viewer, meetingId));
  }

  async create(viewer: Viewer, meetingId: string, request: CreateAgendaItemRequest): Promise<AgendaDto> {
    const ctx = await this.editable(viewer, meetingId);
    const data = createAgendaItemRequestSchema.parse(request);
    const siblings = await this.items.find({ where: { meetingId } });
    if (data.parentId) {
      const parent = siblings.find((i) => i.id === data.parentId);
      if (!parent) throw new AppError('NOT_FOUND');
      if (parent.parentId) throw new AppError('AGENDA_NESTING_TOO_DEEP');
    }
    if (data.presenterUserId) await this.meetings.ensureExists(data.presenterUserId);
    const position = 1 + Math.max(0, ...siblings.filter((i) => i.parentId === data.parentId).map((i) => i.position));
    await this.db.transaction((em) =>
      em.insert(AgendaItemEntity, { id: randomUUID(), meetingId, ...data, position, createdAt: this.clock.now() }),
    );
    await this.search.agenda(meetingId);
    await this.meetings.agendaChanged(ctx.meeting);
    return this.get(viewer, meetingId);
  }

  async update(viewer: Viewer, meetingId: string, itemId: string, patch: UpdateAgendaItemRequest): Promise<AgendaDto> {
    const ctx = await this.editable(viewer, meetingId);
    const data = updateAgendaItemRequestSchema.parse(patch);
    if (data.presenterUserId) await this.meetings.ensureExists(data.presenterUserId);
    await this.db.transaction(async (em) => {
      const changed = await em.update(AgendaItemEntity, { id: itemId, meetingId }, data);
      if (!changed.affected) throw new AppError('NOT_FOUND');
    });
    await this.search.agenda(meetingId);
    await this.meetings.agendaChanged(ctx.meeting);
    return this.get(viewer, meetingId);
  }

  /** Removes an item and its sub-items; their documents stay in the pack, unattached. */
  async remove(viewer: Viewer, meetingId: string, itemId: string): Promise<AgendaDto> {
    const ctx = await this.editable(viewer, meetingId);
    const all = await this.items.find({ where: { meetingId } });
    if (!all.some((i) => i.id === itemId)) throw new AppError('NOT_FOUND');
    const doomed = all.filter((i) => i.id === itemId || i.parentId === itemId).map((i) => i.id);
    await this.db.transaction(async (em) => {
      await em.update(DocumentEntity, { agendaItemId: In(doomed) }, { agendaItemId: null });
      await em.delete(AgendaItemEntity, { id: In(doomed) });
    });
    await this.search.agenda(meetingId);
    await this.meetings.agendaChanged(ctx.meeting);
    return this.get(viewer, meetingId);
  }

  async reorder(viewer: Viewer, meetingId: string, request: ReorderAgendaRequest): Promise<AgendaDto> {
    const ctx = await this.editable(viewer, meetingId);
    const current = await this.items.find({ where: { meetingId } });
    const plan = planReorder(current, request.order);
    if (!plan.ok) throw new AppError(plan.code);
    await this.db.transaction(async (em) => {
      for (const p of plan.positions) await em.update(AgendaItemEntity, { id: p.id, meetingId }, { parentId: p.parentId, position: p.position });
    });
    await this.meetings.agendaChanged(ctx.meeting);
    return this.get(viewer, meetingId);
  }

  private async editable(viewer: Viewer, meetingId: string): Promise<MeetingContext> {
    const ctx = await this.meetings.manageable(viewer, meetingId);
    if (!isPreparable(ctx.meeting.status)) throw new AppError('INVALID_STATUS_TRANSITION');
    return ctx;
  }

  private async view(ctx: MeetingContext): Promise<AgendaDto> {
    const { meeting, membership } = ctx;
    let rows = await this.items.find({ where: { meetingId: meeting.id } });
    // Internal items (nội bộ) are not shown to guests.
    if (membership?.role === 'guest') rows = rows.filter((i) => i.isPublic);
    const docs = await this.documents.find({ where: { meetingId: meeting.id, removedAt: IsNull() }, select: { id: true, agendaItemId: true, position: true } });
    const people = await this.users.people([...rows.map((i) => i.presenterUserId ?? ''), meeting.agendaApprovedBy ?? ''].filter(Boolean));
    return {
      status: meeting.agendaStatus,
      approvedAt: meeting.agendaApprovedAt?.toISOString() ?? null,
      approvedBy: meeting.agendaApprovedBy ? (people.get(meeting.agendaApprovedBy) ?? null) : null,
      items: numberAgenda(rows).map((i) => ({
        id: i.id,
        parentId: i.parentId,
        number: i.number,
        position: i.position,
        title: i.title,
        presenter: i.presenterUserId ? (people.get(i.presenterUserId) ?? null) : null,
        presenterName: i.presenterName,
        plannedMinutes: i.plannedMinutes,
        isPublic: i.isPublic,
        documentIds: docs.filter((d) => d.agendaItemId === i.id).sort((a, b) => a.position - b.position).map((d) => d.id),
      })),
    };
  }
}
