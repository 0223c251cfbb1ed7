import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { UsersModule } from '../users/users.module.js';
import { EventLogService } from './event-log.service.js';
import { LiveCommandEvents } from './live-command-events.js';
import { LiveSnapshotEntity } from './live-snapshot.entity.js';
import { LiveStateStore } from './live-state.store.js';
import { LiveService } from './live.service.js';
import { MeetingEventEntity } from './meeting-event.entity.js';
import { SpeakingStatsController } from './speaking-stats.controller.js';
import { SpeakingStatsService } from './speaking-stats.service.js';
import { SpeakingTurnEntity } from './speaking-turn.entity.js';

/** The live meeting room: the meeting event log (append-only, hash-chained), its snapshot, and the commands. */
@Module({
  imports: [TypeOrmModule.forFeature([MeetingEventEntity, LiveSnapshotEntity, SpeakingTurnEntity]), MeetingsModule, UsersModule],
  controllers: [SpeakingStatsController],
  providers: [EventLogService, LiveService, LiveStateStore, LiveCommandEvents, SpeakingStatsService],
  exports: [EventLogService, LiveService],
})
export class LiveModule {}
