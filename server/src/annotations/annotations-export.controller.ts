import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { annotatedPdfQuerySchema, notesExportQuerySchema } from '@phonghop/shared';
import type { z } from 'zod';
import { CurrentAuth, type RequestAuth, viewerOf } from '../auth/auth.decorators.js';
import { ZodPipe } from '../common/zod.pipe.js';
import { DocumentFilesService } from '../documents/document-files.service.js';
import { sendAttachment } from '../common/send-attachment.js';
import { AnnotationsExportService } from './annotations-export.service.js';
import { notesCsv, notesText } from './notes-list.js';

const uuid = new ParseUUIDPipe();

/** "Tải bản có ghi chú": the member's annotated copy and the list of their notes. Personal, so never cached. */
@Controller('api/documents/:documentId')
export class AnnotationsExportController {
  constructor(
    private readonly exports: AnnotationsExportService,
    private readonly files: DocumentFilesService,
  ) {}

  @Get('annotated-pdf')
  async annotatedPdf(
    @CurrentAuth() auth: RequestAuth,
    @Param('documentId', uuid) documentId: string,
    @Query(new ZodPipe(annotatedPdfQuerySchema)) query: z.output<typeof annotatedPdfQuerySchema>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const viewer = viewerOf(auth);
    const file = await this.exports.annotatedPdf(viewer, documentId, query.version);
    // A copy of the document left the room: the access log records it like any download.
    await this.files.logAccess(viewer, documentId, file.version, 'download', req.ip ?? '');
    sendAttachment(res, 'application/pdf', `${file.baseName} (bản có ghi chú).pdf`, Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength));
  }

  @Get('notes')
  async notes(
    @CurrentAuth() auth: RequestAuth,
    @Param('documentId', uuid) documentId: string,
    @Query(new ZodPipe(notesExportQuerySchema)) query: z.output<typeof notesExportQuerySchema>,
    @Res() res: Response,
  ): Promise<void> {
    const list = await this.exports.notes(viewerOf(auth), documentId, query.version);
    switch (query.format) {
      case 'json':
        res.setHeader('Cache-Control', 'private, no-store');
        res.json(list);
        return;
      case 'txt':
        sendAttachment(res, 'text/plain; charset=utf-8', `${list.title} (ghi chú).txt`, Buffer.from(notesText(list), 'utf8'));
        return;
      case 'csv':
        sendAttachment(res, 'text/csv; charset=utf-8', `${list.title} (ghi chú).csv`, Buffer.from(notesCsv(list), 'utf8'));
        return;
    }
  }
}
