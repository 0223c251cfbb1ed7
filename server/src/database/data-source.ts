import fs from 'node:fs';
import path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/env.js';
import { ENTITIES } from './entities.js';
import { POSTGRES_MIGRATIONS } from './migrations/postgres/index.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite/index.js';

/** The one place that turns configuration into TypeORM options; used by Nest and by the migration script. */
export function buildDataSourceOptions(db: AppConfig['db']): DataSourceOptions {
  if (db.kind === 'postgres') {
    return {
      type: 'postgres',
      url: db.url,
      entities: ENTITIES,
      migrations: POSTGRES_MIGRATIONS,
      migrationsRun: false,
      synchronize: false,
      extra: {
        max: 20,
        // Session settings at connect, no round trip per transaction. Every commit waits for its WAL flush, whatever
        // the server's default (ballots must be durable when acknowledged — ADR 10); a schema per deployment (or per
        // test run) without qualifying every table name.
        options: ['-c synchronous_commit=on', ...(db.schema ? [`-c search_path=${db.schema}`] : [])].join(' '),
      },
    };
  }
  if (db.path !== ':memory:') fs.mkdirSync(path.dirname(db.path), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: db.path,
    entities: ENTITIES,
    migrations: SQLITE_MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    enableWAL: db.path !== ':memory:',
    // Readers in other processes (backups, the CLI) wait instead of failing with SQLITE_BUSY.
    timeout: 5000,
    prepareDatabase: (conn: { pragma: (s: string) => unknown }) => {
      conn.pragma('busy_timeout = 5000');
      conn.pragma('synchronous = NORMAL');
    },
  };
}
