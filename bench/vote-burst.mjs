// Vote-burst benchmark (issue 5): 200 and 500 members of one meeting cast their ballot at once, each sending the same
// ballot a second time right away (same idempotency key: a retry racing its original), on SQLite and on PostgreSQL.
// Voters are socket.io clients (websocket) in a forked process with the chair, checked in and joined to the live room
// as tablets are. Measured per ballot: ack − emit; per burst: ballots/s (N ÷ time to the last ack); then the chair
// closes and publishes, and the time from the close's emit to `vote.published` on every tablet. After each round the
// vote is checked over HTTP and in the database: lost ballots and duplicates. Baselines in the same run: N single-row
// durable inserts one after another (lib/bare-inserts.mjs); and the harness's own floor, the same burst from the same
// client process against a bare Socket.IO server that acks each ballot at once (lib/bare-io-server.mjs). Accounts and
// meetings are made through the real API (lib/vote-room.mjs). BENCH_PROFILE=<dir> loads lib/server-probe.mjs into each
// server and reports, for the measured rounds at N = BENCH_PROFILE_N (200), its CPU profile, SQL statements,
// socket.io timings and each burst's timeline (lib/burst-timeline.mjs); BENCH_PROFILE_INTERVAL_US=0 without the CPU
// sampler, which slows the server down.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { postgresBare, sqliteBare } from './lib/bare-inserts.mjs';
import { forkHelper, tempDir } from './lib/ipc.mjs';
import { burstTimeline } from './lib/burst-timeline.mjs';
import { summariseProfile } from './lib/profile-summary.mjs';
import { startServer } from './lib/server.mjs';
import { describe, round } from './lib/stats.mjs';
import { createVoteMeeting, createVoters, loginVoters, staffCookies } from './lib/vote-room.mjs';

// BENCH_VOTE_SIZES, BENCH_VOTE_DBS and the round counts are for quick runs; the summary's named keys need 200 and 500.
const SIZES = (process.env.BENCH_VOTE_SIZES ?? '200,500').split(',').map(Number);
/** A count per size N: BENCH_VOTE_<name>_<N>, else `upTo200` for N ≤ 200 and `above` for larger rooms. */
const perSize = (name, upTo200, above) => Object.fromEntries(SIZES.map((n) => [n, Number(process.env[`BENCH_VOTE_${name}_${n}`] ?? (n > 200 ? above : upTo200))]));
const ROUNDS = perSize('ROUNDS', 8, 2);
// Bursts before the measured ones, on the same server and meeting: the ballot path's JavaScript (server and clients)
// is still being optimised over the first bursts after a start (p99 falls over about eight bursts of 200, then holds),
// as the fan-out benchmark's warm-up rounds allow for. What those first bursts saw is reported too (cold_ack_*). The
// 500-voter rounds run after the 200-voter ones on the same server.
const WARMUP = perSize('WARMUP', 8, 1);
const DBS = (process.env.BENCH_VOTE_DBS ?? 'sqlite,postgres').split(',');
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CHOICES = ['yes', 'no', 'abstain'];
const LIB = path.join(import.meta.dirname, 'lib');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** SQL on the server's database from outside it (`?` placeholders; PostgreSQL gets $n). */
async function openReader(kind, where) {
  if (kind === 'sqlite') {
    const db = new Database(where, { readonly: true, fileMustExist: true });
    return { all: async (sql, params) => db.prepare(sql).all(...params), close: async () => db.close() };
  }
  const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${where}` });
  await client.connect();
  return {
    all: async (sql, params) => {
      let i = 0;
      return (await client.query(sql.replace(/\?/g, () => `$${++i}`), params)).rows;
    },
    close: () => client.end(),
  };
}

/** Lost: a member's ballot missing from the vote. Duplicates: anything counted more than once, or a retry answered differently. */
async function check(ctx, voters, res) {
  const { reader } = ctx;
  const num = (x) => Number(x ?? 0);
  const [ev] = await reader.all(
    `SELECT count(*) AS events, count(DISTINCT payload->>'voterUserId') AS voters FROM meeting_events WHERE type = 'vote.ballot-cast' AND payload->>'voteId' = ?`,
    [res.voteId],
  );
  const seats = (await reader.all('SELECT seat_user_id AS seat FROM vote_participation WHERE vote_id = ?', [res.voteId])).map((r) => r.seat);
  const [{ total }] = await reader.all('SELECT coalesce(sum(count), 0) AS total FROM vote_counts WHERE vote_id = ?', [res.voteId]);
  const [{ cast_count: castCount }] = await reader.all('SELECT cast_count FROM votes WHERE id = ?', [res.voteId]);
  const detailRes = await fetch(`${ctx.server.url}/api/votes/${res.voteId}`, { headers: { cookie: ctx.staff.secretary } });
  const detail = await detailRes.json();
  const voted = new Set(detail.seats.filter((s) => s.voted).map((s) => s.seatUserId));
  const stored = new Set(seats);
  const lost = voters.filter((v) => !stored.has(v.id) || !voted.has(v.id)).length;
  const retryMismatch = res.seqs.filter((s) => !s || s[0] !== s[1]).length;
  const duplicates =
    Math.max(0, num(ev.events) - num(ev.voters), seats.length - stored.size, num(total) - seats.length, num(castCount) - seats.length, detail.castCount - seats.length, (detail.result?.cast ?? 0) - seats.length) +
    retryMismatch;
  return { lost, duplicates, refused: res.refused.length + res.timed_out, events: num(ev.events), participation: seats.length, counted: num(total), cast_count: num(castCount), rest_cast: detail.castCount, result_cast: detail.result?.cast ?? null };
}

async function measureSize(n, ctx, log) {
  const { server, staff, voters, cookies, meetings } = ctx;
  const meeting = meetings[n];
  const fleet = forkHelper(path.join(LIB, 'vote-burst-clients.mjs'));
  const profiling = ctx.profileDir && n === ctx.profileAt;
  try {
    const opened = await fleet.request('open', { url: server.url, origin: server.url, chairCookie: staff.chair, cookies: cookies.slice(0, n), meetingId: meeting.meetingId });
    log(`${ctx.kind} N=${n}: ${n} tablets checked in and in the room (${round(opened.open_ms, 0)} ms)`);
    const rounds = [];
    for (let r = 0; r < WARMUP[n] + ROUNDS[n]; r++) {
      const measured = r >= WARMUP[n];
      if (profiling && r === WARMUP[n]) server.child.kill('SIGWINCH');
      const vote = { question: `Nghị quyết ${ctx.kind} ${n} #${r}`, kind: 'open', rule: 'majority_of_present', agendaItemId: meeting.itemId };
      const res = await fleet.request('round', { vote, choices: CHOICES, serverPid: server.pid });
      const verdict = await check(ctx, voters.slice(0, n), res);
      const ack = res.ack.map((t, i) => t - res.sent[i]).filter((x) => !Number.isNaN(x));
      const retry = res.retry_ack.map((t, i) => t - res.sent[i]).filter((x) => !Number.isNaN(x));
      const lastAck = Math.max(...res.ack.filter((x) => !Number.isNaN(x)));
      const published = res.published.filter((x) => x !== null);
      const one = {
        measured,
        t0_epoch_ms: res.t0_epoch_ms,
        ...verdict,
        ack_ms: describe(ack),
        retry_ack_ms: describe(retry),
        burst_ms: round(lastAck, 1),
        // how long the clients' process took to send every first ballot, and its longest pause doing so
        send_span_ms: round(Math.max(...res.sent), 1),
        widest_send_gap_ms: round(Math.max(0, ...[...res.sent].sort((a, b) => a - b).map((t, i, all) => (i === 0 ? 0 : t - all[i - 1]))), 1),
        ballot_facts_received: res.ballot_facts_received,
        ballot_facts_expected: n * n,
        ballots_per_s: round((n / lastAck) * 1000, 0),
        close_ack_ms: round(res.close_ack_ms, 1),
        publish_ack_ms: round(res.publish_ack_ms, 1),
        result_all_clients_ms: published.length === n ? round(Math.max(...published), 1) : null,
        result_all_clients_from_last_ack_ms: published.length === n ? round(Math.max(...published) + res.last_ack_to_close_ms, 1) : null,
        tablets_without_result: n - published.length,
        client_event_loop_utilisation: round(res.client_event_loop_utilisation, 3),
        server_cpu_burst_ms: res.server_cpu_burst_ms,
        server_cpu_ms_per_ballot: res.server_cpu_burst_ms === null ? null : round(res.server_cpu_burst_ms / n, 2),
        server_cpu_close_ms: res.server_cpu_close_ms,
        clients_cpu_burst_ms: round(res.clients_cpu_burst_ms, 0),
        samples: { ack, retry },
      };
      rounds.push(one);
      log(
        `${ctx.kind} N=${n} ${measured ? 'round' : 'warm-up'} ${r}: ack p50 ${one.ack_ms.p50} / p99 ${one.ack_ms.p99} ms, ${one.ballots_per_s} ballots/s, ` +
          `result on all ${one.result_all_clients_ms} ms after close; lost ${verdict.lost}, duplicates ${verdict.duplicates}, refused ${verdict.refused}`,
      );
    }
    const profile = profiling ? await readProbe(server, path.join(ctx.profileDir, `vote-burst-${ctx.kind}`)) : undefined;
    if (profile) {
      const trace = JSON.parse(fs.readFileSync(profile.files[2], 'utf8'));
      profile.bursts = rounds
        .filter((x) => x.measured)
        .map((x) => burstTimeline(trace, { t0EpochMs: x.t0_epoch_ms, n, endMs: Math.max(...x.samples.ack, ...x.samples.retry), clientAckP99Ms: x.ack_ms.p99 }));
    }
    await fleet.request('close');
    const echo = await fleet.request('echo', { url: ctx.echoUrl, n, warmup: WARMUP[n], rounds: ROUNDS[n] });
    const measured = rounds.filter((x) => x.measured);
    const pooled = (key, of = measured) => of.flatMap((x) => x.samples[key]);
    const bare = [];
    for (let r = 0; r < ROUNDS[n]; r++) bare.push(await ctx.bare(n, `${n}-${r}`));
    const bareLat = bare.flatMap((b) => b.latencies);
    return {
      n,
      rounds: measured.length,
      warmup_rounds: WARMUP[n],
      ack_ms: describe(pooled('ack')),
      cold_ack_ms: describe(pooled('ack', rounds.filter((x) => !x.measured))),
      retry_ack_ms: describe(pooled('retry')),
      server_cpu_ms_per_ballot: describe(measured.map((x) => x.server_cpu_ms_per_ballot ?? Number.NaN).filter((x) => !Number.isNaN(x)), 2),
      ballots_per_s: describe(measured.map((x) => x.ballots_per_s), 0),
      result_all_clients_ms: describe(measured.map((x) => x.result_all_clients_ms ?? Number.POSITIVE_INFINITY), 1),
      result_all_clients_from_last_ack_ms: describe(measured.map((x) => x.result_all_clients_from_last_ack_ms ?? Number.POSITIVE_INFINITY), 1),
      lost: rounds.reduce((a, x) => a + x.lost, 0),
      duplicates: rounds.reduce((a, x) => a + x.duplicates, 0),
      refused: rounds.reduce((a, x) => a + x.refused, 0),
      per_round: rounds.map(({ samples: _s, ...x }) => x),
      echo_ack_ms: describe(echo.ack),
      bare: { per_insert_ms: describe(bareLat), inserts_per_s: describe(bare.map((b) => b.inserts_per_s), 0), all_at_once_wait_p99_ms: describe(bare.map((b) => b.all_at_once_wait_ms.p99), 1), runs: bare.map(({ latencies: _l, ...b }) => b) },
      ...(profile ? { profile } : {}),
    };
  } finally {
    await fleet.stop();
  }
}

/** Ends the probe's window (lib/server-probe.mjs) and reads what it wrote. */
async function readProbe(server, base) {
  server.child.kill('SIGWINCH');
  for (let i = 0; i < 100 && !fs.existsSync(`${base}.json`); i++) await sleep(100);
  await sleep(300);
  const { sql, prepares, ...report } = JSON.parse(fs.readFileSync(`${base}.json`, 'utf8'));
  return { files: [`${base}.cpuprofile`, `${base}.json`, `${base}.trace.json`], ...report, sql: sql.slice(0, 15), prepares: prepares.slice(0, 5), cpu: summariseProfile(JSON.parse(fs.readFileSync(`${base}.cpuprofile`, 'utf8'))) };
}

async function runDatabase(kind, log, profileDir, echoUrl) {
  const data = tempDir(`phonghop-bench-vote-${kind}-`);
  const schema = `bench_vote_${randomBytes(5).toString('hex')}`;
  let admin = null;
  let dropSchema = null;
  const env = { DEMO_MEETING: 'false' };
  if (kind === 'postgres') {
    admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    // However the benchmark ends (Ctrl-C too), the schema goes with it.
    dropSchema = () => spawnSync('psql', [PG_URL, '-q', '-c', `DROP SCHEMA IF EXISTS ${schema} CASCADE`], { stdio: 'ignore' });
    process.once('exit', dropSchema);
    Object.assign(env, { DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema });
  }
  const probeOut = profileDir ? path.join(profileDir, `vote-burst-${kind}`) : null;
  if (probeOut) for (const ext of ['.cpuprofile', '.json']) fs.rmSync(probeOut + ext, { force: true });
  const server = await startServer({
    dataDir: data.dir,
    env: { ...env, ...(probeOut ? { BENCH_PROBE_OUT: probeOut, BENCH_PROFILE_INTERVAL_US: process.env.BENCH_PROFILE_INTERVAL_US ?? '200' } : {}) },
    ...(probeOut ? { nodeArgs: ['--import', path.join(LIB, 'server-probe.mjs')] } : {}),
  });
  let reader = null;
  try {
    const started = Date.now();
    const staff = await staffCookies(server.url);
    const voters = await createVoters(server.url, staff.admin, Math.max(...SIZES));
    const cookies = await loginVoters(server.url, voters);
    const meetings = {};
    for (const n of SIZES) meetings[n] = await createVoteMeeting(server.url, staff, voters.slice(0, n), { title: `Kỳ họp ${n} đại biểu` });
    log(`${kind}: ${voters.length} accounts created and logged in, ${SIZES.length} meetings published through the API (${round((Date.now() - started) / 1000, 1)} s)`);
    reader = await openReader(kind, kind === 'sqlite' ? path.join(data.dir, 'meeting-room.sqlite') : schema);
    const bare = async (n, label) => {
      const r = kind === 'sqlite' ? sqliteBare(n, data.dir, label) : await postgresBare(n, PG_URL, schema, label);
      return r;
    };
    const ctx = { kind, server, staff, voters, cookies, meetings, reader, bare, echoUrl, profileDir, profileAt: Number(process.env.BENCH_PROFILE_N ?? 200) };
    const sizes = [];
    for (const n of SIZES) sizes.push(await measureSize(n, ctx, log));
    const settings =
      kind === 'postgres'
        ? Object.fromEntries((await admin.query(`SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'commit_delay', 'server_version')`)).rows.map((r) => [r.name, r.setting]))
        : { journal_mode: 'wal', ballots: 'synchronous = FULL (DbWriter durable transaction)', other_writes: 'synchronous = NORMAL' };
    return { kind, settings, sizes };
  } finally {
    await reader?.close();
    await server.stop();
    data.remove();
    if (admin) {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await admin.end();
      process.off('exit', dropSchema);
    }
  }
}

export default async function run({ log }) {
  const profileDir = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : null;
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  // The harness's floor, measured alongside each database: a bare Socket.IO server acking every ballot at once.
  const echoServer = forkHelper(path.join(LIB, 'bare-io-server.mjs'));
  const dbs = [];
  try {
    const { port } = await echoServer.request('start', { event: { seq: 0, payload: {} } });
    for (const kind of DBS) dbs.push(await runDatabase(kind, log, profileDir, `http://127.0.0.1:${port}`));
  } finally {
    await echoServer.stop();
  }

  const at = (kind, n) => dbs.find((d) => d.kind === kind)?.sizes.find((s) => s.n === n);
  const summary = {
    lost: dbs.reduce((a, d) => a + d.sizes.reduce((b, s) => b + s.lost, 0), 0),
    duplicates: dbs.reduce((a, d) => a + d.sizes.reduce((b, s) => b + s.duplicates, 0), 0),
    refused: dbs.reduce((a, d) => a + d.sizes.reduce((b, s) => b + s.refused, 0), 0),
    ack_p99_ms_200_sqlite: at('sqlite', 200)?.ack_ms.p99 ?? null,
    ack_p99_ms_200_postgres: at('postgres', 200)?.ack_ms.p99 ?? null,
    result_all_clients_ms_200: at('sqlite', 200)?.result_all_clients_ms.max ?? at('postgres', 200)?.result_all_clients_ms.max ?? null,
  };
  for (const d of dbs) {
    for (const s of d.sizes) {
      const k = `${s.n}_${d.kind}`;
      summary[`ack_p50_ms_${k}`] = s.ack_ms.p50;
      if (s.n !== 200) summary[`ack_p99_ms_${k}`] = s.ack_ms.p99;
      summary[`cold_ack_p99_ms_${k}`] = s.cold_ack_ms.p99;
      summary[`retry_ack_p99_ms_${k}`] = s.retry_ack_ms.p99;
      summary[`ballots_per_s_${k}`] = s.ballots_per_s.p50;
      summary[`server_cpu_ms_per_ballot_${k}`] = s.server_cpu_ms_per_ballot.p50 ?? null;
      summary[`result_all_clients_ms_${k}`] = s.result_all_clients_ms.max;
      summary[`bare_insert_p50_ms_${k}`] = s.bare.per_insert_ms.p50;
      summary[`bare_insert_p99_ms_${k}`] = s.bare.per_insert_ms.p99;
      summary[`bare_inserts_per_s_${k}`] = s.bare.inserts_per_s.p50;
      summary[`bare_all_at_once_wait_p99_ms_${k}`] = s.bare.all_at_once_wait_p99_ms.p50;
      summary[`ratio_ack_p99_vs_bare_insert_p99_${k}`] = round(s.ack_ms.p99 / s.bare.per_insert_ms.p99, 1);
      summary[`ratio_ack_p99_vs_bare_all_at_once_p99_${k}`] = round(s.ack_ms.p99 / s.bare.all_at_once_wait_p99_ms.p50, 2);
      summary[`ratio_ballots_per_s_vs_bare_${k}`] = round(s.ballots_per_s.p50 / s.bare.inserts_per_s.p50, 2);
      summary[`echo_ack_p99_ms_${k}`] = s.echo_ack_ms.p99;
      summary[`ratio_ack_p99_vs_echo_${k}`] = round(s.ack_ms.p99 / s.echo_ack_ms.p99, 2);
    }
  }
  const perBallot = (s) => s.server_cpu_ms_per_ballot.p50;
  const clientsCpu = (s) => round(s.per_round.filter((x) => x.measured).reduce((a, x) => a + x.clients_cpu_burst_ms, 0) / s.rounds, 0);
  const serverCpu = (s) => round(s.per_round.filter((x) => x.measured).reduce((a, x) => a + (x.server_cpu_burst_ms ?? 0), 0) / s.rounds, 0);
  const notes = dbs.flatMap((d) => [
    `${d.kind}: server CPU per ballot (with its retry) ${d.sizes.map((s) => `${perBallot(s)} ms at ${s.n}`).join(', ')}: work per ballot that grows with the room is work per burst that grows with its square.`,
    `${d.kind}: CPU during a burst, server vs the clients' process: ${d.sizes.map((s) => `${serverCpu(s)} vs ${clientsCpu(s)} ms at ${s.n}`).join(', ')}.`,
  ]);
  return {
    summary,
    notes,
    targets: { lost: 0, duplicates: 0, ack_p99_ms_200: 50, result_all_clients_ms_200: 100 },
    definitions: {
      'ack_p50/p99_ms_N_db': `per ballot, the first send's ack − its emit (same process), pooled over ${JSON.stringify(ROUNDS)} measured rounds after ${JSON.stringify(WARMUP)} warm-up rounds (by N) on the same server and meeting; every tablet is in the live room, so it also receives each ballot's vote.ballot-cast`,
      'cold_ack_p99_ms_N_db': "the same, pooled over the warm-up rounds: the server's first bursts after its start (at 500, after the 200-voter rounds), while their JavaScript is still being optimised",
      'retry_ack_p99_ms_N_db': 'the same for the second send of the same ballot (same key), emitted right after the first',
      'ballots_per_s_N_db': 'N ÷ (last first-send ack − burst start), median over rounds',
      'server_cpu_ms_per_ballot_N_db': "the server process's CPU time (user + system, /proc) from the burst's start to its last ack, ÷ N, median over rounds: unlike wall time it does not grow when other work preempts the server (PostgreSQL's own processes not included)",
      'result_all_clients_ms_N_db': "the chair's vote:close emit → the last tablet receiving live:event vote.published (close, then publish on the close's ack), worst measured round; result_all_clients_ms_200 is SQLite's (PostgreSQL's if SQLite was not run)",
      lost: 'members whose ballot is missing from vote_participation or from GET /api/votes/:id after the round (every member casts; acked or not)',
      duplicates: 'per round the largest excess of: ballot-cast events over distinct voters, participation rows over seats, counter sum, votes.cast_count, REST castCount or result.cast over participation; plus ballots whose two sends got different acks',
      'bare_insert_p50/p99_ms_N_db': 'one single-row INSERT in its own durable transaction (SQLite WAL synchronous=FULL; PostgreSQL autocommit, synchronous_commit on), N of them one after another, nothing else',
      'bare_all_at_once_wait_p99_ms_N_db': 'if N ballots arrived at once and each were committed alone: the p99 of their completion times (the queue), median over runs',
      ratio_ack_p99_vs_bare_insert_p99: 'ack p99 ÷ one bare durable insert p99',
      ratio_ack_p99_vs_bare_all_at_once_p99: 'ack p99 ÷ the one-commit-per-ballot queue p99 (< 1: group commit beats committing each ballot alone)',
      ratio_ballots_per_s_vs_bare: 'ballots/s ÷ bare durable inserts/s',
      'echo_ack_p99_ms_N_db': "the harness's floor: the same burst from the same client process (N sockets, each ballot sent twice at once, ack − emit) against a bare Socket.IO server that answers every ballot at once (no database, no broadcast), measured right after that database's rounds, after as many warm-up bursts",
      ratio_ack_p99_vs_echo: 'ack p99 ÷ the echo floor p99',
    },
    databases: dbs,
  };
}
