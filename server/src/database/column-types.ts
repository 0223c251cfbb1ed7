import { Column, type ColumnOptions } from 'typeorm';

/**
 * One set of entities serves both databases. The few types that differ are picked here, when the entity
 * modules load, from the same DATABASE_URL the config reads (the n8n approach): timestamps are `timestamptz`
 * on PostgreSQL and `datetime` (UTC text) on SQLite.
 */
export const isPostgresProcess = (): boolean => /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

export function TimestampColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: isPostgresProcess() ? 'timestamptz' : 'datetime', ...options });
}

export function JsonColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'jsonb', ...options });
}

/** Byte sizes beyond 2 GiB: `bigint`, which node-postgres returns as a string. */
export function BigIntColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number | null) => (v == null ? v : Number(v)) }, ...options });
}
