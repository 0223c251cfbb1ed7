import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import {
  type DeliveryRowDto,
  type DocumentDto,
  documentMetadataSchema,
  newVersionRequestSchema,
  paperCopyHandoutRequestSchema,
  paperCopyReturnRequestSchema,
  type PaperRegisterEntryDto,
  paperRegisterEntryRequestSchema,
  updateDocumentMetadataSchema,
} from '@phonghop/shared';
import { CurrentAuth, type RequestAuth, viewerOf } from '../auth/auth.decorators.js';
import { parseOrThrow, ZodPipe } from '../common/zod.pipe.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { DocumentFilesService, type FileVariant } from './document-files.service.js';
import { DocumentsService } from './documents.service.js';
import { sendFile } from './http-range.js';
import { PaperRegisterService } from './paper-register.service.js';
import { checkDeclaredSize, headerJson, headerText } from './upload-headers.js';

const uuid = new ParseUUIDPipe();
const versionQuery = z.coerce.number().int().min(1).optional();
const openedSchema = z.object({ version: z.number().int().min(1) });

@Controller('api')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly files: DocumentFilesService,
    private readonly paper: PaperRegisterService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('meetings/:meetingId/documents')
  list(@CurrentAuth() auth: RequestAuth, @Param('meetingId', uuid) meetingId: string): Promise<DocumentDto[]> {
    return this.documents.list(viewerOf(auth), meetingId);
  }

  /** Body: the file itself. Headers: X-File-Name, X-Document-Metadata (URI-encoded JSON), X-Pdf-Password. */
  @Post('meetings/:meetingId/documents')
  upload(@CurrentAuth() auth: RequestAuth, @Param('meetingId', uuid) meetingId: string, @Req() req: Request): Promise<DocumentDto> {
    checkDeclaredSize(req, this.config.uploadMaxBytes);
    const metadata = parseOrThrow(documentMetadataSchema, headerJson(req, 'X-Document-Metadata'));
    const fileName = headerText(req, 'X-File-Name', true)!;
    return this.documents.upload(viewerOf(auth), meetingId, metadata, { body: req, fileName, password: headerText(req, 'X-Pdf-Password', false) });
  }

  @Get('meetings/:meetingId/delivery')
  delivery(@CurrentAuth() auth: RequestAuth, @Param('meetingId', uuid) meetingId: string): Promise<DeliveryRowDto[]> {
    return this.files.delivery(viewerOf(auth), meetingId);
  }

  @Get('documents/:id')
  get(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string): Promise<DocumentDto> {
    return this.documents.get(viewerOf(auth), id);
  }

  @Patch('documents/:id')
  update(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(updateDocumentMetadataSchema)) body: z.input<typeof updateDocumentMetadataSchema>,
  ): Promise<DocumentDto> {
    return this.documents.updateMetadata(viewerOf(auth), id, body);
  }

  @Delete('documents/:id')
  @HttpCode(204)
  remove(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string): Promise<void> {
    return this.documents.remove(viewerOf(auth), id);
  }

  /** Body: the new file. Headers: X-File-Name, X-Change-Note (URI-encoded), X-Pdf-Password. */
  @Post('documents/:id/versions')
  newVersion(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string, @Req() req: Request): Promise<DocumentDto> {
    checkDeclaredSize(req, this.config.uploadMaxBytes);
    const { changeNote } = parseOrThrow(newVersionRequestSchema, { changeNote: headerText(req, 'X-Change-Note', true) });
    const fileName = headerText(req, 'X-File-Name', true)!;
    return this.documents.newVersion(viewerOf(auth), id, changeNote, { body: req, fileName, password: headerText(req, 'X-Pdf-Password', false) });
  }

  @Post('documents/:id/opened')
  @HttpCode(204)
  opened(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string, @Body(new ZodPipe(openedSchema)) body: { version: number }): Promise<void> {
    return this.files.markOpened(viewerOf(auth), id, body.version);
  }

  @Get('documents/:id/file')
  view(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string, @Query('v') v: string | undefined, @Req() req: Request, @Res() res: Response) {
    return this.serve(auth, id, 'view', v, req, res);
  }

  @Get('documents/:id/download')
  download(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string, @Query('v') v: string | undefined, @Req() req: Request, @Res() res: Response) {
    return this.serve(auth, id, 'download', v, req, res);
  }

  @Get('documents/:id/original')
  original(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string, @Query('v') v: string | undefined, @Req() req: Request, @Res() res: Response) {
    return this.serve(auth, id, 'original', v, req, res);
  }

  @Get('meetings/:meetingId/paper-register')
  paperList(@CurrentAuth() auth: RequestAuth, @Param('meetingId', uuid) meetingId: string): Promise<PaperRegisterEntryDto[]> {
    return this.paper.list(viewerOf(auth), meetingId);
  }

  @Post('meetings/:meetingId/paper-register')
  paperCreate(
    @CurrentAuth() auth: RequestAuth,
    @Param('meetingId', uuid) meetingId: string,
    @Body(new ZodPipe(paperRegisterEntryRequestSchema)) body: z.input<typeof paperRegisterEntryRequestSchema>,
  ): Promise<PaperRegisterEntryDto[]> {
    return this.paper.create(viewerOf(auth), meetingId, body);
  }

  @Post('paper-register/:entryId/handout')
  @HttpCode(200)
  paperHandout(
    @CurrentAuth() auth: RequestAuth,
    @Param('entryId', uuid) entryId: string,
    @Body(new ZodPipe(paperCopyHandoutRequestSchema)) body: { copyNo: number; recipientUserId: string },
  ): Promise<PaperRegisterEntryDto[]> {
    return this.paper.handOut(viewerOf(auth), entryId, body.copyNo, body.recipientUserId);
  }

  @Post('paper-register/:entryId/return')
  @HttpCode(200)
  paperReturn(
    @CurrentAuth() auth: RequestAuth,
    @Param('entryId', uuid) entryId: string,
    @Body(new ZodPipe(paperCopyReturnRequestSchema)) body: { copyNo: number },
  ): Promise<PaperRegisterEntryDto[]> {
    return this.paper.returned(viewerOf(auth), entryId, body.copyNo);
  }

  private async serve(auth: RequestAuth, id: string, variant: FileVariant, v: string | undefined, req: Request, res: Response): Promise<void> {
    const viewer = viewerOf(auth);
    const { file, version } = await this.files.file(viewer, id, variant, parseOrThrow(versionQuery, v));
    const served = sendFile(req, res, file);
    // One log row per opening: the whole file, or the first range of a progressive load.
    if (served !== 'not-modified' && (served === null || served.start === 0)) {
      await this.files.logAccess(viewer, id, version, variant, req.ip ?? '');
    }
  }
}
