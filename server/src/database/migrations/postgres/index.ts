import type { MigrationInterface } from 'typeorm';
import { Init1795650334244Postgres } from './1795650334244-Init.js';
import { MeetingsAgendaDocuments1795651419594Postgres } from './1795651419594-MeetingsAgendaDocuments.js';

/** Applied in order at start. Never edit a migration after it has landed: add a new one. */
export const POSTGRES_MIGRATIONS: Array<new () => MigrationInterface> = [
  Init1795650334244Postgres,
  MeetingsAgendaDocuments1795651419594Postgres,
];
