/**
 * Writes a migration for SQLite and one for PostgreSQL from the difference between the entities and the
 * schema the existing migrations produce. Usage: npm run migration:generate -- <Name>
 * PostgreSQL: uses $MIGRATION_PG_URL (default postgres://postgres@127.0.0.1:5432/test) in a scratch schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../server/src/database/data-source.js';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npm run migration:generate -- <PascalCaseName>');
  process.exit(2);
}
const stamp = Number(process.env.MIGRATION_STAMP ?? Date.now());
const root = path.resolve(import.meta.dirname, '../server/src/database/migrations');

async function diff(dialect: 'sqlite' | 'postgres'): Promise<{ up: string[]; down: string[] }> {
  let options;
  let cleanup = async () => {};
  if (dialect === 'sqlite') {
    options = buildDataSourceOptions({ kind: 'sqlite', path: ':memory:' });
  } else {
    const url = process.env.MIGRATION_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const schema = `mig_${stamp}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    cleanup = async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    };
    options = buildDataSourceOptions({ kind: 'postgres', url, schema });
  }
  const ds = new DataSource(options);
  await ds.initialize();
  await ds.runMigrations();
  const log = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  await cleanup();
  // The scratch schema must not leak into the migration: it runs in whatever schema the server uses.
  const unscoped = (sql: string) => sql.replaceAll(`"mig_${stamp}".`, '');
  const literal = (sql: string) => '`' + unscoped(sql).replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${') + '`';
  const q = (s: { query: string; parameters?: unknown[] }) =>
    `await queryRunner.query(${literal(s.query)}${s.parameters?.length ? `, ${JSON.stringify(s.parameters)}` : ''});`;
  return { up: log.upQueries.map(q), down: log.downQueries.reverse().map(q) };
}

function write(dialect: 'sqlite' | 'postgres', up: string[], down: string[]): void {
  if (up.length === 0) {
    console.log(`${dialect}: schema is up to date, nothing written`);
    return;
  }
  // TypeORM orders migrations by the 13-digit timestamp at the END of the class name.
  const cls = `${name}${dialect === 'sqlite' ? 'Sqlite' : 'Postgres'}${stamp}`;
  const file = path.join(root, dialect, `${stamp}-${name}.ts`);
  fs.writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  async up(queryRunner: QueryRunner): Promise<void> {
    ${up.join('\n    ')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    ${down.join('\n    ')}
  }
}
`,
  );
  console.log(`${dialect}: wrote ${path.relative(process.cwd(), file)} (${up.length} statements); add ${cls} to migrations/${dialect}/index.ts`);
}

// The entity column types follow DATABASE_URL when they load, so the wrapper runs one process per dialect.
const dialect = process.argv[3] as 'sqlite' | 'postgres';
const { up, down } = await diff(dialect);
write(dialect, up, down);
