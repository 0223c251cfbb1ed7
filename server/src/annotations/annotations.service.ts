import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThanOrEqual, Not, type EntityManager, type Repository } from 'typeorm';
import {
  type AnnotationChangeInput,
  type AnnotationChangeResult,
  type AnnotationListDto,
  applyChange,
} from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { DbWriter, isUniqueViolation } from '../database/db-writer.js';
import { DocumentsService } from '../documents/documents.service.js';
import type { Viewer } from '../meetings/meeting-access.js';
import { AnnotationEntity } from './annotation.entity.js';
import { AnnotationAudience } from './annotation-audience.js';
import { toAnnotationDto } from './annotation-views.js';

/** A sync window reaches this far behind the read, so a change committed late (a slow transaction) is not missed. */
const CURSOR_OVERLAP_MS = 60_000;

@Injectable()
export class AnnotationsService {
  constructor(
    @InjectRepository(AnnotationEntity) private readonly annotations: Repository<AnnotationEntity>,
    private readonly documents: DocumentsService,
    private readonly audience: AnnotationAudience,
    private readonly db: DbWriter,
    private readonly clock: Clock,
  ) {}

  /** The viewer's own annotations of one version and those others share; with `since`, a sync since then. */
  async list(viewer: Viewer, documentId: string, version: number, since?: Date): Promise<AnnotationListDto> {
    await this.documents.readable(viewer, documentId);
    const cursor = new Date(this.clock.now().getTime() - CURSOR_OVERLAP_MS).toISOString();
    const window = since ? { updatedAt: MoreThanOrEqual(since) } : {};
    const [own, others] = await Promise.all([
      this.annotations.find({ where: { documentId, version, ownerId: viewer.userId, ...(since ? window : { deleted: false }) } }),
      // Never a private annotation of someone else: only rows that are, or once were, shared.
      this.annotations.find({ where: { documentId, version, ownerId: Not(viewer.userId), everShared: true, ...(since ? window : { shared: true, deleted: false }) } }),
    ]);
    const visible = others.filter((a) => a.shared && !a.deleted);
    const gone = others.filter((a) => !a.shared || a.deleted).map((a) => a.id);
    const annotations = [...own, ...visible].sort((a, b) => a.page - b.page || a.createdAt.getTime() - b.createdAt.getTime());
    return { annotations: annotations.map(toAnnotationDto), gone, cursor };
  }

  /** Stores one change from a tablet's outbox (owner only); the answer is the server's copy after it. */
  async change(viewer: Viewer, id: string, change: AnnotationChangeInput): Promise<AnnotationChangeResult> {
    const { annotation: draft, rev, idempotencyKey } = change;
    if (draft.id !== id) throw new AppError('VALIDATION_FAILED', { details: { 'annotation.id': 'Mã ghi chú không khớp với địa chỉ.' } });
    const ctx = await this.documents.readable(viewer, draft.documentId);
    const version = await this.documents.versionOf(draft.documentId, draft.version);
    if (draft.page > version.pageCount) throw new AppError('ANNOTATION_PAGE_OUT_OF_RANGE');
    const { id: _id, documentId, version: _v, page, kind, shared, deleted, ...fields } = draft;
    const now = this.clock.now();
    const incoming: AnnotationEntity = {
      id,
      ownerId: viewer.userId,
      documentId,
      version: draft.version,
      page,
      kind,
      body: { kind, ...fields } as AnnotationEntity['body'],
      shared,
      everShared: shared,
      rev,
      deleted,
      fromPreviousVersion: false,
      changeKey: idempotencyKey,
      createdAt: now,
      updatedAt: now,
    };
    const { stored, result } = await this.store(viewer, incoming);
    if (result.changed) this.audience.announce(ctx, stored, result.row);
    return { ok: true, outcome: result.outcome, annotation: toAnnotationDto(result.row) };
  }

  private async store(viewer: Viewer, incoming: AnnotationEntity) {
    try {
      return await this.db.transaction((em) => this.merge(em, viewer, incoming));
    } catch (error) {
      // Two deliveries of a new annotation raced on PostgreSQL; the second now finds the first and merges.
      if (!isUniqueViolation(error)) throw error;
      return this.db.transaction((em) => this.merge(em, viewer, incoming));
    }
  }

  private async merge(em: EntityManager, viewer: Viewer, incoming: AnnotationEntity) {
    // Row lock on PostgreSQL so two changes of one annotation cannot both read the same rev.
    const lock = this.db.dialect === 'postgres' ? { lock: { mode: 'pessimistic_write' as const } } : {};
    const stored = await em.findOne(AnnotationEntity, { where: { id: incoming.id }, ...lock });
    if (stored && stored.ownerId !== viewer.userId) throw new AppError('ANNOTATION_NOT_OWNER');
    if (stored && (stored.documentId !== incoming.documentId || stored.version !== incoming.version || stored.kind !== incoming.kind)) {
      throw new AppError('ANNOTATION_IMMUTABLE');
    }
    const result = applyChange(stored, {
      ...incoming,
      createdAt: stored?.createdAt ?? incoming.createdAt,
      everShared: incoming.shared || (stored?.everShared ?? false),
      fromPreviousVersion: stored?.fromPreviousVersion ?? false,
    });
    if (result.changed && stored) await em.update(AnnotationEntity, { id: incoming.id }, result.row);
    else if (result.changed) await em.insert(AnnotationEntity, result.row);
    return { stored, result };
  }
}
