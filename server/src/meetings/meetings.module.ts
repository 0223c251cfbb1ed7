import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaItemEntity } from '../agenda/agenda-item.entity.js';
import { DocumentEntity, DocumentReceiptEntity } from '../documents/document.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { UsersModule } from '../users/users.module.js';
import { CalendarController } from './calendar.controller.js';
import { MeetingCalendarService } from './meeting-calendar.service.js';
import { MeetingViews } from './meeting-views.js';
import { MeetingEntity } from './meeting.entity.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsService } from './meetings.service.js';
import { ParticipantEntity } from './participant.entity.js';
import { ParticipantsService } from './participants.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([MeetingEntity, ParticipantEntity, AgendaItemEntity, DocumentEntity, DocumentReceiptEntity, UserEntity]),
    UsersModule,
  ],
  controllers: [MeetingsController, CalendarController],
  providers: [MeetingsService, ParticipantsService, MeetingViews, MeetingCalendarService],
  exports: [MeetingsService, ParticipantsService],
})
export class MeetingsModule {}
