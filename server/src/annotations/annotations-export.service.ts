import { readFile } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { formatVnShort, type NoteListDto, type NoteListItemDto } from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { DocumentFilesService } from '../documents/document-files.service.js';
import { DocumentsService } from '../documents/documents.service.js';
import type { Viewer } from '../meetings/meeting-access.js';
import { officialFonts } from '../minutes/official-pdf.js';
import { AnnotatedPdfError, type BurnableAnnotation, burnAnnotations } from './annotated-pdf.js';
import { AnnotationEntity } from './annotation.entity.js';

export interface ExportedFile {
  body: Uint8Array;
  /** Without extension: the caller adds it. */
  baseName: string;
  version: number;
}

/**
 * "Tải bản có ghi chú" (issue 6, point 4): the member's own copy, never others' shared marks (ADR 13). Reading
 * follows the document's rule (strangers 404, participants without a grant 403) through the file service.
 */
@Injectable()
export class AnnotationsExportService {
  constructor(
    @InjectRepository(AnnotationEntity) private readonly annotations: Repository<AnnotationEntity>,
    private readonly documents: DocumentsService,
    private readonly files: DocumentFilesService,
  ) {}

  async annotatedPdf(viewer: Viewer, documentId: string, requestedVersion?: number): Promise<ExportedFile> {
    const { file, version } = await this.files.file(viewer, documentId, 'download', requestedVersion);
    const [source, rows, baseName] = await Promise.all([readFile(file.path), this.own(viewer, documentId, version), this.baseName(documentId, version)]);
    const fonts = officialFonts();
    const marks: BurnableAnnotation[] = rows.map((r) => ({ ...r.body, page: r.page }));
    try {
      const body = await burnAnnotations(source, marks, { font: fonts.regular, boldFont: fonts.bold, title: `${baseName} (phiên bản ${version})` });
      return { body, baseName, version };
    } catch (error) {
      if (!(error instanceof AnnotatedPdfError)) throw error;
      throw error.reason === 'encrypted'
        ? new AppError('PDF_ENCRYPTED', { message: 'Tệp PDF của tài liệu được đặt mật khẩu hoặc mã hóa nên không ghép được ghi chú vào. Bạn vẫn xem được ghi chú trên máy tính bảng và tải danh sách ghi chú.' })
        : new AppError('PDF_INVALID', { message: 'Tệp PDF của tài liệu bị hỏng nên không ghép được ghi chú vào. Bạn vẫn xem được ghi chú trên máy tính bảng và tải danh sách ghi chú.' });
    }
  }

  /** The member's notes and highlighted passages of one version, by page then in the order they were made. */
  async notes(viewer: Viewer, documentId: string, requestedVersion?: number): Promise<NoteListDto> {
    const { document } = await this.documents.readable(viewer, documentId);
    const version = (await this.documents.versionOf(documentId, requestedVersion ?? document.currentVersion)).version;
    const [rows, title] = await Promise.all([this.own(viewer, documentId, version), this.baseName(documentId, version)]);
    const notes: NoteListItemDto[] = [];
    for (const r of rows) {
      const common = { id: r.id, page: r.page, shared: r.shared, updatedAt: r.updatedAt.toISOString(), updatedAtVn: formatVnShort(r.updatedAt) };
      if (r.body.kind === 'note') notes.push({ ...common, kind: 'note', text: r.body.text, colour: r.body.colour ?? null });
      else if (r.body.kind === 'highlight') notes.push({ ...common, kind: 'highlight', text: r.body.quote, colour: r.body.colour });
    }
    return { documentId, version, title, notes };
  }

  /** Only the viewer's own rows: another member's annotation, shared or not, is never read here. */
  private own(viewer: Viewer, documentId: string, version: number): Promise<AnnotationEntity[]> {
    return this.annotations.find({ where: { documentId, version, ownerId: viewer.userId, deleted: false }, order: { page: 'ASC', createdAt: 'ASC', id: 'ASC' } });
  }

  private async baseName(documentId: string, version: number): Promise<string> {
    const v = await this.documents.versionOf(documentId, version);
    return v.originalName.normalize('NFC').replace(/\.[^.]+$/, '') || 'tai-lieu';
  }
}
