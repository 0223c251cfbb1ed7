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

  it('revert cleanly and apply again', async () => {
    for (let i = 0; i < t.dataSource.migrations.length; i++) await t.dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await t.dataSource.createQueryRunner().getTables(['users', 'sessions']);
    expect(tables).toEqual([]);
    await t.dataSource.runMigrations({ transaction: 'each' });
    expect((await t.dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
