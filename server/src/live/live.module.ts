import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { EventLogService } from './event-log.service.js';
import { LiveService } from './live.service.js';
import { MeetingEventEntity } from './meeting-event.entity.js';

/** The live meeting room: the meeting event log (append-only, hash-chained) and the commands that append to it. */
@Module({
  imports: [TypeOrmModule.forFeature([MeetingEventEntity]), MeetingsModule],
  providers: [EventLogService, LiveService],
  exports: [EventLogService, LiveService],
})
export class LiveModule {}
