import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MeetingEventEntity } from '../live/meeting-event.entity.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const onSqlite = !process.env.DATABASE_URL;

(onSqlite ? describe : describe.skip)('numeric parameters on SQLite (bindNumericParameters)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const after = (seq: number) =>
    t.dataSource.getRepository(MeetingEventEntity).createQueryBuilder('e').where('e.meeting_id = :m AND e.seq >= :seq', { m: 'x', seq }).getQueryAndParameters();

  it('binds them, so a statement keeps one text (and one prepared statement) whatever the number', () => {
    const [sql41, params41] = after(41);
    const [sql42, params42] = after(42);
    expect(sql41).toBe(sql42);
    expect(sql41).not.toMatch(/\b4[12]\b/);
    expect(params41).toEqual(['x', 41n]);
    expect(params42).toEqual(['x', 42n]);
  });

  it('stores and compares what the inlined literal did: integers as INTEGER (7, not 7.0, in text), fractions as REAL', async () => {
    const row = await t.dataSource
      .createQueryBuilder()
      .select('typeof(:n)', 'type')
      .addSelect(":n || ''", 'text')
      .addSelect('typeof(:x)', 'fraction')
      .addSelect(':n > 6 AND :n < 8', 'between')
      .from('(SELECT 1)', 'one')
      .setParameters({ n: 7, x: 7.5 })
      .getRawOne<{ type: string; text: string; fraction: string; between: number }>();
    expect(row).toEqual({ type: 'integer', text: '7', fraction: 'real', between: 1 });
  });

  it('leaves the rest as TypeORM binds it: strings, booleans as 0/1, arrays element by element', () => {
    const [sql, params] = t.dataSource
      .createQueryBuilder()
      .select('1')
      .from('(SELECT 1)', 'one')
      .where(':s = :s AND :b = 1 AND 1 IN (:...ids)', { s: 'a', b: true, ids: [1, 2] })
      .getQueryAndParameters();
    expect(sql).toContain('IN (?, ?)');
    expect(params).toEqual(['a', 'a', 1, 1, 2]);
  });
});
