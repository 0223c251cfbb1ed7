import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentAuth, Public, type RequestAuth } from '../auth/auth.decorators.js';
import { MeetingCalendarService } from './meeting-calendar.service.js';

@Controller('api/calendar')
export class CalendarController {
  constructor(private readonly calendar: MeetingCalendarService) {}

  /** Issues a personal feed URL for calendar apps; the previous URL stops working. */
  @Post('feed-token')
  @HttpCode(200)
  async rotate(@CurrentAuth() auth: RequestAuth): Promise<{ path: string }> {
    const token = await this.calendar.rotateFeedToken(auth.user.id);
    return { path: `/api/calendar/feed/${token}.ics` };
  }

  /** Calendar apps carry no cookie: the unguessable token is the credential. */
  @Public()
  @Get('feed/:file')
  async feed(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const ics = await this.calendar.feed(file.replace(/\.ics$/, ''));
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.send(ics);
  }
}
