import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { dialectOf, jsonColumn, jsonParam, rawQuery, readBoolean, readJson, readOne, readTimestamp, runReads, type SqlRead, sqlRead, timestampParam } from './raw-sql.js';

interface Row {
  id: string;
  n: number | string;
  big: number | string;
  flag: unknown;
  doc: unknown;
  at: string | Date;
  note: string | null;
}

/** On the suite's database (SQLite; PostgreSQL in the scale-out run), where runReads takes its one-statement form. */
describe('runReads (independent reads, one round trip on PostgreSQL)', () => {
  let t: TestApp;
  let em: EntityManager;
  const at = [new Date('2026-11-26T09:30:00.007Z'), new Date('2026-12-31T23:59:59.999Z'), new Date('1999-01-02T03:04:05.678Z')];

  beforeAll(async () => {
    t = await startTestApp();
    em = t.dataSource.manager;
    const dialect = dialectOf(em);
    await rawQuery(em, 'CREATE TABLE rr_rows (id TEXT PRIMARY KEY, n INTEGER NOT NULL, big BIGINT NOT NULL, flag BOOLEAN NOT NULL, doc JSONB NOT NULL, at TIMESTAMPTZ NOT NULL, note TEXT)');
    const docs = [{ a: [1, 'hai'] }, ['Đồng ý', null], { nested: { x: 1.5 } }];
    for (let i = 0; i < 3; i++) {
      await rawQuery(em, `INSERT INTO rr_rows (id, n, big, flag, doc, at, note) VALUES (?, ?, ?, ?, ${jsonParam(dialect)}, ?, ?)`, [
        `r${i}`,
        i * 10,
        9_007_199_254_740 + i,
        i % 2 === 0,
        JSON.stringify(docs[i]),
        timestampParam(dialect, at[i]),
        i === 1 ? null : `ghi chú ${i}`,
      ]);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const rowsRead = (where: string, params: unknown[]) =>
    sqlRead(`SELECT id, n, big, flag, ${jsonColumn(dialectOf(em), 'doc')}, at, note FROM rr_rows WHERE ${where}`, params, (rows: Row[]) =>
      rows.map((r) => ({
        id: r.id,
        n: Number(r.n),
        big: Number(r.big),
        flag: readBoolean(r.flag),
        doc: readJson(dialectOf(em), r.doc),
        at: readTimestamp(r.at).toISOString(),
        note: r.note,
      })),
    );

  it('answers each read as it answers alone: order, numbers, booleans, JSON, timestamps, nulls, no rows', async () => {
    const reads = [
      rowsRead('n >= ? ORDER BY n DESC', [0]),
      rowsRead('id IN (?, ?) ORDER BY id', ['r2', 'r0']),
      rowsRead('id = ?', ['none']),
      sqlRead('SELECT count(*) AS c FROM rr_rows WHERE flag = TRUE', [], ([row]: Array<{ c: number | string }>) => Number(row.c)),
    ] as const;
    const together = await runReads(em, reads);
    const alone: unknown[] = [];
    for (const r of reads as readonly SqlRead<unknown>[]) alone.push(await readOne(em, r));
    expect(together).toEqual(alone);
    expect(together[0].map((r) => r.id)).toEqual(['r2', 'r1', 'r0']);
    expect(together[0][2]).toEqual({ id: 'r0', n: 0, big: 9_007_199_254_740, flag: true, doc: { a: [1, 'hai'] }, at: at[0].toISOString(), note: 'ghi chú 0' });
    expect(together[0][1]).toMatchObject({ flag: false, doc: ['Đồng ý', null], at: at[1].toISOString(), note: null });
    expect(together[1].map((r) => r.id)).toEqual(['r0', 'r2']);
    expect(together[2]).toEqual([]);
    expect(together[3]).toBe(2);
  });

  it('numbers the parameters of every read in order, and a failing read fails the whole call', async () => {
    const [a, b] = await runReads(em, [rowsRead('n = ? AND id = ?', [10, 'r1']), rowsRead('n = ? AND id = ?', [20, 'r2'])]);
    expect([a.map((r) => r.id), b.map((r) => r.id)]).toEqual([['r1'], ['r2']]);
    await expect(runReads(em, [rowsRead('n = ?', [0]), sqlRead('SELECT nope FROM rr_missing', [], (rows) => rows)])).rejects.toThrow();
  });
});
