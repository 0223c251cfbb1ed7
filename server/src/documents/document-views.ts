import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { DocumentDto, DocumentVersionDto, PersonRef } from '@phonghop/shared';
import { UsersService } from '../users/users.service.js';
import { isUpdatedFor } from './document-rules.js';
import { type DocumentEntity, DocumentReceiptEntity, DocumentVersionEntity } from './document.entity.js';

const UNKNOWN: PersonRef = { id: '', fullName: '(tài khoản đã xóa)', position: '', unit: '' };

@Injectable()
export class DocumentViews {
  constructor(
    @InjectRepository(DocumentVersionEntity) private readonly versions: Repository<DocumentVersionEntity>,
    @InjectRepository(DocumentReceiptEntity) private readonly receipts: Repository<DocumentReceiptEntity>,
    private readonly users: UsersService,
  ) {}

  async many(viewerId: string, docs: DocumentEntity[], grants: Map<string, string[]>): Promise<DocumentDto[]> {
    if (docs.length === 0) return [];
    const ids = docs.map((d) => d.id);
    const versions = await this.versions.find({ where: { documentId: In(ids) }, order: { version: 'ASC' } });
    const receipts = await this.receipts.find({ where: { userId: viewerId, documentId: In(ids) } });
    const people = await this.users.people(versions.map((v) => v.uploadedBy));
    const toDto = (v: DocumentVersionEntity): DocumentVersionDto => ({
      version: v.version,
      pageCount: v.pageCount,
      sizeBytes: v.pdfSize,
      originalName: v.originalName,
      originalKind: v.originalKind,
      changeNote: v.changeNote,
      uploadedAt: v.uploadedAt.toISOString(),
      uploadedBy: people.get(v.uploadedBy) ?? UNKNOWN,
      pdfSha256: v.pdfSha256,
    });
    return docs.map((d) => {
      const own = versions.filter((v) => v.documentId === d.id).map(toDto);
      const opened = receipts.find((r) => r.documentId === d.id)?.openedVersion ?? null;
      return {
        id: d.id,
        meetingId: d.meetingId,
        agendaItemId: d.agendaItemId,
        docType: d.docType,
        number: d.number,
        symbol: d.symbol,
        issuedOn: d.issuedOn,
        issuer: d.issuer,
        summary: d.summary,
        audience: d.audience,
        grantedUserIds: grants.get(d.id) ?? [],
        current: own.find((v) => v.version === d.currentVersion) ?? own.at(-1)!,
        versions: own,
        updatedForMe: isUpdatedFor(d.currentVersion, opened),
        lastOpenedVersion: opened,
      };
    });
  }
}
