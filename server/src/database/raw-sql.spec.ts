import { describe, expect, it } from '@jest/globals';
import { DateUtils } from 'typeorm/util/DateUtils.js';
import { combinedReads, combinedWrites, forDialect, inValues, insertChunks, insertRowsStatements, rowsJson, readBoolean, readJson, readTimestamp, sqlRead, timestampParam, valuesList } from './raw-sql.js';

describe('raw SQL helpers', () => {
  it('numbers placeholders for PostgreSQL and leaves SQLite text alone', () => {
    expect(forDialect('postgres', 'SELECT a FROM t WHERE b = ? AND c IN (?, ?)')).toBe('SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)');
    expect(forDialect('sqlite', 'SELECT ?')).toBe('SELECT ?');
  });

  it('matches a list of values with one array parameter on PostgreSQL (one text whatever the count) and an IN list on SQLite', () => {
    const keys = ['k-1', 'k-2', 'k-3'];
    expect(inValues('postgres', 'idempotency_key', keys)).toEqual({ sql: 'idempotency_key = ANY(?)', params: [keys] });
    expect(inValues('postgres', 'idempotency_key', keys.slice(1)).sql).toBe(inValues('postgres', 'idempotency_key', keys).sql);
    expect(inValues('sqlite', 'idempotency_key', keys)).toEqual({ sql: 'idempotency_key IN (?, ?, ?)', params: keys });
  });

  it('writes SQLite timestamps in the text TypeORM writes, and reads both databases back to the same instant', () => {
    for (const iso of ['2026-11-26T09:30:00.007Z', '1999-01-02T03:04:05.678Z', '2026-12-31T23:59:59.999Z']) {
      const date = new Date(iso);
      expect(timestampParam('sqlite', date)).toBe(DateUtils.mixedDateToUtcDatetimeString(date));
      expect(readTimestamp(timestampParam('sqlite', date) as string).toISOString()).toBe(iso);
      expect(timestampParam('postgres', date)).toBe(date);
      expect(readTimestamp(date)).toBe(date);
    }
    // PostgreSQL's JSON text of a timestamptz (runReads), in any zone the session has
    expect(readTimestamp('2026-11-26T09:30:00.007+00:00').toISOString()).toBe('2026-11-26T09:30:00.007Z');
    expect(readTimestamp('2026-11-26T16:30:00.007+07:00').toISOString()).toBe('2026-11-26T09:30:00.007Z');
    expect(readTimestamp('2026-11-26T09:30:00.007Z').toISOString()).toBe('2026-11-26T09:30:00.007Z');
  });

  it('gives PostgreSQL independent reads as one SELECT of JSON arrays, parameters numbered in order', () => {
    const reads = [sqlRead('SELECT a FROM t WHERE b = ? ORDER BY a', [1], (rows) => rows), sqlRead('SELECT c FROM u WHERE d IN (?, ?)', [2, 3], (rows) => rows)];
    expect(forDialect('postgres', combinedReads(reads))).toBe(
      "SELECT (SELECT coalesce(json_agg(q), '[]'::json) FROM (SELECT a FROM t WHERE b = $1 ORDER BY a) q) AS r0, (SELECT coalesce(json_agg(q), '[]'::json) FROM (SELECT c FROM u WHERE d IN ($2, $3)) q) AS r1",
    );
  });

  it('parses SQLite JSON text but not PostgreSQL values, and reads both booleans', () => {
    expect(readJson('sqlite', '{"a":[1,"hai"]}')).toEqual({ a: [1, 'hai'] });
    expect(readJson('postgres', 'đã parse')).toBe('đã parse');
    expect([readBoolean(1), readBoolean(true), readBoolean(0), readBoolean(false), readBoolean(null)]).toEqual([true, true, false, false, false]);
  });

  it('splits any batch into power-of-two insert chunks of at most 64 rows on SQLite', () => {
    expect(insertChunks(0)).toEqual([]);
    expect(insertChunks(1)).toEqual([1]);
    expect(insertChunks(200)).toEqual([64, 64, 64, 8]);
    expect(insertChunks(131)).toEqual([64, 64, 2, 1]);
    const texts = new Set<number>();
    for (let n = 1; n <= 500; n++) {
      const chunks = insertChunks(n);
      expect(chunks.reduce((a, b) => a + b, 0)).toBe(n);
      for (const c of chunks) texts.add(c);
    }
    // a handful of distinct statement texts whatever the batch: SQLite's statement cache keeps them all
    expect([...texts].sort((a, b) => a - b)).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(valuesList('(?, ?)', 3)).toBe('(?, ?), (?, ?), (?, ?)');
  });

  it('inserts on SQLite in VALUES chunks (jsonb from text), on PostgreSQL in one statement from a JSON array of rows', () => {
    const columns = [
      ['id', 'text'],
      ['n', 'int'],
      ['doc', 'jsonb'],
    ] as const;
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [`r${i}`, i, '{}']);
    expect(insertRowsStatements('sqlite', 't', columns, rows(3), 'ON CONFLICT DO NOTHING')).toEqual([
      { sql: 'INSERT INTO t (id, n, doc) VALUES (?, ?, jsonb(?)), (?, ?, jsonb(?)) ON CONFLICT DO NOTHING', params: ['r0', 0, '{}', 'r1', 1, '{}'] },
      { sql: 'INSERT INTO t (id, n, doc) VALUES (?, ?, jsonb(?)) ON CONFLICT DO NOTHING', params: ['r2', 2, '{}'] },
    ]);
    const onPostgres = insertRowsStatements('postgres', 't', columns, rows(1100));
    expect(onPostgres.map((w) => w.sql)).toEqual(['INSERT INTO t (id, n, doc) SELECT id, n, doc FROM json_populate_recordset(NULL::t, ?::json)']);
    expect(JSON.parse(onPostgres[0].params[0] as string)).toHaveLength(1100);
    expect(insertRowsStatements('postgres', 't', columns, [])).toEqual([]);
    expect(insertRowsStatements('sqlite', 't', columns, [])).toEqual([]);
  });

  it('gives PostgreSQL independent writes as one statement of data-modifying CTEs, parameters numbered in order', () => {
    const writes = [
      ...insertRowsStatements('postgres', 't', [['id', 'text'], ['n', 'int']], [['a', 1], ['b', 2]]),
      { sql: 'UPDATE u SET n = n + ? WHERE id = ?', params: [5, 'x'] },
    ];
    expect(writes[0].params).toEqual(['[{"id":"a","n":1},{"id":"b","n":2}]']);
    expect(forDialect('postgres', combinedWrites(writes))).toBe(
      'WITH w0 AS (INSERT INTO t (id, n) SELECT id, n FROM json_populate_recordset(NULL::t, $1::json)), w1 AS (UPDATE u SET n = n + $2 WHERE id = $3) SELECT 1',
    );
    expect(insertRowsStatements('sqlite', 't', [['id', 'text'], ['n', 'int']], [['a', 1], ['b', 2], ['c', 3]]).map((w) => w.params)).toEqual([['a', 1, 'b', 2], ['c', 3]]);
  });

  it('writes the JSON rows with jsonb text as it is, dates as ISO text, nulls and Vietnamese text intact', () => {
    const json = rowsJson(
      [
        ['id', 'text'],
        ['doc', 'jsonb'],
        ['at', 'timestamptz'],
        ['ok', 'bool'],
      ],
      [['Biên bản "số 1"\\n', '{"a":[1,"hai"]}', new Date('2026-11-26T09:30:00.007Z'), null]],
    );
    expect(JSON.parse(json)).toEqual([{ id: 'Biên bản "số 1"\\n', doc: { a: [1, 'hai'] }, at: '2026-11-26T09:30:00.007Z', ok: null }]);
  });
});
