import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LiveModule } from '../live/live.module.js';
import { LiveStateStore } from '../live/live-state.store.js';
import { MeetingEventEntity } from '../live/meeting-event.entity.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { ParticipantEntity } from '../meetings/participant.entity.js';
import { UsersModule } from '../users/users.module.js';
import { BallotsService } from './ballots.service.js';
import { VoteCloser } from './vote-close.js';
import { VoteDeadlines } from './vote-deadlines.js';
import { VoteBallotEntity, VoteCountEntity, VoteParticipationEntity } from './vote-records.entity.js';
import { VoteRoom } from './vote-room.js';
import { VoteEntity } from './vote.entity.js';
import { VotesQueryService } from './votes-query.service.js';
import { VotesController } from './votes.controller.js';
import { VotesService } from './votes.service.js';

/** Voting (biểu quyết) in the live room: commands, ballots in group commits, deadlines, reads and exports. */
@Module({
  imports: [
    TypeOrmModule.forFeature([VoteEntity, VoteParticipationEntity, VoteBallotEntity, VoteCountEntity, MeetingEventEntity, MeetingEntity, ParticipantEntity]),
    LiveModule,
    MeetingsModule,
    UsersModule,
  ],
  controllers: [VotesController],
  // LiveStateStore is stateless (it reads and writes through the caller's EntityManager): a provider here too.
  providers: [VoteRoom, LiveStateStore, VotesService, BallotsService, VoteCloser, VoteDeadlines, VotesQueryService],
  exports: [VotesService, BallotsService],
})
export class VotesModule {}
