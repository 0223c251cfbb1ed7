import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { POSTGRES_MIGRATIONS } from './migrations/postgres/index.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite/index.js';

describe(`migrations (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('ran every migration at start', async () => {
    const expected = t.dataSource.options.type === 'postgres' ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS;
    const applied: Array<{ name: string }> = await t.dataSource.query('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((m) => m.name)).toEqual(expected.map((M) => new M().name));
    expect(await t.dataSource.showMigrations()).toBe(false);
  });

  it('produce exactly the schema the entities describe (nothing left to synchronise)', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  const onPostgres = Boolean(process.env.DATABASE_URL);
  const compression = async () => {
    const [row] = await t.dataSource.query(`SELECT attcompression AS c FROM pg_attribute WHERE attrelid = 'meeting_live_snapshots'::regclass AND attname = 'state'`);
    return row.c;
  };

  // every live command rewrites the snapshot, which grows with the meeting's votes: lz4 writes it 3× faster than pglz
  (onPostgres ? it : it.skip)('store the live snapshot compressed with lz4 on PostgreSQL, and give it back its default on revert', async () => {
    expect(await compression()).toBe('l');
    await t.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await compression()).toBe('');
    await t.dataSource.runMigrations({ transaction: 'each' });
    expect(await compression()).toBe('l');
  });

  it('revert cleanly and apply again', async () => {
    for (let i = 0; i < t.dataSource.migrations.length; i++) await t.dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await t.dataSource.createQueryRunner().getTables(['users', 'sessions']);
    expect(tables).toEqual([]);
    await t.dataSource.runMigrations({ transaction: 'each' });
    expect((await t.dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
