// Fan-out benchmark: the chair changes page (`presentation:go-to-page`) and N clients receive the `live:event`.
// Clients and chair run in one forked process (same clock for emit and receipt); latency per client = receipt −
// chair emit. Baseline in the same run: a bare Socket.IO server (bench/lib/bare-io-server.mjs, same socket.io,
// no DB, no auth) broadcasting an event of the same shape to the same number of clients from the same harness.
// Rounds alternate between the two servers (both fleets stay connected) so load on the machine hits both alike.
// BENCH_PROFILE=<dir> loads bench/lib/server-probe.mjs into both servers and reports, for the measured rounds at
// N = BENCH_PROFILE_N (200), their CPU profiles, SQL statements and socket.io timings under sizes[].profile.
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { forkHelper } from './lib/ipc.mjs';
import { CHAIR, command, demoMeeting, loginAll, nextPage, openSocket, WATCHERS } from './lib/live.mjs';
import { cpuMs } from './lib/proc-cpu.mjs';
import { summariseProfile } from './lib/profile-summary.mjs';
import { startServer } from './lib/server.mjs';
import { describe, round } from './lib/stats.mjs';

const SIZES = [50, 200, 500];
const WARMUP_ROUNDS = 10;
const ROUNDS = Number(process.env.BENCH_FANOUT_ROUNDS ?? 100);
const GAP_MS = 25; // plus 0–25 ms at random: rounds never overlap and do not fall into lockstep with timers
const LIB = path.join(import.meta.dirname, 'lib');
const PROBE = path.join(LIB, 'server-probe.mjs');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function measureSize(n, ctx, log) {
  const { server, bareUrl, cookies, demo } = ctx;
  const clients = forkHelper(path.join(LIB, 'fanout-clients.mjs'));
  try {
    const watcherCookies = WATCHERS.map((u) => cookies[u]);
    const real = await clients.request('connect', { key: 'real', url: server.url, origin: server.url, cookies: watcherCookies, n, meetingId: demo.meetingId });
    const bare = await clients.request('connect', { key: 'bare', url: bareUrl, origin: bareUrl, cookies: [''], n, meetingId: demo.meetingId });
    await clients.request('chair', { key: 'real', url: server.url, origin: server.url, cookie: cookies[CHAIR] });
    await clients.request('chair', { key: 'bare', url: bareUrl, origin: bareUrl, cookie: '' });
    log(`N=${n}: clients connected and joined (real ${round(real.connect_ms, 0)} ms, bare ${round(bare.connect_ms, 0)} ms)`);
    const out = { real: { latencies: [], first: [], last: [], ack: [] }, bare: { latencies: [], first: [], last: [], ack: [] } };
    let missing = 0;
    const profiling = ctx.profileDir && n === ctx.profileAt;
    const cpu = {};
    for (let r = 0; r < WARMUP_ROUNDS + ROUNDS; r++) {
      if (r === WARMUP_ROUNDS) Object.assign(cpu, { real: cpuMs(server.pid), bare: cpuMs(ctx.bareServer.pid) });
      if (profiling && r === WARMUP_ROUNDS) {
        server.child.kill('SIGWINCH');
        ctx.bareServer.child.kill('SIGWINCH');
      }
      // alternate which server goes first in a round
      for (const key of r % 2 ? ['bare', 'real'] : ['real', 'bare']) {
        ctx.page[key] = nextPage(ctx.page[key], demo.pageCount);
        const cmd = { meetingId: demo.meetingId, idempotencyKey: `bench-${key}-${n}-${r}-${Date.now()}`, documentId: demo.documentId, version: demo.version, page: ctx.page[key] };
        const res = await clients.request('round', { key, command: cmd });
        if (r >= WARMUP_ROUNDS) {
          const got = res.latencies.filter((x) => x !== null);
          missing += res.missing;
          out[key].latencies.push(...got);
          out[key].first.push(Math.min(...got));
          out[key].last.push(Math.max(...got));
          out[key].ack.push(res.ack_ms);
        }
        await sleep(GAP_MS + Math.random() * GAP_MS);
      }
    }
    // CPU the server processes used per measured round (user + system, all threads; 10 ms ticks over all rounds)
    const cpuPerRound = { real: round((cpuMs(server.pid) - cpu.real) / ROUNDS, 2), bare: round((cpuMs(ctx.bareServer.pid) - cpu.bare) / ROUNDS, 2) };
    let profile;
    if (profiling) profile = await collectProbes(ctx);
    await clients.request('disconnect', { key: 'real' });
    await clients.request('disconnect', { key: 'bare' });
    const stats = (key) => ({
      latency_ms: describe(out[key].latencies),
      first_receipt_ms: describe(out[key].first),
      last_receipt_ms: describe(out[key].last),
      chair_ack_ms: describe(out[key].ack),
      server_cpu_ms_per_round: cpuPerRound[key],
    });
    const result = { n, rounds: ROUNDS, warmup_rounds: WARMUP_ROUNDS, missing_receipts: missing, real: stats('real'), bare: stats('bare'), ...(profile ? { profile } : {}) };
    log(
      `N=${n}: real p50 ${result.real.latency_ms.p50} / p99 ${result.real.latency_ms.p99} ms, bare p50 ${result.bare.latency_ms.p50} / p99 ${result.bare.latency_ms.p99} ms;` +
        ` first receipt p50 real ${result.real.first_receipt_ms.p50} vs bare ${result.bare.first_receipt_ms.p50} ms; chair ack p50 real ${result.real.chair_ack_ms.p50} ms;` +
        ` server CPU per round real ${cpuPerRound.real} vs bare ${cpuPerRound.bare} ms`,
    );
    return result;
  } finally {
    await clients.stop();
  }
}

/** Ends the probes' window in both servers and reads what they wrote (bench/lib/server-probe.mjs). */
async function collectProbes(ctx) {
  const read = async (name, pid) => {
    process.kill(pid, 'SIGWINCH');
    const base = path.join(ctx.profileDir, name);
    for (let i = 0; i < 100 && !fs.existsSync(`${base}.json`); i++) await sleep(100);
    await sleep(300);
    return { files: [`${base}.cpuprofile`, `${base}.json`], ...JSON.parse(fs.readFileSync(`${base}.json`, 'utf8')), cpu: summariseProfile(JSON.parse(fs.readFileSync(`${base}.cpuprofile`, 'utf8'))) };
  };
  return { server: await read('server', ctx.server.pid), bare: await read('bare', ctx.bareServer.pid) };
}

export default async function run({ log }) {
  const profileDir = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : null;
  if (profileDir) {
    fs.mkdirSync(profileDir, { recursive: true });
    for (const f of ['server', 'bare']) for (const ext of ['.cpuprofile', '.json']) fs.rmSync(path.join(profileDir, f + ext), { force: true });
  }
  const probeEnv = (name) => (profileDir ? { BENCH_PROFILE_INTERVAL_US: '100', BENCH_PROBE_OUT: path.join(profileDir, name) } : {});
  const probeArgs = profileDir ? ['--import', PROBE] : [];
  const server = await startServer({ nodeArgs: probeArgs, env: probeEnv('server') });
  const bareServer = forkHelper(path.join(LIB, 'bare-io-server.mjs'), { execArgv: probeArgs, env: { ...process.env, ...probeEnv('bare') } });
  try {
    const cookies = await loginAll(server.url, [CHAIR, ...WATCHERS]);
    const demo = await demoMeeting(server.url, cookies[CHAIR]);
    // Start the meeting and capture one real page event: the template of the bare server's broadcast.
    const chair = await openSocket(server.url, cookies[CHAIR]);
    const watcher = await openSocket(server.url, cookies[WATCHERS[0]]);
    let template;
    try {
      await command(chair, 'meeting:start', { meetingId: demo.meetingId });
      const joined = await watcher.timeout(10_000).emitWithAck('live:join', { meetingId: demo.meetingId });
      if (!joined.ok) throw new Error(`live:join → ${JSON.stringify(joined)}`);
      const event = once(watcher, 'live:event');
      await command(chair, 'presentation:go-to-page', { meetingId: demo.meetingId, documentId: demo.documentId, version: demo.version, page: 1 });
      [template] = await event;
    } finally {
      chair.close();
      watcher.close();
    }
    const bare = await bareServer.request('start', { event: template });
    const bareUrl = `http://127.0.0.1:${bare.port}`;
    log(`server ${server.url} (pid ${server.pid}), bare socket.io ${bare.socketio_version} ${bareUrl}; live:event ${JSON.stringify(template).length} bytes of JSON`);

    const ctx = { server, bareServer, bareUrl, cookies, demo, page: { real: 1, bare: 1 }, profileDir, profileAt: Number(process.env.BENCH_PROFILE_N ?? 200) };
    const sizes = [];
    for (const n of SIZES) sizes.push(await measureSize(n, ctx, log));

    const by = Object.fromEntries(sizes.map((s) => [s.n, s]));
    const ratio = (n) => round(by[n].real.latency_ms.p99 / by[n].bare.latency_ms.p99, 2);
    const summary = { p99_ms_200: by[200].real.latency_ms.p99, p99_ratio_vs_bare_200: ratio(200), p99_ratio_vs_bare_500: ratio(500), p99_ratio_vs_bare_50: ratio(50) };
    for (const n of SIZES) summary[`p50_ms_${n}`] = by[n].real.latency_ms.p50;
    summary.p99_ms_50 = by[50].real.latency_ms.p99;
    summary.p99_ms_500 = by[500].real.latency_ms.p99;
    for (const n of SIZES) summary[`bare_p99_ms_${n}`] = by[n].bare.latency_ms.p99;
    for (const n of SIZES) summary[`bare_p50_ms_${n}`] = by[n].bare.latency_ms.p50;
    for (const n of SIZES) summary[`first_receipt_p50_ms_${n}`] = by[n].real.first_receipt_ms.p50;
    for (const n of SIZES) summary[`bare_first_receipt_p50_ms_${n}`] = by[n].bare.first_receipt_ms.p50;
    for (const n of SIZES) summary[`server_cpu_ms_per_round_${n}`] = by[n].real.server_cpu_ms_per_round;
    for (const n of SIZES) summary[`bare_cpu_ms_per_round_${n}`] = by[n].bare.server_cpu_ms_per_round;
    summary.missing_receipts = sizes.reduce((a, s) => a + s.missing_receipts, 0);

    const serverMs = (n) => round(by[n].real.first_receipt_ms.p50 - by[n].bare.first_receipt_ms.p50, 2);
    return {
      summary,
      definitions: {
        'p50_ms_N / p99_ms_N': `percentiles over every (client, round) receipt latency, N clients × ${ROUNDS} measured rounds after ${WARMUP_ROUNDS} warm-up rounds: receipt of the live:event in the client process − the chair's emit in that same process (performance.now())`,
        'bare_*': 'the same harness against the bare Socket.IO server (same socket.io version, same event shape, no DB, no auth)',
        p99_ratio_vs_bare_N: 'p99_ms_N ÷ bare_p99_ms_N; target ≤ 1.3',
        server_cpu_ms_per_round_N: 'CPU time (user + system, all threads, from /proc) the server process used over the measured rounds ÷ rounds: one command and its broadcast to N; unlike the latencies it does not grow when other work on the machine preempts the server',
        first_receipt_p50_ms_N: 'median over rounds of the earliest receipt in the round ≈ the server\'s time to handle the command + one socket write + the client\'s decode',
      },
      live_event_template: template,
      sizes,
      notes: [
        'All clients share one process (and one event loop): a client\'s latency includes decoding the messages that reached the clients before it, so latency grows with N for both servers alike; the bare server is measured by the same harness to cancel that out.',
        `Command handling before the broadcast (real first receipt − bare first receipt, medians): ${SIZES.map((n) => `${serverMs(n)} ms at ${n}`).join(', ')}.`,
        'Transport: websocket only on both (no polling upgrade). The real server has connectionStateRecovery on (each broadcast is also kept for recovery and carries an offset); the bare one has the defaults.',
      ],
    };
  } finally {
    await bareServer.stop();
    await server.stop();
  }
}
