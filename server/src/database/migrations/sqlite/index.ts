import type { MigrationInterface } from 'typeorm';
import { InitSqlite1795650334244 } from './1795650334244-Init.js';
import { MeetingsAgendaDocumentsSqlite1795651419594 } from './1795651419594-MeetingsAgendaDocuments.js';
import { MeetingEventsSqlite1795655439778 } from './1795655439778-MeetingEvents.js';
import { LiveSnapshotsSpeakingTurnsSqlite1795663257556 } from './1795663257556-LiveSnapshotsSpeakingTurns.js';
import { VotesSqlite1795665125589 } from './1795665125589-Votes.js';
import { MinutesSqlite1795666932600 } from './1795666932600-Minutes.js';
import { AnnotationsSqlite1795677901435 } from './1795677901435-Annotations.js';
import { SearchIndexSqlite1795680000000 } from './1795680000000-SearchIndex.js';

/** Applied in order at start. Never edit a migration after it has landed: add a new one. */
export const SQLITE_MIGRATIONS: Array<new () => MigrationInterface> = [
  InitSqlite1795650334244,
  MeetingsAgendaDocumentsSqlite1795651419594,
  MeetingEventsSqlite1795655439778,
  LiveSnapshotsSpeakingTurnsSqlite1795663257556,
  VotesSqlite1795665125589,
  MinutesSqlite1795666932600,
  AnnotationsSqlite1795677901435,
  SearchIndexSqlite1795680000000,
];
