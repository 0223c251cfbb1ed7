import { AgendaItemEntity } from '../agenda/agenda-item.entity.js';
import { AnnotationEntity } from '../annotations/annotation.entity.js';
import { LoginFailureEntity } from '../auth/login-failure.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import {
  DocumentAccessLogEntity,
  DocumentEntity,
  DocumentGrantEntity,
  DocumentPageTextEntity,
  DocumentReceiptEntity,
  DocumentVersionEntity,
} from '../documents/document.entity.js';
import { PaperCopyEntity, PaperRegisterEntryEntity } from '../documents/paper-register.entity.js';
import { LiveSnapshotEntity } from '../live/live-snapshot.entity.js';
import { MeetingEventEntity } from '../live/meeting-event.entity.js';
import { SpeakingTurnEntity } from '../live/speaking-turn.entity.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { ParticipantEntity } from '../meetings/participant.entity.js';
import { MinutesCommentEntity, MinutesEntity, MinutesNoteEntity, MinutesRevisionEntity, SignedMinutesEntity } from '../minutes/minutes.entity.js';
import { TaskEntity, TaskUpdateEntity } from '../minutes/task.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { VoteBallotEntity, VoteCountEntity, VoteParticipationEntity } from '../votes/vote-records.entity.js';
import { VoteEntity } from '../votes/vote.entity.js';

/** Every entity, listed once for Nest and for the migration tooling. */
export const ENTITIES = [
  UserEntity,
  SessionEntity,
  LoginFailureEntity,
  MeetingEntity,
  ParticipantEntity,
  AgendaItemEntity,
  DocumentEntity,
  DocumentGrantEntity,
  DocumentVersionEntity,
  DocumentPageTextEntity,
  DocumentReceiptEntity,
  DocumentAccessLogEntity,
  PaperRegisterEntryEntity,
  PaperCopyEntity,
  MeetingEventEntity,
  LiveSnapshotEntity,
  SpeakingTurnEntity,
  VoteEntity,
  VoteParticipationEntity,
  VoteBallotEntity,
  VoteCountEntity,
  MinutesEntity,
  MinutesNoteEntity,
  MinutesRevisionEntity,
  MinutesCommentEntity,
  SignedMinutesEntity,
  TaskEntity,
  TaskUpdateEntity,
  AnnotationEntity,
];
