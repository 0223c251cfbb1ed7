import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, QueryFailedError, type Repository } from 'typeorm';
import {
  type MinutesAgendaItemDto,
  type MinutesCommentDto,
  type MinutesCommentRequest,
  type MinutesDto,
  type MinutesRevisionDto,
  type MinutesSaveResultDto,
  type MinutesSharingRequest,
  numberAgenda,
  type PatchMinutesRequest,
} from '@phonghop/shared';
import { AgendaItemEntity } from '../agenda/agenda-item.entity.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { DbWriter } from '../database/db-writer.js';
import type { Viewer } from '../meetings/meeting-access.js';
import type { MeetingEntity } from '../meetings/meeting.entity.js';
import { type MeetingContext, MeetingsService } from '../meetings/meetings.service.js';
import { SearchIndexer } from '../search/search-indexer.service.js';
import { UsersService } from '../users/users.service.js';
import { canCommentMinutes, canDecideMinutes, canEditMinutes, canReadMinutes, type MinutesRole, minutesRole } from './minutes-access.js';
import { MinutesLog } from './minutes-log.service.js';
import { toSignedDto } from './minutes-signer.service.js';
import { MinutesCommentEntity, MinutesEntity, MinutesNoteEntity, MinutesRevisionEntity, SignedMinutesEntity } from './minutes.entity.js';

export interface MinutesScope {
  ctx: MeetingContext;
  role: MinutesRole | null;
  row: MinutesEntity;
}

const STARTED: ReadonlySet<string> = new Set(['in_progress', 'ended', 'archived']);

/**
 * A meeting's minutes: the row exists from the meeting's start (created on first use), its facts follow the event
 * log while it is a draft, and the secretary's free text is saved in small autosaves with optimistic concurrency
 * (a stale `version` → 409) and one revision row per accepted change. The workflow (submit, return, approve and
 * sign) is minutes-workflow.service.ts.
 */
@Injectable()
export class MinutesService {
  constructor(
    @InjectRepository(MinutesEntity)
    private readonly minutes: Repository<MinutesEntity>,
    @InjectRepository(MinutesNoteEntity)
    private readonly notes: Repository<MinutesNoteEntity>,
    @InjectRepository(MinutesRevisionEntity)
    private readonly revisionRows: Repository<MinutesRevisionEntity>,
    @InjectRepository(MinutesCommentEntity)
    private readonly commentRows: Repository<MinutesCommentEntity>,
    @InjectRepository(SignedMinutesEntity)
    private readonly signed: Repository<SignedMinutesEntity>,
    @InjectRepository(AgendaItemEntity)
    private readonly agendaItems: Repository<AgendaItemEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DbWriter,
    private readonly search: SearchIndexer,
    private readonly clock: Clock,
    private readonly meetings: MeetingsService,
    private readonly users: UsersService,
    private readonly log: MinutesLog,
  ) {}

  /** The meeting and the viewer's role in its minutes (404 for strangers, guests and the display); the row is not read. */
  async access(viewer: Viewer, meetingId: string): Promise<{ ctx: MeetingContext; role: MinutesRole }> {
    const ctx = await this.meetings.context(viewer, meetingId);
    const role = minutesRole(viewer, ctx.membership);
    if (!role) throw new AppError('NOT_FOUND');
    return { ctx, role };
  }

  /** `access`, and the minutes row, up to date with the log. */
  async open(viewer: Viewer, meetingId: string): Promise<MinutesScope> {
    const { ctx, role } = await this.access(viewer, meetingId);
    return { ctx, role, row: await this.ensure(ctx.meeting) };
  }

  /** `open`, and the viewer may read the draft (403 otherwise: members wait for the chair's leave). */
  async readable(viewer: Viewer, meetingId: string): Promise<MinutesScope> {
    const scope = await this.open(viewer, meetingId);
    if (!canReadMinutes(scope.role, scope.row)) throw new AppError('FORBIDDEN');
    return scope;
  }

  async get(viewer: Viewer, meetingId: string): Promise<MinutesDto> {
    return this.dto(await this.readable(viewer, meetingId));
  }

  private async ensure(meeting: MeetingEntity): Promise<MinutesEntity> {
    const row = await this.minutes.findOneBy({ meetingId: meeting.id });
    if (row) return this.refresh(row);
    if (!STARTED.has(meeting.status)) throw new AppError('MINUTES_NOT_STARTED');
    const facts = await this.log.derive(meeting.id);
    if (!facts.started) throw new AppError('MINUTES_NOT_STARTED');
    const now = this.clock.now();
    const fresh: MinutesEntity = {
      id: randomUUID(),
      meetingId: meeting.id,
      status: 'draft',
      version: 1,
      membersCanRead: false,
      facts,
      submittedAt: null,
      approvedAt: null,
      returnComment: null,
      noticeIssuedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.db.transaction(async (em) => {
        if (
          !(await em.exists(MinutesEntity, {
            where: { meetingId: meeting.id },
          }))
        )
          await em.insert(MinutesEntity, fresh);
      });
    } catch (error) {
      if (!(error instanceof QueryFailedError)) throw error; // another node created it first
    }
    return this.minutes.findOneByOrFail({ meetingId: meeting.id });
  }

  /** A draft follows the log (facts are not the secretary's edits: no new version); submitted and approved ones are frozen. */
  private async refresh(row: MinutesEntity): Promise<MinutesEntity> {
    if (row.status !== 'draft' || (await this.log.lastSeq(row.meetingId)) <= row.facts.lastSeq) return row;
    const facts = await this.log.derive(row.meetingId);
    await this.db.transaction((em) => em.update(MinutesEntity, { id: row.id, status: 'draft' }, { facts }));
    return { ...row, facts };
  }

  async dto(scope: MinutesScope): Promise<MinutesDto> {
    const { ctx, role, row } = scope;
    const f = row.facts;
    const namedBallots = await this.log.namedBallots(f);
    const items = numberAgenda(await this.agendaItems.find({ where: { meetingId: ctx.meeting.id } }));
    const ids = new Set<string>();
    for (const p of ctx.participants) [p.userId, p.substituteUserId].forEach((id) => id && ids.add(id));
    f.attendance.forEach((a) => ids.add(a.userId));
    f.turns.forEach((t) => ids.add(t.userId));
    f.votes.forEach((v) => v.voters.forEach((x) => ids.add(x.userId)));
    items.forEach((i) => i.presenterUserId && ids.add(i.presenterUserId));
    const people = await this.users.people(ids);
    const agenda: MinutesAgendaItemDto[] = items.map((i) => ({
      id: i.id,
      number: i.number,
      title: i.title,
      presenterName: i.presenterName || (i.presenterUserId ? (people.get(i.presenterUserId)?.fullName ?? '') : ''),
    }));
    const notes = await this.notes.find({ where: { minutesId: row.id } });
    const latest = await this.signed.findOne({
      where: { minutesId: row.id },
      order: { number: 'DESC' },
    });
    return {
      meetingId: ctx.meeting.id,
      status: row.status,
      version: row.version,
      membersCanRead: row.membersCanRead,
      header: { ...this.config.minutes },
      meeting: {
        title: ctx.meeting.title,
        location: ctx.meeting.location,
        scheduledStart: ctx.meeting.startsAt.toISOString(),
        organizer: ctx.meeting.organizer,
      },
      seats: ctx.participants.map((p) => ({
        userId: p.userId,
        role: p.role,
        rsvp: p.rsvp,
        rsvpReason: p.rsvpReason,
        substituteUserId: p.substituteUserId,
      })),
      people: Object.fromEntries(people),
      agenda,
      facts: f,
      namedBallots,
      notes: Object.fromEntries(notes.map((n) => [n.key, n.text])),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      approvedAt: row.approvedAt?.toISOString() ?? null,
      returnComment: row.returnComment,
      signed: latest ? toSignedDto(latest) : null,
      can: {
        edit: canEditMinutes(role) && row.status !== 'submitted',
        submit: canEditMinutes(role) && row.status === 'draft' && f.ended !== null,
        approve: canDecideMinutes(role) && row.status === 'submitted',
        share: canDecideMinutes(role),
        comment: canCommentMinutes(role, row),
      },
    };
  }

  /** An autosave of free text. Keys must name a turn of the facts or an item of the agenda; nothing changes on a refusal. */
  async patch(viewer: Viewer, meetingId: string, body: PatchMinutesRequest): Promise<MinutesSaveResultDto> {
    const { role, row } = await this.open(viewer, meetingId);
    if (!canEditMinutes(role)) throw new AppError('FORBIDDEN');
    await this.assertKeys(row, Object.keys(body.notes));
    const now = this.clock.now();
    const saved = await this.db.transaction(async (em) => {
      const current = await this.lockedVersion(em, row.id, body.version, {
        editing: true,
      });
      const keys = Object.keys(body.notes);
      const existing = new Map(
        (
          await em.find(MinutesNoteEntity, {
            where: { minutesId: row.id, key: In(keys) },
          })
        ).map((n) => [n.key, n.text]),
      );
      const changes = keys
        .map((key) => ({
          key,
          before: existing.get(key) ?? null,
          after: body.notes[key] || null,
        }))
        .filter((c) => c.before !== c.after);
      if (changes.length === 0)
        return {
          version: current.version,
          status: current.status,
          savedAt: current.updatedAt.toISOString(),
          changed: [],
        };
      const reopen = current.status === 'approved';
      const version = await this.bump(em, current, {
        status: 'draft',
        ...(reopen ? { approvedAt: null, submittedAt: null } : {}),
      });
      for (const c of changes) {
        if (c.after === null) await em.delete(MinutesNoteEntity, { minutesId: row.id, key: c.key });
        else if (c.before === null)
          await em.insert(MinutesNoteEntity, {
            minutesId: row.id,
            key: c.key,
            text: c.after,
            updatedBy: viewer.userId,
            updatedAt: now,
          });
        else await em.update(MinutesNoteEntity, { minutesId: row.id, key: c.key }, { text: c.after, updatedBy: viewer.userId, updatedAt: now });
      }
      // a change after approval: the signed PDF no longer says what the minutes say; the next approval signs again
      if (reopen) await em.update(SignedMinutesEntity, { minutesId: row.id, supersededAt: IsNull() }, { supersededAt: now });
      await this.revision(em, row.id, version, reopen ? 'reopen' : 'edit', viewer.userId, changes);
      return {
        version,
        status: 'draft' as const,
        savedAt: now.toISOString(),
        changed: changes.map((c) => c.key),
      };
    });
    // an edit reopens approved minutes: they leave the archive search until approved again
    if (row.status === 'approved') await this.search.minutes(meetingId);
    return saved;
  }

  private async assertKeys(row: MinutesEntity, keys: string[]): Promise<void> {
    const items = new Set(
      (
        await this.agendaItems.find({
          where: { meetingId: row.meetingId },
          select: { id: true },
        })
      ).map((i) => i.id),
    );
    const turns = new Set(row.facts.turns.map((t) => t.seq));
    for (const key of keys) {
      const [kind, ref] = key.split(':');
      const known =
        (kind === 'turn' && turns.has(Number(ref))) || (kind === 'item' && items.has(ref)) || kind === 'other-business' || kind === 'doc-number';
      if (!known)
        throw new AppError('MINUTES_NOTE_KEY_UNKNOWN', {
          details: { [`notes.${key}`]: 'Không có trong cuộc họp này.' },
        });
    }
  }

  /** Reads the row in the transaction and checks the version the client started from. */
  async lockedVersion(em: EntityManager, minutesId: string, expected: number, o: { editing?: boolean } = {}): Promise<MinutesEntity> {
    const current = await em.findOneByOrFail(MinutesEntity, { id: minutesId });
    if (o.editing && current.status === 'submitted') throw new AppError('MINUTES_LOCKED');
    if (current.version !== expected)
      throw new AppError('MINUTES_VERSION_CONFLICT', {
        details: { version: String(current.version) },
      });
    return current;
  }

  /** version + 1 only if nobody moved it since it was read (on PostgreSQL two writers may both have read it). */
  async bump(em: EntityManager, current: MinutesEntity, patch: Partial<MinutesEntity>): Promise<number> {
    const version = current.version + 1;
    const done = await em.update(MinutesEntity, { id: current.id, version: current.version }, { ...patch, version, updatedAt: this.clock.now() });
    if (!done.affected)
      throw new AppError('MINUTES_VERSION_CONFLICT', {
        details: { version: String(version) },
      });
    return version;
  }

  async revision(
    em: EntityManager,
    minutesId: string,
    version: number,
    action: MinutesRevisionEntity['action'],
    userId: string,
    changes: MinutesRevisionEntity['changes'],
  ): Promise<void> {
    await em.insert(MinutesRevisionEntity, {
      id: randomUUID(),
      minutesId,
      version,
      action,
      userId,
      at: this.clock.now(),
      changes,
    });
  }

  async share(viewer: Viewer, meetingId: string, body: MinutesSharingRequest): Promise<MinutesDto> {
    const scope = await this.open(viewer, meetingId);
    if (!canDecideMinutes(scope.role)) throw new AppError('FORBIDDEN');
    await this.db.transaction((em) => em.update(MinutesEntity, { id: scope.row.id }, { membersCanRead: body.membersCanRead }));
    return this.dto({
      ...scope,
      row: { ...scope.row, membersCanRead: body.membersCanRead },
    });
  }

  async revisions(viewer: Viewer, meetingId: string): Promise<MinutesRevisionDto[]> {
    const { row } = await this.readable(viewer, meetingId);
    const rows = await this.revisionRows.find({
      where: { minutesId: row.id },
      order: { version: 'DESC' },
    });
    const people = await this.users.people(rows.map((r) => r.userId));
    return rows.map((r) => ({
      version: r.version,
      at: r.at.toISOString(),
      by: people.get(r.userId) ?? null,
      action: r.action,
      changes: r.changes,
    }));
  }

  async comments(viewer: Viewer, meetingId: string): Promise<MinutesCommentDto[]> {
    const { row } = await this.readable(viewer, meetingId);
    const rows = await this.commentRows.find({
      where: { minutesId: row.id },
      order: { at: 'ASC', id: 'ASC' },
    });
    const people = await this.users.people(rows.map((r) => r.userId));
    return rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      by: people.get(r.userId) ?? null,
      text: r.text,
      noteKey: r.noteKey,
    }));
  }

  async comment(viewer: Viewer, meetingId: string, body: MinutesCommentRequest): Promise<MinutesCommentDto> {
    const { role, row } = await this.open(viewer, meetingId);
    if (!canCommentMinutes(role, row)) throw new AppError('FORBIDDEN');
    if (body.noteKey) await this.assertKeys(row, [body.noteKey]);
    const comment: MinutesCommentEntity = {
      id: randomUUID(),
      minutesId: row.id,
      userId: viewer.userId,
      at: this.clock.now(),
      text: body.text,
      noteKey: body.noteKey ?? null,
    };
    await this.db.transaction((em) => em.insert(MinutesCommentEntity, comment));
    const by = (await this.users.people([viewer.userId])).get(viewer.userId) ?? null;
    return {
      id: comment.id,
      at: comment.at.toISOString(),
      by,
      text: comment.text,
      noteKey: comment.noteKey,
    };
  }
}
