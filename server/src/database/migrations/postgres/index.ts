import type { MigrationInterface } from 'typeorm';
import { InitPostgres1795650334244 } from './1795650334244-Init.js';
import { MeetingsAgendaDocumentsPostgres1795651419594 } from './1795651419594-MeetingsAgendaDocuments.js';
import { MeetingEventsPostgres1795655439778 } from './1795655439778-MeetingEvents.js';
import { LiveSnapshotsSpeakingTurnsPostgres1795663257556 } from './1795663257556-LiveSnapshotsSpeakingTurns.js';
import { VotesPostgres1795665125589 } from './1795665125589-Votes.js';
import { MinutesPostgres1795666932600 } from './1795666932600-Minutes.js';
import { AnnotationsPostgres1795677901435 } from './1795677901435-Annotations.js';
import { SearchIndexPostgres1795680000000 } from './1795680000000-SearchIndex.js';
import { SnapshotCompressionPostgres1795720000000 } from './1795720000000-SnapshotCompression.js';

/** Applied in order at start. Never edit a migration after it has landed: add a new one. */
export const POSTGRES_MIGRATIONS: Array<new () => MigrationInterface> = [
  InitPostgres1795650334244,
  MeetingsAgendaDocumentsPostgres1795651419594,
  MeetingEventsPostgres1795655439778,
  LiveSnapshotsSpeakingTurnsPostgres1795663257556,
  VotesPostgres1795665125589,
  MinutesPostgres1795666932600,
  AnnotationsPostgres1795677901435,
  SearchIndexPostgres1795680000000,
  SnapshotCompressionPostgres1795720000000,
];
