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

/**
 * `column` is one of `values`, as a condition and its parameters. PostgreSQL: one array parameter (`= ANY(?)`), so
 * the text is the same whatever the count and a batch of 200 ballots binds one parameter, not 200, and is planned
 * in half the time. SQLite: an IN list (its statements are prepared once per text and cached).
 */
export function inValues(dialect: SqlDialect, column: string, values: readonly unknown[]): { sql: string; params: unknown[] } {
  return dialect === 'postgres' ? { sql: `${column} = ANY(?)`, params: [[...values]] } : { sql: `${column} IN (${placeholders(values.length)})`, params: [...values] };
}

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

/** A timestamp with its zone: PostgreSQL's JSON text of a timestamptz (runReads), '…T09:30:00.007+00:00'. */
const ZONED = /(?:Z|[+-]\d\d(?::?\d\d)?)$/;

/** A timestamp column read back: SQLite's UTC text (see timestampParam), PostgreSQL's Date, or its JSON text (runReads). */
export function readTimestamp(value: string | Date): Date {
  if (value instanceof Date) return value;
  return ZONED.test(value) ? new Date(value) : new Date(`${value.replace(' ', 'T')}Z`);
}

/** PostgreSQL returns booleans; SQLite 0/1. */
export const readBoolean = (value: unknown): boolean => value === true || value === 1 || value === '1';

/**
 * Splits `n` rows into multi-row INSERT chunks for SQLite: power-of-two sizes of at most 64, a few constant statement
 * texts whatever the batch's size, so its prepared-statement cache keeps them instead of filling with one-offs.
 */
export function insertChunks(n: number): number[] {
  const out: number[] = [];
  let left = n;
  while (left > 0) {
    let size = 64;
    while (size > left) size /= 2;
    out.push(size);
    left -= size;
  }
  return out;
}

/** `(?, ?, …), (…)`: `rows` groups of the one-row tuple `tuple` (e.g. '(?, ?, jsonb(?))'). */
export const valuesList = (tuple: string, rows: number): string => Array.from({ length: rows }, () => tuple).join(', ');

/** A column of a hand-written insert: its name, and its kind of value (jsonb: JSON text). */
export type InsertColumn = readonly [name: string, type: 'text' | 'int' | 'bool' | 'jsonb' | 'timestamptz'];

/**
 * The statements that insert `rows` (each one value per column, jsonb as JSON text) into `table`, in `?` form. SQLite:
 * multi-row VALUES in insertChunks. PostgreSQL: one `INSERT … SELECT … FROM json_populate_recordset(NULL::table, ?)`,
 * the rows as one JSON array parameter, whatever their number: a 200-row VALUES list is 2 000 parameters for
 * PostgreSQL to parse and plan, and node-pg escapes arrays (for unnest) element by element, where JSON.stringify is
 * native. `tail`, if any, follows each statement (an ON CONFLICT clause).
 */
export function insertRowsStatements(dialect: SqlDialect, table: string, columns: readonly InsertColumn[], rows: readonly unknown[][], tail = ''): SqlStatement[] {
  if (rows.length === 0) return [];
  const names = columns.map(([name]) => name).join(', ');
  const head = `INSERT INTO ${table} (${names})`;
  const end = tail ? ` ${tail}` : '';
  if (dialect === 'postgres') return [{ sql: `${head} SELECT ${names} FROM json_populate_recordset(NULL::${table}, ?::json)${end}`, params: [rowsJson(columns, rows)] }];
  const tuple = `(${columns.map(([, type]) => (type === 'jsonb' ? 'jsonb(?)' : '?')).join(', ')})`;
  let at = 0;
  return insertChunks(rows.length).map((size) => {
    const chunk = rows.slice(at, at + size);
    at += size;
    return { sql: `${head} VALUES ${valuesList(tuple, size)}${end}`, params: chunk.flat() };
  });
}

/** Rows as the JSON array json_populate_recordset reads: an object per row; a jsonb column given as JSON text goes in as it is. */
export function rowsJson(columns: readonly InsertColumn[], rows: readonly unknown[][]): string {
  const keys = columns.map(([name]) => `${JSON.stringify(name)}:`);
  const value = (type: InsertColumn[1], v: unknown) => (v === null || v === undefined ? 'null' : type === 'jsonb' && typeof v === 'string' ? v : JSON.stringify(v));
  return `[${rows.map((row) => `{${columns.map(([, type], c) => keys[c] + value(type, row[c])).join(',')}}`).join(',')}]`;
}

/** A statement written with `?` placeholders, and its parameters. */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/** Inserts `rows` into `table` now (insertRowsStatements). `tail`, if any, follows each statement (an ON CONFLICT clause). */
export async function insertRows(em: EntityManager, table: string, columns: readonly InsertColumn[], rows: readonly unknown[][], tail = ''): Promise<void> {
  await runWrites(em, insertRowsStatements(dialectOf(em), table, columns, rows, tail));
}

/**
 * Runs writes that do not depend on one another's effects. SQLite: one after another. PostgreSQL: as one statement,
 * each write a data-modifying CTE (they all see the database as the statement found it): one round trip instead of
 * one each, which on a loaded machine is most of what a batch of ballots waits for (ADR 15).
 */
export async function runWrites(em: EntityManager, writes: readonly SqlStatement[]): Promise<void> {
  if (dialectOf(em) === 'sqlite' || writes.length < 2) {
    for (const w of writes) await rawQuery(em, w.sql, w.params);
    return;
  }
  await rawQuery(em, combinedWrites(writes), writes.flatMap((w) => w.params));
}

/** PostgreSQL's one-statement form of independent writes (runWrites). */
export const combinedWrites = (writes: readonly SqlStatement[]): string => `WITH ${writes.map((w, i) => `w${i} AS (${w.sql})`).join(', ')} SELECT 1`;

/** A read written with `?` placeholders, its parameters, and what its rows (`Row`) become. */
export interface SqlRead<T> {
  sql: string;
  params: unknown[];
  map: (rows: never[]) => T;
}

/** A read whose rows have the type `Row` (the columns as the driver returns them). */
export const sqlRead = <Row, T>(sql: string, params: unknown[], map: (rows: Row[]) => T): SqlRead<T> => ({ sql, params, map });

type ReadResults<T extends readonly SqlRead<unknown>[]> = { -readonly [K in keyof T]: T[K] extends SqlRead<infer R> ? R : never };

/** Runs one read (runReads). */
export async function readOne<T>(em: EntityManager, read: SqlRead<T>): Promise<T> {
  return read.map(await rawQuery<never>(em, read.sql, read.params));
}

/**
 * Runs reads that do not depend on one another, answering each as if run alone. SQLite: one after another.
 * PostgreSQL: as one statement whose columns are the reads' rows as JSON arrays: one round trip instead of one each,
 * as runWrites does for writes (ADR 15). Through JSON a timestamptz arrives as zoned text (readTimestamp reads it), a
 * bigint as a number; each read's ORDER BY holds, as json_agg takes its subquery's rows in order.
 */
export async function runReads<const T extends readonly SqlRead<unknown>[]>(em: EntityManager, reads: T): Promise<ReadResults<T>> {
  const out: unknown[] = [];
  if (dialectOf(em) === 'sqlite' || reads.length < 2) {
    for (const r of reads) out.push(await readOne(em, r));
  } else {
    const [row] = await rawQuery<Record<string, never[]>>(em, combinedReads(reads), reads.flatMap((r) => r.params));
    reads.forEach((r, i) => out.push(r.map(row[`r${i}`])));
  }
  return out as ReadResults<T>;
}

/** PostgreSQL's one-statement form of independent reads (runReads). */
export const combinedReads = (reads: readonly SqlRead<unknown>[]): string =>
  `SELECT ${reads.map((r, i) => `(SELECT coalesce(json_agg(q), '[]'::json) FROM (${r.sql}) q) AS r${i}`).join(', ')}`;
