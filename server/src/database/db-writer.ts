import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { SqlDialect } from './raw-sql.js';

/**
 * The single path for writes. TypeORM's better-sqlite3 driver shares one connection with no lock, so two
 * overlapping transactions fail ("cannot start a transaction within a transaction") or, worse, a plain save
 * lands inside another caller's transaction and vanishes with its rollback. On SQLite every write therefore
 * queues here and runs alone; on PostgreSQL (a pool) transactions run concurrently.
 */
@Injectable()
export class DbWriter implements BeforeApplicationShutdown {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serialise: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serialise = dataSource.options.type === 'better-sqlite3';
  }

  get dialect(): SqlDialect {
    return this.serialise ? 'sqlite' : 'postgres';
  }

  /**
   * Run `work` in a transaction; on SQLite, after every earlier write has finished. `durable`: the commit must
   * survive a power loss, not only a crash (ballots — ADR 10): on SQLite the connection runs `synchronous = FULL`
   * for this transaction only (the pragma cannot change inside one). On PostgreSQL every connection has
   * `synchronous_commit = on` from its start (data-source.ts), whatever the server's setting: no statement here.
   */
  transaction<T>(work: (em: EntityManager) => Promise<T>, options: { durable?: boolean } = {}): Promise<T> {
    if (!this.serialise) return this.dataSource.transaction(work);
    if (!options.durable) return this.exclusive(() => this.dataSource.transaction(work));
    return this.exclusive(async () => {
      await this.dataSource.query('PRAGMA synchronous = FULL');
      try {
        return await this.dataSource.transaction(work);
      } finally {
        await this.dataSource.query('PRAGMA synchronous = NORMAL');
      }
    });
  }

  /**
   * Run `work` alone on the connection, outside any transaction (SQLite maintenance such as a WAL checkpoint);
   * on PostgreSQL it simply runs.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (!this.serialise) return work();
    const run = this.tail.then(work);
    // The queue continues whatever this write's outcome; the caller still sees its own error.
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every write queued so far has finished. */
  async drain(): Promise<void> {
    await this.tail;
  }

  /** On SIGTERM, queued writes (an acknowledged command, a ballot) finish before the connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.drain();
  }
}

/** The write broke a unique index or primary key (PostgreSQL 23505 covers both). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
