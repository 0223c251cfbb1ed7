import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  type ConclusionNoticeDto,
  type MinutesCommentDto,
  type MinutesCommentRequest,
  minutesCommentRequestSchema,
  type MinutesDto,
  type MinutesRevisionDto,
  type MinutesSaveResultDto,
  type MinutesSharingRequest,
  minutesSharingRequestSchema,
  type MinutesVerificationDto,
  type MinutesVersionRequest,
  minutesVersionRequestSchema,
  type PatchMinutesRequest,
  patchMinutesRequestSchema,
  type ReturnMinutesRequest,
  returnMinutesRequestSchema,
  type SignatureStatusDto,
} from '@phonghop/shared';
import { CurrentAuth, type RequestAuth, viewerOf } from '../auth/auth.decorators.js';
import { AppError } from '../common/app-error.js';
import { ZodPipe } from '../common/zod.pipe.js';
import { sendAttachment } from '../common/send-attachment.js';
import { type MinutesFile, MinutesWorkflow } from './minutes-workflow.service.js';
import { MinutesService } from './minutes.service.js';
import { TasksService } from './tasks.service.js';

const uuid = new ParseUUIDPipe();

function versionNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,5}$/.test(value))
    throw new AppError('VALIDATION_FAILED', {
      details: { number: 'Số thứ tự bản ký không hợp lệ.' },
    });
  return Number(value);
}

/** The minutes of a meeting (biên bản): read, autosave, share, comment, submit, return, approve and sign, files. */
@Controller('api/meetings/:id/minutes')
export class MinutesController {
  constructor(
    private readonly minutes: MinutesService,
    private readonly workflow: MinutesWorkflow,
    private readonly tasks: TasksService,
  ) {}

  @Get()
  get(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string): Promise<MinutesDto> {
    return this.minutes.get(viewerOf(auth), id);
  }

  @Patch()
  patch(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(patchMinutesRequestSchema)) body: PatchMinutesRequest,
  ): Promise<MinutesSaveResultDto> {
    return this.minutes.patch(viewerOf(auth), id, body);
  }

  @Put('sharing')
  share(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(minutesSharingRequestSchema)) body: MinutesSharingRequest,
  ): Promise<MinutesDto> {
    return this.minutes.share(viewerOf(auth), id, body);
  }

  @Get('revisions')
  revisions(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string): Promise<MinutesRevisionDto[]> {
    return this.minutes.revisions(viewerOf(auth), id);
  }

  @Get('comments')
  comments(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string): Promise<MinutesCommentDto[]> {
    return this.minutes.comments(viewerOf(auth), id);
  }

  @Post('comments')
  comment(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(minutesCommentRequestSchema)) body: MinutesCommentRequest,
  ): Promise<MinutesCommentDto> {
    return this.minutes.comment(viewerOf(auth), id, body);
  }

  @Post('submit')
  @HttpCode(200)
  submit(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(minutesVersionRequestSchema)) body: MinutesVersionRequest,
  ): Promise<MinutesDto> {
    return this.workflow.submit(viewerOf(auth), id, body);
  }

  @Post('return')
  @HttpCode(200)
  returnToSecretary(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(returnMinutesRequestSchema)) body: ReturnMinutesRequest,
  ): Promise<MinutesDto> {
    return this.workflow.returnToSecretary(viewerOf(auth), id, body);
  }

  @Post('approve')
  @HttpCode(200)
  approve(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(minutesVersionRequestSchema)) body: MinutesVersionRequest,
  ): Promise<MinutesDto> {
    return this.workflow.approve(viewerOf(auth), id, body);
  }

  @Get('verification')
  verify(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string): Promise<MinutesVerificationDto> {
    return this.workflow.verify(viewerOf(auth), id);
  }

  @Get('pdf')
  async pdf(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string, @Res() res: Response): Promise<void> {
    send(res, await this.workflow.pdf(viewerOf(auth), id));
  }

  @Get('docx')
  async docx(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string, @Res() res: Response): Promise<void> {
    send(res, await this.workflow.docx(viewerOf(auth), id));
  }

  @Get('signed.pdf')
  async signed(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', uuid) id: string,
    @Query('number') number: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    send(res, await this.workflow.signedFile(viewerOf(auth), id, versionNumber(number)));
  }

  @Get('signature')
  signature(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string, @Query('number') number?: string): Promise<SignatureStatusDto> {
    return this.workflow.signatureStatus(viewerOf(auth), id, versionNumber(number));
  }

  @Get('conclusions')
  notice(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string): Promise<ConclusionNoticeDto> {
    return this.tasks.notice(viewerOf(auth), id);
  }

  @Post('conclusions/issue')
  @HttpCode(200)
  issue(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string): Promise<ConclusionNoticeDto> {
    return this.tasks.issueNotice(viewerOf(auth), id);
  }
}

function send(res: Response, file: MinutesFile): void {
  const signature: Record<string, string> = {};
  if (file.signature) {
    signature['X-Signature-Valid'] = String(file.signature.valid);
    if (file.signature.version) signature['X-Minutes-SHA256'] = file.signature.version.sha256;
  }
  sendAttachment(res, file.contentType, file.filename, file.body, signature);
}
