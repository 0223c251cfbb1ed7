// Reconnect benchmark: 500 LiveSessions (forked process, websocket) follow the demo meeting; the chair makes some
// changes; the server is SIGKILLed and restarted on the same port and data directory; the chair makes a few more
// changes as soon as it is back (so late clients have events to catch up). Measured: from the restarted server's
// first healthy answer to every client holding the server's state (seq and deep-equal state of a fresh join).
// Run with the reconnection options the real client uses (client/src/realtime/socket.ts), then with faster ones,
// each with a fresh fleet against the same server and data. BENCH_PROFILE=<dir> loads bench/lib/server-probe.mjs into
// each restarted server and reports its CPU profile, SQL and socket.io timings from healthy to all resynced.
import fs from 'node:fs';
import path from 'node:path';
import { SOCKET_RECONNECT_OPTIONS } from '@phonghop/shared';
import { forkHelper, tempDir } from './lib/ipc.mjs';
import { CHAIR, command, demoMeeting, loginAll, nextPage, openSocket, WATCHERS } from './lib/live.mjs';
import { cpuMs } from './lib/proc-cpu.mjs';
import { summariseProfile } from './lib/profile-summary.mjs';
import { startServer } from './lib/server.mjs';
import { describe, percentile, round, wallNow } from './lib/stats.mjs';

const N = Number(process.env.BENCH_RECONNECT_N ?? 500);
const CHANGES_BEFORE_KILL = 5;
const CHANGES_AFTER_RESTART = 3;
const LIB = path.join(import.meta.dirname, 'lib');

/** label → socket.io-client Manager options; `client` is what the real client uses (shared SOCKET_RECONNECT_OPTIONS). */
const VARIANTS = [
  { label: 'client', options: { ...SOCKET_RECONNECT_OPTIONS } },
  { label: 'delay1000_max10000', options: { reconnectionDelay: 1000, reconnectionDelayMax: 10000 } },
  { label: 'delay250_max1000', options: { reconnectionDelay: 250, reconnectionDelayMax: 1000 } },
  // Near-instant retries: what is left is the server working through 500 handshakes and joins at once.
  { label: 'delay100_max500', options: { reconnectionDelay: 100, reconnectionDelayMax: 500 } },
];

async function runVariant(variant, ctx, log) {
  const { cookies, demo } = ctx;
  const fleet = forkHelper(path.join(LIB, 'reconnect-clients.mjs'));
  try {
    const url = ctx.server.url;
    const opened = await fleet.request('open', { url, origin: url, cookies: WATCHERS.map((u) => cookies[u]), n: N, meetingId: demo.meetingId, reconnection: variant.options });
    let chair = await openSocket(url, cookies[CHAIR]);
    let seq;
    try {
      if (!ctx.started) {
        ({ seq } = await command(chair, 'meeting:start', { meetingId: demo.meetingId }));
        ctx.started = true;
      }
      for (let i = 0; i < CHANGES_BEFORE_KILL; i++) {
        ctx.page = nextPage(ctx.page, demo.pageCount);
        ({ seq } = await command(chair, 'presentation:go-to-page', { meetingId: demo.meetingId, documentId: demo.documentId, version: demo.version, page: ctx.page }));
      }
    } finally {
      chair.close();
    }
    await fleet.request('waitSeq', { seq });
    log(`${variant.label}: ${N} sessions live in ${round(opened.open_ms, 0)} ms, all at seq ${seq}; SIGKILL`);

    await fleet.request('arm');
    const killedAt = wallNow();
    await ctx.server.kill('SIGKILL');
    await ctx.server.stop(); // forgets the dead process; the data directory stays
    const probeOut = ctx.profileDir && path.join(ctx.profileDir, `reconnect-${variant.label}`);
    ctx.server = await startServer({
      port: ctx.port,
      dataDir: ctx.dataDir,
      pollMs: 10,
      ...(probeOut ? { nodeArgs: ['--import', path.join(LIB, 'server-probe.mjs')], env: { BENCH_PROBE_OUT: probeOut, BENCH_PROFILE_INTERVAL_US: '500' } } : {}),
    });
    const backAt = ctx.server.healthyAt;
    const bootCpu = cpuMs(ctx.server.pid);
    const fleetCpuAtBack = cpuMs(fleet.pid);
    if (probeOut) ctx.server.child.kill('SIGWINCH');
    await fleet.request('back');

    // The chair carries on as soon as the server answers, racing the clients' reconnections.
    const chairStart = wallNow();
    chair = await openSocket(url, cookies[CHAIR]);
    try {
      for (let i = 0; i < CHANGES_AFTER_RESTART; i++) {
        ctx.page = nextPage(ctx.page, demo.pageCount);
        await command(chair, 'presentation:go-to-page', { meetingId: demo.meetingId, documentId: demo.documentId, version: demo.version, page: ctx.page });
      }
    } finally {
      chair.close();
    }
    const chairMs = wallNow() - chairStart;
    // The truth: a fresh join without afterSeq answers the server's snapshot.
    const fresh = await openSocket(url, cookies[WATCHERS[0]]);
    let target;
    try {
      const ack = await fresh.timeout(30_000).emitWithAck('live:join', { meetingId: demo.meetingId });
      if (!ack.ok || ack.mode !== 'snapshot') throw new Error(`fresh live:join → ${JSON.stringify(ack).slice(0, 300)}`);
      target = { seq: ack.seq, state: ack.state };
    } finally {
      fresh.close();
    }
    const { clients, event_loop_utilisation: clientElu, event_loop_utilisation_down: clientEluDown } = await fleet.request('resynced', { target, backAt });
    const stormCpu = cpuMs(ctx.server.pid) - bootCpu;
    const fleetCpu = cpuMs(fleet.pid) - fleetCpuAtBack;
    const probe = probeOut ? await readProbe(ctx.server, probeOut) : undefined;
    await fleet.request('close');

    const times = clients.map((c) => c.resynced_ms).filter((x) => x !== null);
    const notResynced = clients.filter((c) => c.resynced_ms === null).length;
    const connected = clients.map((c) => c.connected_ms).filter((x) => x !== null);
    const attempts = clients.map((c) => c.reconnect_attempts);
    const result = {
      label: variant.label,
      reconnection: { ...variant.options, randomizationFactor: variant.options.randomizationFactor ?? 0.5 },
      n: N,
      open_ms: round(opened.open_ms, 0),
      seq_before_kill: seq,
      target_seq: target.seq,
      restart_ms: round(backAt - killedAt, 0),
      // CPU (user + system, all threads, /proc) of the new server process until healthy, and from then until all resynced
      server_boot_cpu_ms: bootCpu,
      server_catch_up_cpu_ms: stormCpu,
      server_catch_up_cpu_ms_per_client: round(stormCpu / N, 2),
      clients_process_catch_up_cpu_ms: fleetCpu,
      chair_changes_after_restart_ms: round(chairMs, 0),
      all_resynced_ms: notResynced ? null : round(Math.max(...times), 0),
      not_resynced: notResynced,
      seq_right_state_wrong: clients.filter((c) => c.seq_without_state).length,
      resync_ms: describe(times, 0),
      // Relative to backAt: negative = the socket's reconnect attempt landed before the health check answered.
      reconnected_ms: describe(connected, 0),
      last_reconnect_to_all_resynced_ms: notResynced ? null : round(Math.max(...times) - Math.max(...connected), 0),
      reconnect_attempts: { p50: percentile(attempts, 50), max: Math.max(...attempts), histogram: histogram(attempts) },
      join_modes: {
        events_with_missed: clients.filter((c) => c.join_mode === 'events' && c.join_events > 0).length,
        events_none_missed: clients.filter((c) => c.join_mode === 'events' && c.join_events === 0).length,
        snapshot: clients.filter((c) => c.join_mode === 'snapshot').length,
        no_join: clients.filter((c) => c.join_mode === null).length,
      },
      extra_syncs: clients.reduce((a, c) => a + c.syncs, 0),
      // the clients' process: while the server was down (failed attempts), and from back to all resynced
      client_process_event_loop_utilisation: { server_down: round(clientEluDown, 3), catching_up: round(clientElu, 3) },
      ...(probe ? { server_probe: probe } : {}),
    };
    log(
      `${variant.label}: restart ${result.restart_ms} ms (server CPU ${bootCpu} ms); server CPU until all resynced ${stormCpu} ms; all ${N} resynced ${result.all_resynced_ms} ms after the server was back ` +
        `(p50 ${result.resync_ms.p50}, p99 ${result.resync_ms.p99}); reconnects p50 ${result.reconnected_ms.p50} / max ${result.reconnected_ms.max} ms; ` +
        `joins: ${JSON.stringify(result.join_modes)}; attempts ${JSON.stringify(result.reconnect_attempts.histogram)}`,
    );
    return result;
  } finally {
    await fleet.stop();
  }
}

/** Ends the server probe's window (bench/lib/server-probe.mjs) and reads what it wrote. */
async function readProbe(server, base) {
  server.child.kill('SIGWINCH');
  for (let i = 0; i < 100 && !fs.existsSync(`${base}.json`); i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 300));
  const { sql, prepares, ...report } = JSON.parse(fs.readFileSync(`${base}.json`, 'utf8'));
  return { files: [`${base}.cpuprofile`, `${base}.json`], ...report, sql: sql.slice(0, 15), prepares: prepares.slice(0, 10), cpu: summariseProfile(JSON.parse(fs.readFileSync(`${base}.cpuprofile`, 'utf8'))) };
}

function histogram(xs) {
  const h = {};
  for (const x of xs) h[x] = (h[x] ?? 0) + 1;
  return h;
}

export default async function run({ log }) {
  const data = tempDir('phonghop-bench-reconnect-');
  let server = await startServer({ dataDir: data.dir });
  const profileDir = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : null;
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  const ctx = { server, port: server.port, dataDir: data.dir, started: false, page: 1, profileDir };
  try {
    ctx.cookies = await loginAll(server.url, [CHAIR, ...WATCHERS]);
    ctx.demo = await demoMeeting(server.url, ctx.cookies[CHAIR]);
    const variants = [];
    for (const v of VARIANTS) variants.push(await runVariant(v, ctx, log));
    server = ctx.server;

    const [real, ...others] = variants;
    const summary = {
      [`all_resynced_ms_${N}`]: real.all_resynced_ms,
      [`resync_p50_ms_${N}`]: real.resync_ms.p50,
      [`resync_p99_ms_${N}`]: real.resync_ms.p99,
      [`resynced_by_events_${N}`]: real.join_modes.events_with_missed,
      [`resynced_live_after_empty_join_${N}`]: real.join_modes.events_none_missed,
      [`resynced_by_snapshot_${N}`]: real.join_modes.snapshot,
      not_resynced: real.not_resynced,
      server_restart_ms: real.restart_ms,
      server_boot_cpu_ms: real.server_boot_cpu_ms,
      server_catch_up_cpu_ms_per_client: real.server_catch_up_cpu_ms_per_client,
      reconnect_max_ms: real.reconnected_ms.max,
    };
    for (const v of others) {
      summary[`all_resynced_ms_${N}_${v.label}`] = v.all_resynced_ms;
      summary[`resync_p99_ms_${N}_${v.label}`] = v.resync_ms.p99;
    }
    return {
      summary,
      definitions: {
        [`all_resynced_ms_${N}`]: `the restarted server's first /api/health → 200 (polled every 10 ms) → the last of the ${N} LiveSessions to hold the server's seq and a state deep-equal to a fresh join's snapshot, with the real client's reconnection options (SOCKET_RECONNECT_OPTIONS: reconnectionDelay ${SOCKET_RECONNECT_OPTIONS.reconnectionDelay}, reconnectionDelayMax ${SOCKET_RECONNECT_OPTIONS.reconnectionDelayMax}, randomizationFactor ${SOCKET_RECONNECT_OPTIONS.randomizationFactor})`,
        resynced_by_events: 'clients whose rejoin (live:join with afterSeq) answered the events they missed',
        resynced_live_after_empty_join: 'clients that rejoined before the chair\'s post-restart changes (nothing missed) and got them live',
        '*_<label>': 'the same with other reconnection options (see variants[].reconnection)',
      },
      changes: { before_kill: CHANGES_BEFORE_KILL, after_restart: CHANGES_AFTER_RESTART },
      variants,
    };
  } finally {
    await ctx.server.stop();
    data.remove();
  }
}
