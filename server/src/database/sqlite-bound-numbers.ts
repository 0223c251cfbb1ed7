import type { DataSource } from 'typeorm';

type Escape = (sql: string, parameters: Record<string, unknown> | undefined) => [string, unknown[]];

/**
 * TypeORM's SQLite drivers write numeric parameters into the SQL text (`seq >= 42`) instead of binding them, so each
 * event append, snapshot upsert and events-after read is a statement never seen before: better-sqlite3 prepares it
 * again, and these one-off texts flush the driver's statement cache (100 entries, first in first out), so the
 * constant statements get prepared again too. Binding the numbers keeps every statement's text constant. Integers go
 * as BigInt, which SQLite binds as INTEGER (a JS number binds as REAL: 7 would become '7.0' in a text column), so
 * what is stored is exactly what the inlined literal stored.
 */
export function bindNumericParameters(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const driver = dataSource.driver as unknown as { escapeQueryWithParameters: Escape };
  const inlineNumbers: Escape = driver.escapeQueryWithParameters.bind(driver);
  driver.escapeQueryWithParameters = (sql, parameters) => {
    if (!parameters || !Object.values(parameters).some((v) => typeof v === 'number')) return inlineNumbers(sql, parameters);
    // A boxed number is not `typeof 'number'`: TypeORM binds it like any other value; it is unboxed below.
    const boxed = Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, typeof v === 'number' ? Object(v) : v]));
    const [text, values] = inlineNumbers(sql, boxed);
    return [text, values.map((v) => (v instanceof Number ? toBindable(v.valueOf()) : v))];
  };
}

function toBindable(n: number): number | bigint {
  return Number.isSafeInteger(n) ? BigInt(n) : n;
}
