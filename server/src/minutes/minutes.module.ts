import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaItemEntity } from '../agenda/agenda-item.entity.js';
import { LiveModule } from '../live/live.module.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { ParticipantEntity } from '../meetings/participant.entity.js';
import { UsersModule } from '../users/users.module.js';
import { VoteBallotEntity } from '../votes/vote-records.entity.js';
import { MinutesLog } from './minutes-log.service.js';
import { MinutesSigner } from './minutes-signer.service.js';
import { MinutesWorkflow } from './minutes-workflow.service.js';
import { MinutesCommentEntity, MinutesEntity, MinutesNoteEntity, MinutesRevisionEntity, SignedMinutesEntity } from './minutes.entity.js';
import { MinutesController } from './minutes.controller.js';
import { MinutesService } from './minutes.service.js';
import { SigningCertificate } from './signing/signing-certificate.js';
import { TaskEntity, TaskUpdateEntity } from './task.entity.js';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';

/** Minutes drafted from the event log, their official PDF/DOCX, approval with a digital signature, conclusions and tasks. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      MinutesEntity,
      MinutesNoteEntity,
      MinutesRevisionEntity,
      MinutesCommentEntity,
      SignedMinutesEntity,
      TaskEntity,
      TaskUpdateEntity,
      VoteBallotEntity,
      AgendaItemEntity,
      MeetingEntity,
      ParticipantEntity,
    ]),
    LiveModule,
    MeetingsModule,
    UsersModule,
  ],
  controllers: [MinutesController, TasksController],
  providers: [SigningCertificate, MinutesLog, MinutesSigner, MinutesService, MinutesWorkflow, TasksService],
})
export class MinutesModule {}
