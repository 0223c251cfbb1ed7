import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, type Repository } from 'typeorm';
import {
  type DocumentDto,
  type DocumentMetadata,
  documentMetadataSchema,
  rooms,
  updateDocumentMetadataSchema,
} from '@phonghop/shared';
import type { z } from 'zod';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { DbWriter } from '../database/db-writer.js';
import { canSeeDocument, membershipOf, type Viewer } from '../meetings/meeting-access.js';
import { isPreparable } from '../meetings/meeting-status.js';
import { type MeetingContext, MeetingsService } from '../meetings/meetings.service.js';
import { RealtimeEmitter } from '../realtime/realtime-emitter.js';
import { SearchIndexer } from '../search/search-indexer.service.js';
import { AgendaItemEntity } from '../agenda/agenda-item.entity.js';
import { carryOverAnnotations } from '../annotations/annotation-carry-over.js';
import { DocumentPipeline } from './document-pipeline.js';
import { DocumentViews } from './document-views.js';
import {
  DocumentEntity,
  DocumentGrantEntity,
  DocumentPageTextEntity,
  DocumentVersionEntity,
} from './document.entity.js';
import type { IngestResult } from './pipeline/ingest.js';

export interface Upload {
  body: Readable;
  fileName: string;
  password?: string;
}

export interface DocumentContext extends MeetingContext {
  document: DocumentEntity;
  grants: string[];
}

@Injectable()
export class DocumentsService {
  constructor(
    @InjectRepository(DocumentEntity) private readonly documents: Repository<DocumentEntity>,
    @InjectRepository(DocumentGrantEntity) private readonly grants: Repository<DocumentGrantEntity>,
    @InjectRepository(DocumentVersionEntity) private readonly versions: Repository<DocumentVersionEntity>,
    @InjectRepository(AgendaItemEntity) private readonly agenda: Repository<AgendaItemEntity>,
    private readonly meetings: MeetingsService,
    private readonly pipeline: DocumentPipeline,
    private readonly views: DocumentViews,
    private readonly db: DbWriter,
    private readonly clock: Clock,
    private readonly realtime: RealtimeEmitter,
    private readonly search: SearchIndexer,
  ) {}

  async list(viewer: Viewer, meetingId: string): Promise<DocumentDto[]> {
    const ctx = await this.meetings.context(viewer, meetingId);
    const docs = await this.documents.find({ where: { meetingId, removedAt: IsNull() }, order: { position: 'ASC' } });
    const grants = await this.grantsOf(docs.map((d) => d.id));
    const visible = docs.filter((d) => canSeeDocument(viewer, ctx.membership, { audience: d.audience, grantedUserIds: grants.get(d.id) ?? [] }));
    return this.views.many(viewer.userId, visible, grants);
  }

  async get(viewer: Viewer, documentId: string): Promise<DocumentDto> {
    const ctx = await this.readable(viewer, documentId);
    return (await this.views.many(viewer.userId, [ctx.document], new Map([[documentId, ctx.grants]])))[0];
  }

  /** Loads a document the viewer may read; strangers get 404, participants without a grant 403. */
  async readable(viewer: Viewer, documentId: string): Promise<DocumentContext> {
    const document = await this.documents.findOne({ where: { id: documentId, removedAt: IsNull() } });
    if (!document) throw new AppError('NOT_FOUND');
    const ctx = await this.meetings.context(viewer, document.meetingId);
    const grants = (await this.grantsOf([documentId])).get(documentId) ?? [];
    if (!canSeeDocument(viewer, ctx.membership, { audience: document.audience, grantedUserIds: grants })) {
      throw new AppError('DOCUMENT_ACCESS_DENIED');
    }
    return { ...ctx, document, grants };
  }

  /**
   * Adds a document to the pack. The metadata is checked before a byte is stored: a classified document
   * (Mật, Tối mật, Tuyệt mật) is refused outright and belongs in the paper register instead.
   */
  async upload(viewer: Viewer, meetingId: string, metadata: DocumentMetadata, upload: Upload): Promise<DocumentDto> {
    const meta = documentMetadataSchema.parse(metadata);
    if (meta.classification !== 'none') throw new AppError('CLASSIFIED_UPLOAD_FORBIDDEN');
    const ctx = await this.editable(viewer, meetingId);
    await this.checkReferences(ctx, meta.agendaItemId, meta.grantedUserIds);
    const ingested = await this.ingest(upload);
    const now = this.clock.now();
    const documentId = randomUUID();
    const position = 1 + (await this.documents.count({ where: { meetingId } }));
    await this.db.transaction(async (em) => {
      await em.insert(DocumentEntity, {
        id: documentId,
        meetingId,
        agendaItemId: meta.agendaItemId,
        docType: meta.docType,
        number: meta.number,
        symbol: meta.symbol,
        issuedOn: meta.issuedOn,
        issuer: meta.issuer,
        summary: meta.summary,
        audience: meta.audience,
        currentVersion: 1,
        position,
        createdAt: now,
        updatedAt: now,
        removedAt: null,
      });
      for (const userId of new Set(meta.grantedUserIds)) await em.insert(DocumentGrantEntity, { documentId, userId });
      await this.insertVersion(em, documentId, 1, ingested, '', viewer.userId, now);
    });
    await this.search.document(documentId);
    await this.announce(ctx, documentId, 'document:added');
    return this.get(viewer, documentId);
  }

  /** Replaces the file; the old version stays readable and members see "Đã cập nhật" with the note. */
  async newVersion(viewer: Viewer, documentId: string, changeNote: string, upload: Upload): Promise<DocumentDto> {
    const existing = await this.documents.findOne({ where: { id: documentId, removedAt: IsNull() } });
    if (!existing) throw new AppError('NOT_FOUND');
    const ctx = await this.editable(viewer, existing.meetingId);
    const ingested = await this.ingest(upload);
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      // Read inside the serialised write: two secretaries replacing at once get versions n+1 and n+2.
      const doc = await em.findOneByOrFail(DocumentEntity, { id: documentId });
      const version = doc.currentVersion + 1;
      await this.insertVersion(em, documentId, version, ingested, changeNote, viewer.userId, now);
      await em.update(DocumentEntity, { id: documentId }, { currentVersion: version, updatedAt: now });
      // Members' annotations move with the document in the same transaction: never a version without them.
      await carryOverAnnotations(em, documentId, version, ingested.pdf, now);
    });
    await this.search.document(documentId);
    await this.announce(ctx, documentId, 'document:updated');
    return this.get(viewer, documentId);
  }

  async updateMetadata(viewer: Viewer, documentId: string, patch: z.input<typeof updateDocumentMetadataSchema>): Promise<DocumentDto> {
    const existing = await this.documents.findOne({ where: { id: documentId, removedAt: IsNull() } });
    if (!existing) throw new AppError('NOT_FOUND');
    const ctx = await this.editable(viewer, existing.meetingId);
    const { grantedUserIds, ...fields } = updateDocumentMetadataSchema.parse(patch);
    await this.checkReferences(ctx, fields.agendaItemId ?? null, grantedUserIds ?? []);
    await this.db.transaction(async (em) => {
      await em.update(DocumentEntity, { id: documentId }, { ...fields, updatedAt: this.clock.now() });
      if (grantedUserIds) {
        await em.delete(DocumentGrantEntity, { documentId });
        for (const userId of new Set(grantedUserIds)) await em.insert(DocumentGrantEntity, { documentId, userId });
      }
    });
    await this.search.document(documentId);
    await this.meetings.notifyParticipants(existing.meetingId, 'meeting:updated');
    return this.get(viewer, documentId);
  }

  async remove(viewer: Viewer, documentId: string): Promise<void> {
    const existing = await this.documents.findOne({ where: { id: documentId, removedAt: IsNull() } });
    if (!existing) throw new AppError('NOT_FOUND');
    const ctx = await this.editable(viewer, existing.meetingId);
    await this.db.transaction((em) => em.update(DocumentEntity, { id: documentId }, { removedAt: this.clock.now() }));
    await this.search.document(documentId);
    for (const userId of this.meetings.audience(ctx.participants)) {
      this.realtime.to(rooms.user(userId))?.emit('document:removed', { meetingId: existing.meetingId, documentId });
    }
  }

  async versionOf(documentId: string, version: number): Promise<DocumentVersionEntity> {
    const row = await this.versions.findOne({ where: { documentId, version } });
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  private async ingest(upload: Upload): Promise<IngestResult> {
    const ingested = await this.pipeline.ingest(upload.body, upload.fileName, upload.password);
    // Opened with the uploader's password but not decrypted by qpdf: tablets could not open it.
    if (upload.password && ingested.pdf.encrypted && !ingested.normalized) {
      throw new AppError('PDF_ENCRYPTED', { message: 'Không gỡ được mật khẩu của tệp PDF. Vui lòng tải lên bản không đặt mật khẩu.' });
    }
    return ingested;
  }

  private async editable(viewer: Viewer, meetingId: string): Promise<MeetingContext> {
    const ctx = await this.meetings.manageable(viewer, meetingId);
    if (!isPreparable(ctx.meeting.status)) throw new AppError('INVALID_STATUS_TRANSITION');
    return ctx;
  }

  private async checkReferences(ctx: MeetingContext, agendaItemId: string | null, grantedUserIds: readonly string[]): Promise<void> {
    if (agendaItemId && !(await this.agenda.exists({ where: { id: agendaItemId, meetingId: ctx.meeting.id } }))) {
      throw new AppError('VALIDATION_FAILED', { details: { agendaItemId: 'Mục chương trình không thuộc cuộc họp này.' } });
    }
    const seats = new Set(ctx.participants.flatMap((p) => [p.userId, p.substituteUserId ?? '']));
    const stranger = grantedUserIds.find((id) => !seats.has(id));
    if (stranger) throw new AppError('VALIDATION_FAILED', { details: { grantedUserIds: 'Chỉ phân quyền cho người trong thành phần tham dự.' } });
  }

  private async insertVersion(
    em: Parameters<Parameters<DbWriter['transaction']>[0]>[0],
    documentId: string,
    version: number,
    ingested: IngestResult,
    changeNote: string,
    uploadedBy: string,
    now: Date,
  ): Promise<void> {
    const id = randomUUID();
    const served = ingested.normalized ?? ingested.pdf;
    await em.insert(DocumentVersionEntity, {
      id,
      documentId,
      version,
      originalName: ingested.original.name,
      originalKind: ingested.original.kind,
      originalSha256: ingested.original.sha256,
      originalSize: ingested.original.size,
      pdfSha256: served.sha256,
      pdfSize: served.size,
      normalized: ingested.normalized !== null,
      pageCount: ingested.pdf.pageCount,
      changeNote,
      uploadedBy,
      uploadedAt: now,
    });
    const texts = ingested.pdf.pageTexts.map((text, i) => ({ versionId: id, page: i + 1, text }));
    for (let i = 0; i < texts.length; i += 100) await em.insert(DocumentPageTextEntity, texts.slice(i, i + 100));
  }

  /** Tells the tablets that can read the document (only once the meeting is published). */
  private async announce(ctx: MeetingContext, documentId: string, event: 'document:added' | 'document:updated'): Promise<void> {
    if (ctx.meeting.status === 'draft') return;
    const doc = await this.documents.findOneByOrFail({ id: documentId });
    const current = await this.versionOf(documentId, doc.currentVersion);
    const grants = (await this.grantsOf([documentId])).get(documentId) ?? [];
    for (const userId of this.meetings.audience(ctx.participants)) {
      const membership = membershipOf(userId, ctx.participants);
      if (!canSeeDocument({ userId, systemRole: 'member' }, membership, { audience: doc.audience, grantedUserIds: grants })) continue;
      this.realtime.to(rooms.user(userId))?.emit(event, {
        meetingId: doc.meetingId,
        documentId,
        version: doc.currentVersion,
        pdfSha256: current.pdfSha256,
      });
    }
    this.realtime.to(rooms.role('secretary'))?.emit('meeting:updated', { meetingId: doc.meetingId });
  }

  async grantsOf(documentIds: string[]): Promise<Map<string, string[]>> {
    if (documentIds.length === 0) return new Map();
    const rows = await this.grants.find({ where: { documentId: In(documentIds) } });
    const map = new Map<string, string[]>();
    for (const r of rows) map.set(r.documentId, [...(map.get(r.documentId) ?? []), r.userId]);
    return map;
  }
}
