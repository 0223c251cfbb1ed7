// The vote-burst baseline: the same number of single-row durable inserts, one transaction each, one after another on
// one connection, with nothing else around them — what a ballot would cost if each were committed on its own.
// SQLite: a fresh file in WAL mode with synchronous = FULL (the fsync of the WAL at each commit, as the server's
// ballot transactions); PostgreSQL: autocommit INSERTs with synchronous_commit on (the WAL flushed before each answer).
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, percentile, round } from './stats.mjs';

const TABLE = 'bare_ballots (vote_id varchar(36), seat_user_id varchar(36), choices text, PRIMARY KEY (vote_id, seat_user_id))';

/** Per-insert latency, and what N ballots arriving at once would wait if committed one by one (the queue); `latencies` for pooling. */
function report(latencies, totalMs) {
  let done = 0;
  const queued = latencies.map((ms) => (done += ms));
  return { n: latencies.length, per_insert_ms: describe(latencies), all_at_once_wait_ms: { p50: round(percentile(queued, 50), 1), p99: round(percentile(queued, 99), 1) }, total_ms: round(totalMs, 1), inserts_per_s: round((latencies.length / totalMs) * 1000, 0), latencies };
}

export function sqliteBare(n, dir, label) {
  const db = new Database(path.join(dir, `bare-${label}.sqlite`));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE ${TABLE}`);
    const insert = db.prepare('INSERT INTO bare_ballots VALUES (?, ?, ?)');
    const one = db.transaction((seat) => insert.run(label, seat, '["yes"]'));
    const latencies = [];
    const started = performance.now();
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      one(`seat-${i}`);
      latencies.push(performance.now() - t);
    }
    return report(latencies, performance.now() - started);
  } finally {
    db.close();
  }
}

export async function postgresBare(n, connectionString, schema, label) {
  const client = new pg.Client({ connectionString, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = on');
    await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE}`);
    const latencies = [];
    const started = performance.now();
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await client.query('INSERT INTO bare_ballots VALUES ($1, $2, $3)', [label, `seat-${i}`, '["yes"]']);
      latencies.push(performance.now() - t);
    }
    return report(latencies, performance.now() - started);
  } finally {
    await client.end();
  }
}
