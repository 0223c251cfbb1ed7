import type { EntityManager } from 'typeorm';

/**
 * Hand-written SQL for the few hot paths (a command's event append and snapshot, a batch of ballots) where TypeORM's
 * query building and hydration cost more than the statements themselves (ADR 15). Everything else stays on the
 * entities. Written once with `?` placeholders; the helpers here bridge the two databases' differences.
 */
export type SqlDialect = 'sqlite' | 'postgres';

export const dialectOf = (em: EntityManager): SqlDialect => (em.connection.options.type === 'postgres' ? 'postgres' : 'sqlite');

const numbered = new Map<string, string>();

/** Our SQL is written with `?`; PostgreSQL numbers its parameters. Texts are constants, so the rewrite is cached. */
export function forDialect(dialect: SqlDialect, sql: string): string {
  if (dialect === 'sqlite') return sql;
  let text = numbered.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    if (numbered.size < 500) numbered.set(sql, text);
  }
  return text;
}

/** `sql`, written with `?`, run on `em` in its dialect; `R` is a row's type. */
export function rawQuery<R = unknown>(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<R[]> {
  return em.query<R[]>(forDialect(dialectOf(em), sql), [...params]);
}

/** `?, ?, ?`: the placeholders of an IN list of `n` values. */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** A `jsonb` column's parameter: SQLite stores its binary JSONB from the text (as TypeORM does), PostgreSQL casts. */
export const jsonParam = (dialect: SqlDialect): string => (dialect === 'sqlite' ? 'jsonb(?)' : '?::jsonb');

/** A `jsonb` column read back as JSON text on SQLite (`json(col)`); PostgreSQL returns it parsed. */
export const jsonColumn = (dialect: SqlDialect, column: string): string => (dialect === 'sqlite' ? `json(${column}) AS ${column}` : column);

export const readJson = (dialect: SqlDialect, value: unknown): unknown => (dialect === 'sqlite' && typeof value === 'string' ? JSON.parse(value) : value);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A timestamp parameter as its column holds it: on SQLite the UTC text TypeORM writes for `datetime`
 * ('2026-11-26 09:30:00.000'), so rows written here read back through the entities unchanged; a Date on PostgreSQL.
 */
export function timestampParam(dialect: SqlDialect, date: Date): string | Date {
  if (dialect === 'postgres') return date;
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`
  );
}

/** A timestamp column read back: SQLite's UTC text (see timestampParam), or PostgreSQL's Date. */
export function readTimestamp(value: string | Date): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

/** PostgreSQL returns booleans; SQLite 0/1. */
export const readBoolean = (value: unknown): boolean => value === true || value === 1 || value === '1';

/** PostgreSQL takes up to 65535 parameters; 500 rows of our widest insert (10 columns) stay far below. */
const POSTGRES_CHUNK = 500;

/**
 * Splits `n` rows into multi-row INSERT chunks. SQLite: power-of-two sizes of at most 64, a few constant statement
 * texts whatever the batch's size, so its prepared-statement cache keeps them instead of filling with one-offs.
 * PostgreSQL parses every statement anyway, and each is a round trip on which the event loop turns (ingesting the
 * rest of a burst before the reply is read): as few as possible.
 */
export function insertChunks(n: number, dialect: SqlDialect = 'sqlite'): number[] {
  const out: number[] = [];
  let left = n;
  while (left > 0) {
    let size = dialect === 'postgres' ? Math.min(left, POSTGRES_CHUNK) : 64;
    while (size > left) size /= 2;
    out.push(size);
    left -= size;
  }
  return out;
}

/** `(?, ?, …), (…)`: `rows` groups of the one-row tuple `tuple` (e.g. '(?, ?, jsonb(?))'). */
export const valuesList = (tuple: string, rows: number): string => Array.from({ length: rows }, () => tuple).join(', ');

/**
 * Inserts `rows` (each the parameters of `tuple`) into `head` ('INSERT INTO t (a, b) VALUES'), in insertChunks.
 * `tail`, if any, follows each chunk's VALUES (an ON CONFLICT clause).
 */
export async function insertRows(em: EntityManager, head: string, tuple: string, rows: readonly unknown[][], tail = ''): Promise<void> {
  const dialect = dialectOf(em);
  let at = 0;
  for (const size of insertChunks(rows.length, dialect)) {
    const sql = forDialect(dialect, `${head} ${valuesList(tuple, size)}${tail ? ` ${tail}` : ''}`);
    await em.query(sql, rows.slice(at, at + size).flat());
    at += size;
  }
}
