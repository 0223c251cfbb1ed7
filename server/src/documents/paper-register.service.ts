import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { type PaperRegisterEntryDto, paperRegisterEntryRequestSchema } from '@phonghop/shared';
import type { z } from 'zod';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { DbWriter } from '../database/db-writer.js';
import type { Viewer } from '../meetings/meeting-access.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { UsersService } from '../users/users.service.js';
import { PaperCopyEntity, PaperRegisterEntryEntity } from './paper-register.entity.js';

/** Sổ theo dõi tài liệu mật: numbered paper copies, who received each, and whether it came back. */
@Injectable()
export class PaperRegisterService {
  constructor(
    @InjectRepository(PaperRegisterEntryEntity) private readonly entries: Repository<PaperRegisterEntryEntity>,
    @InjectRepository(PaperCopyEntity) private readonly copies: Repository<PaperCopyEntity>,
    private readonly meetings: MeetingsService,
    private readonly users: UsersService,
    private readonly db: DbWriter,
    private readonly clock: Clock,
  ) {}

  async list(viewer: Viewer, meetingId: string): Promise<PaperRegisterEntryDto[]> {
    await this.meetings.manageable(viewer, meetingId);
    const entries = await this.entries.find({ where: { meetingId }, order: { createdAt: 'ASC' } });
    const copies = entries.length ? await this.copies.find({ where: { entryId: In(entries.map((e) => e.id)) }, order: { copyNo: 'ASC' } }) : [];
    const people = await this.users.people(copies.map((c) => c.recipientUserId ?? '').filter(Boolean));
    return entries.map((e) => ({
      id: e.id,
      title: e.title,
      classification: e.classification,
      number: e.number,
      symbol: e.symbol,
      agendaItemId: e.agendaItemId,
      copies: copies
        .filter((c) => c.entryId === e.id)
        .map((c) => ({
          copyNo: c.copyNo,
          recipient: c.recipientUserId ? (people.get(c.recipientUserId) ?? null) : null,
          handedOutAt: c.handedOutAt?.toISOString() ?? null,
          returnedAt: c.returnedAt?.toISOString() ?? null,
        })),
    }));
  }

  async create(viewer: Viewer, meetingId: string, request: z.input<typeof paperRegisterEntryRequestSchema>): Promise<PaperRegisterEntryDto[]> {
    await this.meetings.manageable(viewer, meetingId);
    const data = paperRegisterEntryRequestSchema.parse(request);
    const id = randomUUID();
    await this.db.transaction(async (em) => {
      await em.insert(PaperRegisterEntryEntity, {
        id,
        meetingId,
        agendaItemId: data.agendaItemId,
        title: data.title,
        classification: data.classification,
        number: data.number,
        symbol: data.symbol,
        createdBy: viewer.userId,
        createdAt: this.clock.now(),
      });
      for (let copyNo = 1; copyNo <= data.copies; copyNo++) {
        await em.insert(PaperCopyEntity, { entryId: id, copyNo, recipientUserId: null, handedOutAt: null, returnedAt: null });
      }
    });
    return this.list(viewer, meetingId);
  }

  /** Hands copy N to a participant; a copy out with someone else must come back first. */
  async handOut(viewer: Viewer, entryId: string, copyNo: number, recipientUserId: string): Promise<PaperRegisterEntryDto[]> {
    const entry = await this.entry(viewer, entryId);
    const { participants } = await this.meetings.manageable(viewer, entry.meetingId);
    if (!participants.some((p) => p.userId === recipientUserId || p.substituteUserId === recipientUserId)) {
      throw new AppError('VALIDATION_FAILED', { details: { recipientUserId: 'Chỉ giao tài liệu cho người trong thành phần tham dự.' } });
    }
    await this.db.transaction(async (em) => {
      const copy = await em.findOneBy(PaperCopyEntity, { entryId, copyNo });
      if (!copy) throw new AppError('NOT_FOUND');
      if (copy.recipientUserId && !copy.returnedAt) {
        throw new AppError('INVALID_STATUS_TRANSITION', { message: `Bản số ${copyNo} đang do người khác giữ, chưa được trả lại.` });
      }
      await em.update(PaperCopyEntity, { entryId, copyNo }, { recipientUserId, handedOutAt: this.clock.now(), returnedAt: null });
    });
    return this.list(viewer, entry.meetingId);
  }

  async returned(viewer: Viewer, entryId: string, copyNo: number): Promise<PaperRegisterEntryDto[]> {
    const entry = await this.entry(viewer, entryId);
    await this.db.transaction(async (em) => {
      const copy = await em.findOneBy(PaperCopyEntity, { entryId, copyNo });
      if (!copy) throw new AppError('NOT_FOUND');
      if (!copy.recipientUserId || copy.returnedAt) {
        throw new AppError('INVALID_STATUS_TRANSITION', { message: `Bản số ${copyNo} chưa được giao hoặc đã trả lại.` });
      }
      await em.update(PaperCopyEntity, { entryId, copyNo }, { returnedAt: this.clock.now() });
    });
    return this.list(viewer, entry.meetingId);
  }

  private async entry(viewer: Viewer, entryId: string): Promise<PaperRegisterEntryEntity> {
    const entry = await this.entries.findOne({ where: { id: entryId } });
    if (!entry) throw new AppError('NOT_FOUND');
    await this.meetings.manageable(viewer, entry.meetingId);
    return entry;
  }
}
