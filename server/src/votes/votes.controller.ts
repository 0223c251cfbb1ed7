import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { VoteDetailDto, VoteDto } from '@phonghop/shared';
import { CurrentAuth, type RequestAuth, viewerOf } from '../auth/auth.decorators.js';
import { sendAttachment } from '../common/send-attachment.js';
import { type CsvFile, type PdfFile, VotesQueryService } from './votes-query.service.js';

const uuid = new ParseUUIDPipe();

/** Votes are changed only through the live room's socket commands; HTTP reads and exports them. */
@Controller('api')
export class VotesController {
  constructor(private readonly votes: VotesQueryService) {}

  @Get('meetings/:id/votes')
  list(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string): Promise<VoteDto[]> {
    return this.votes.list(viewerOf(auth), id);
  }

  @Get('meetings/:id/votes/export.csv')
  async meetingCsv(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string, @Res() res: Response): Promise<void> {
    sendCsv(res, await this.votes.meetingCsv(viewerOf(auth), id));
  }

  @Get('meetings/:id/votes/export.pdf')
  async meetingPdf(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string, @Res() res: Response): Promise<void> {
    sendPdf(res, await this.votes.meetingPdf(viewerOf(auth), id));
  }

  @Get('votes/:id')
  detail(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string): Promise<VoteDetailDto> {
    return this.votes.detail(viewerOf(auth), id);
  }

  @Get('votes/:id/export.csv')
  async csv(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string, @Res() res: Response): Promise<void> {
    sendCsv(res, await this.votes.csv(viewerOf(auth), id));
  }

  @Get('votes/:id/export.pdf')
  async pdf(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string, @Res() res: Response): Promise<void> {
    sendPdf(res, await this.votes.pdf(viewerOf(auth), id));
  }
}

function sendCsv(res: Response, file: CsvFile): void {
  sendAttachment(res, 'text/csv; charset=utf-8', file.filename, Buffer.from(file.body, 'utf8'));
}

function sendPdf(res: Response, file: PdfFile): void {
  sendAttachment(res, 'application/pdf', file.filename, file.body);
}
