import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventLogService } from './event-log.service.js';
import { MeetingEventEntity } from './meeting-event.entity.js';

/** The live meeting room. So far: the meeting event log (append-only, hash-chained). */
@Module({
  imports: [TypeOrmModule.forFeature([MeetingEventEntity])],
  providers: [EventLogService],
  exports: [EventLogService],
})
export class LiveModule {}
