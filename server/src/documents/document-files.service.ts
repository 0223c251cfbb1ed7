import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, type Repository } from 'typeorm';
import { type DeliveryRowDto, rooms } from '@phonghop/shared';
import { Clock } from '../common/clock.js';
import { DbWriter } from '../database/db-writer.js';
import { canSeeDocument, membershipOf, type Viewer } from '../meetings/meeting-access.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { RealtimeEmitter } from '../realtime/realtime-emitter.js';
import { UsersService } from '../users/users.service.js';
import { DocumentPipeline } from './document-pipeline.js';
import { DocumentAccessLogEntity, DocumentEntity, DocumentReceiptEntity } from './document.entity.js';
import { DocumentsService } from './documents.service.js';
import type { ServedFile } from './http-range.js';
import { contentDisposition } from './pipeline/file-name.js';
import { FILE_KIND_MIME, type FileKind } from './pipeline/file-kind.js';

export type FileVariant = 'view' | 'download' | 'original';

/** Serving document files, the access log, and what each tablet has received and opened. */
@Injectable()
export class DocumentFilesService {
  constructor(
    @InjectRepository(DocumentEntity) private readonly documents: Repository<DocumentEntity>,
    @InjectRepository(DocumentReceiptEntity) private readonly receipts: Repository<DocumentReceiptEntity>,
    private readonly docs: DocumentsService,
    private readonly meetings: MeetingsService,
    private readonly users: UsersService,
    private readonly pipeline: DocumentPipeline,
    private readonly db: DbWriter,
    private readonly clock: Clock,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async file(viewer: Viewer, documentId: string, variant: FileVariant, requestedVersion?: number): Promise<{ file: ServedFile; version: number }> {
    const { document } = await this.docs.readable(viewer, documentId);
    const version = await this.docs.versionOf(documentId, requestedVersion ?? document.currentVersion);
    const original = variant === 'original';
    const sha256 = original ? version.originalSha256 : version.pdfSha256;
    const name = original ? version.originalName : version.originalName.replace(/\.[^.]+$/, '') + '.pdf';
    return {
      version: version.version,
      file: {
        path: this.pipeline.store.path(sha256),
        size: original ? version.originalSize : version.pdfSize,
        sha256,
        contentType: original ? FILE_KIND_MIME[version.originalKind as FileKind] : 'application/pdf',
        contentDisposition: contentDisposition(name, variant === 'view' ? 'inline' : 'attachment'),
        immutable: requestedVersion !== undefined,
      },
    };
  }

  /** Who read what, when. pdf.js reads a document in many small ranges: one row per opening, not per range. */
  async logAccess(viewer: Viewer, documentId: string, version: number, action: FileVariant, ip: string): Promise<void> {
    await this.db.transaction((em) =>
      em.insert(DocumentAccessLogEntity, { id: randomUUID(), documentId, version, userId: viewer.userId, action, ip: ip.slice(0, 64), at: this.clock.now() }),
    );
  }

  /** The member opened this version in the reader: clears "Đã cập nhật". */
  async markOpened(viewer: Viewer, documentId: string, version: number): Promise<void> {
    await this.docs.readable(viewer, documentId);
    await this.upsertReceipt(documentId, viewer.userId, { openedVersion: version, openedAt: this.clock.now() });
  }

  /** The tablet stored these versions of the pack ("đã nhận tài liệu"). */
  async reportDelivery(viewer: Viewer, meetingId: string, items: Array<{ documentId: string; version: number }>): Promise<number> {
    const ctx = await this.meetings.context(viewer, meetingId);
    const docs = await this.documents.find({ where: { id: In(items.map((i) => i.documentId)), meetingId, removedAt: IsNull() } });
    const grants = await this.docs.grantsOf(docs.map((d) => d.id));
    let recorded = 0;
    for (const item of items) {
      const doc = docs.find((d) => d.id === item.documentId);
      if (!doc || item.version > doc.currentVersion) continue;
      if (!canSeeDocument(viewer, ctx.membership, { audience: doc.audience, grantedUserIds: grants.get(doc.id) ?? [] })) continue;
      await this.upsertReceipt(doc.id, viewer.userId, { receivedVersion: item.version, receivedAt: this.clock.now() });
      recorded++;
    }
    if (recorded) this.realtime.to(rooms.role('secretary'))?.emit('pack:delivery-changed', { meetingId });
    return recorded;
  }

  /** For the secretary: per participant (or their substitute), which documents reached their tablet and were opened. */
  async delivery(viewer: Viewer, meetingId: string): Promise<DeliveryRowDto[]> {
    const { participants } = await this.meetings.manageable(viewer, meetingId);
    const docs = await this.documents.find({ where: { meetingId, removedAt: IsNull() }, order: { position: 'ASC' } });
    const grants = await this.docs.grantsOf(docs.map((d) => d.id));
    const readers = participants.map((p) => ({ p, readerId: p.rsvp === 'delegated' && p.substituteUserId ? p.substituteUserId : p.userId }));
    const receipts = docs.length
      ? await this.receipts.find({ where: { documentId: In(docs.map((d) => d.id)), userId: In(readers.map((r) => r.readerId)) } })
      : [];
    const people = await this.users.people(readers.map((r) => r.readerId));
    return readers.map(({ p, readerId }) => {
      const membership = membershipOf(readerId, participants);
      const visible = docs.filter((d) =>
        canSeeDocument({ userId: readerId, systemRole: 'member' }, membership, { audience: d.audience, grantedUserIds: grants.get(d.id) ?? [] }),
      );
      const rows = visible.map((d) => {
        const r = receipts.find((x) => x.documentId === d.id && x.userId === readerId);
        return { documentId: d.id, receivedVersion: r?.receivedVersion ?? null, openedVersion: r?.openedVersion ?? null, current: d.currentVersion };
      });
      return {
        user: people.get(readerId) ?? { id: readerId, fullName: '', position: '', unit: '' },
        role: p.role,
        documents: rows.map(({ current: _c, ...rest }) => rest),
        receivedAll: rows.every((r) => r.receivedVersion === r.current),
        openedAny: rows.some((r) => r.openedVersion !== null),
      };
    });
  }

  private async upsertReceipt(documentId: string, userId: string, patch: Partial<DocumentReceiptEntity>): Promise<void> {
    await this.db.transaction(async (em) => {
      const existing = await em.findOneBy(DocumentReceiptEntity, { documentId, userId });
      if (existing) {
        // Never move backwards: a late report of an older version must not hide a newer one.
        if (patch.receivedVersion != null && (existing.receivedVersion ?? 0) > patch.receivedVersion) {
          delete patch.receivedVersion;
          delete patch.receivedAt;
        }
        if (patch.openedVersion != null && (existing.openedVersion ?? 0) > patch.openedVersion) {
          delete patch.openedVersion;
          delete patch.openedAt;
        }
        if (Object.keys(patch).length) await em.update(DocumentReceiptEntity, { documentId, userId }, patch);
      } else {
        await em.insert(DocumentReceiptEntity, {
          documentId,
          userId,
          receivedVersion: null,
          receivedAt: null,
          openedVersion: null,
          openedAt: null,
          ...patch,
        });
      }
    });
  }
}
