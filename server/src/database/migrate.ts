import type { DataSource } from 'typeorm';

// Any constant; all nodes of one deployment must agree on it.
const MIGRATION_LOCK_KEY = 727_2026;

/**
 * Runs pending migrations at start. On PostgreSQL several nodes may start together: an advisory lock lets
 * one migrate while the others wait, then find nothing left to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
