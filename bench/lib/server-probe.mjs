// Loaded into the *built* server only when a benchmark profiles it (`node --import bench/lib/server-probe.mjs
// server/dist/main.js`); the server's code is not touched. SIGWINCH starts a measuring window, the next SIGWINCH ends
// it and writes $BENCH_PROBE_OUT.cpuprofile (V8 CPU profile, see profile-summary.mjs) and $BENCH_PROBE_OUT.json:
// - sql: every better-sqlite3 statement run in the window, by SQL text with numbers as # (count, total ms), and
//   every prepare (TypeORM caches prepared statements by their exact text);
// - socket.io: per incoming event name, the time from the packet's arrival to its ack; per handshake, the time
//   from the namespace taking the client to its connect (the auth middleware); around each `live:event`
//   broadcast, the time in the broadcast call;
// - GC pauses; the event loop's delay and utilisation over the window;
// - $BENCH_PROBE_OUT.trace.json: each incoming event, ack, SQLite statement, PostgreSQL query, broadcast and GC pause
//   with its time, to lay a burst out on the clients' clock (vote-burst's per-burst timeline).
// BENCH_PROFILE_INTERVAL_US=0 leaves the CPU sampler off (it slows JavaScript down); the rest is still measured.
// Not SIGUSR2: Nest's enableShutdownHooks() shuts the server down on it.
import fs from 'node:fs';
import { Session } from 'node:inspector';
import { createRequire } from 'node:module';
import path from 'node:path';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';

const ROOT = path.resolve(import.meta.dirname, '../..');
const out = process.env.BENCH_PROBE_OUT ?? path.join(process.cwd(), `server-${process.pid}`);
const serverRequire = createRequire(path.join(ROOT, 'server/package.json'));
// The modules the server itself loads: socket.io through the Nest adapter, better-sqlite3 through TypeORM.
const nestRequire = createRequire(serverRequire.resolve('@nestjs/platform-socket.io'));
const typeormRequire = createRequire(serverRequire.resolve('typeorm'));

let on = false;
const sampling = process.env.BENCH_PROFILE_INTERVAL_US !== '0';
let window = null;
const now = () => performance.now();

function fresh() {
  return { started: now(), sql: new Map(), prepares: new Map(), preparedTexts: new Set(), events: new Map(), handshakes: [], broadcasts: [], gc: [], trace: [], elu: performance.eventLoopUtilization() };
}
/** One trace entry [ms, what, ms it took], up to a bound so that a long window cannot fill the memory. */
const TRACE_MAX = 200_000;
const traced = (t, what, ms) => {
  if (window.trace.length < TRACE_MAX) window.trace.push(ms === undefined ? [t, what] : [t, what, ms]);
};
const addTo = (map, key, ms) => {
  const e = map.get(key) ?? { count: 0, total_ms: 0, samples: [] };
  e.count++;
  e.total_ms += ms;
  if (e.samples.length < 5000) e.samples.push(ms);
  map.set(key, e);
};

// better-sqlite3: wrap the Statement prototype's run/get/all/iterate at the first prepare.
const Database = typeormRequire('better-sqlite3');
const prepare = Database.prototype.prepare;
let patchedStatement = false;
const texts = new WeakMap(); // statement → normalised text, so the probe costs little per call
const normalise = (sql) => sql.replace(/\s+/g, ' ').replace(/\b\d+\b/g, '#').slice(0, 240);
Database.prototype.prepare = function (sql, ...rest) {
  const t = on ? now() : 0;
  const stmt = prepare.call(this, sql, ...rest);
  if (on) {
    addTo(window.prepares, normalise(sql), now() - t);
    window.preparedTexts.add(sql);
  }
  if (!patchedStatement) {
    patchedStatement = true;
    const proto = Object.getPrototypeOf(stmt);
    for (const m of ['run', 'get', 'all', 'iterate']) {
      const original = proto[m];
      proto[m] = function (...args) {
        if (!on) return original.apply(this, args);
        const t = now();
        try {
          return original.apply(this, args);
        } finally {
          const ms = now() - t;
          let text = texts.get(this);
          if (text === undefined) texts.set(this, (text = normalise(this.source)));
          addTo(window.sql, text, ms);
          traced(t, 'sql:' + text.slice(0, 30), ms);
        }
      };
    }
  }
  return stmt;
};

// pg (PostgreSQL runs): each query's send and answer, for the trace
try {
  const pg = typeormRequire('pg');
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, ...rest) {
    if (!on) return query.call(this, config, ...rest);
    const t = now();
    const text = 'pg:' + String(typeof config === 'string' ? config : config?.text).replace(/\s+/g, ' ').slice(0, 30);
    const done = () => traced(t, text, now() - t);
    const cb = rest.findIndex((x) => typeof x === 'function');
    if (cb >= 0) {
      const fn = rest[cb];
      rest[cb] = (...a) => (done(), fn(...a));
      return query.call(this, config, ...rest);
    }
    const out = query.call(this, config, ...rest);
    if (out && typeof out.then === 'function') out.then(done, done);
    return out;
  };
} catch {
  // no pg: SQLite only
}

// socket.io
const { Socket, Namespace } = nestRequire('socket.io');
// not exported: required by absolute path, which is the same module instance socket.io itself loaded
const { BroadcastOperator } = nestRequire(path.join(path.dirname(nestRequire.resolve('socket.io')), 'broadcast-operator.js'));
const onevent = Socket.prototype.onevent;
const ack = Socket.prototype.ack;
let arriving = null;
let lastArrival = null; // the last incoming event, to time a command's handling up to its broadcast
Socket.prototype.onevent = function (packet) {
  if (on) {
    arriving = lastArrival = { name: packet.data?.[0], t: now() };
    traced(arriving.t, 'in:' + arriving.name);
  }
  try {
    return onevent.call(this, packet);
  } finally {
    arriving = null;
  }
};
Socket.prototype.ack = function (id) {
  const reply = ack.call(this, id);
  if (!on || !arriving) return reply;
  const { name, t } = arriving;
  return function (...args) {
    if (!on) return reply.apply(this, args);
    const a = now();
    addTo(window.events, name, a - t);
    try {
      return reply.apply(this, args);
    } finally {
      traced(a, 'ack:' + name, now() - a);
    }
  };
};
const add = Namespace.prototype._add;
Namespace.prototype._add = function (client, auth, fn) {
  if (!on || !fn) return add.call(this, client, auth, fn);
  const t = now();
  return add.call(this, client, auth, (socket) => {
    if (on) window.handshakes.push(now() - t);
    return fn(socket);
  });
};
const broadcastEmit = BroadcastOperator.prototype.emit;
BroadcastOperator.prototype.emit = function (ev, ...args) {
  if (!on || (ev !== 'live:event' && ev !== 'live:events')) return broadcastEmit.call(this, ev, ...args);
  const t = now();
  try {
    return broadcastEmit.call(this, ev, ...args);
  } finally {
    traced(t, 'bcast', now() - t);
    window.broadcasts.push({ at: t - window.started, ms: now() - t, after_arrival_ms: lastArrival ? t - lastArrival.t : null });
    lastArrival = null;
  }
};

// CPU profile and event-loop delay
const session = new Session();
session.connect();
const post = (method, params = {}) => new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
const delay = monitorEventLoopDelay({ resolution: 5 });
const GC_KINDS = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weakcb' };
new PerformanceObserver((list) => {
  if (!on) return;
  for (const e of list.getEntries()) {
    traced(e.startTime, 'gc', e.duration);
    window.gc.push({ at: e.startTime - window.started, ms: e.duration, kind: GC_KINDS[e.detail?.kind] ?? String(e.detail?.kind) });
  }
}).observe({ entryTypes: ['gc'] });

const pct = (xs, p) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const r3 = (x) => (x === null ? null : Math.round(x * 1000) / 1000);
const dist = (xs) => ({ n: xs.length, p50: r3(pct(xs, 50)), p99: r3(pct(xs, 99)), max: r3(pct(xs, 100)), total: r3(xs.reduce((a, b) => a + b, 0)) });

process.on('SIGWINCH', () => {
  void (async () => {
    if (!on) {
      window = fresh();
      delay.reset();
      delay.enable();
      if (sampling) {
        await post('Profiler.enable');
        await post('Profiler.setSamplingInterval', { interval: Number(process.env.BENCH_PROFILE_INTERVAL_US ?? 200) });
        await post('Profiler.start');
      }
      on = true;
      return;
    }
    on = false;
    delay.disable();
    const { profile } = sampling ? await post('Profiler.stop') : { profile: { nodes: [], samples: [], timeDeltas: [], startTime: 0, endTime: 0 } };
    const w = window;
    const sql = [...w.sql].map(([text, e]) => ({ sql: text, count: e.count, total_ms: r3(e.total_ms), p50_ms: r3(pct(e.samples, 50)) })).sort((a, b) => b.total_ms - a.total_ms);
    const prepares = [...w.prepares].map(([text, e]) => ({ sql: text, count: e.count, total_ms: r3(e.total_ms) })).sort((a, b) => b.total_ms - a.total_ms);
    const report = {
      window_ms: r3(now() - w.started),
      event_loop: {
        utilisation: r3(performance.eventLoopUtilization(w.elu).utilization),
        delay_ms: { p50: r3(delay.percentile(50) / 1e6), p99: r3(delay.percentile(99) / 1e6), max: r3(delay.max / 1e6) },
      },
      sql_total: { statements: sql.reduce((a, s) => a + s.count, 0), ms: r3(sql.reduce((a, s) => a + s.total_ms, 0)) },
      sql,
      prepare_total: { prepares: prepares.reduce((a, s) => a + s.count, 0), distinct_texts: w.preparedTexts.size, ms: r3(prepares.reduce((a, s) => a + s.total_ms, 0)) },
      prepares,
      events: Object.fromEntries([...w.events].map(([name, e]) => [name, dist(e.samples)])),
      handshakes_ms: dist(w.handshakes),
      broadcasts_ms: dist(w.broadcasts.map((b) => b.ms)),
      // from the command's arrival to the start of its broadcast (validation, DB transaction, hashing…)
      arrival_to_broadcast_ms: dist(w.broadcasts.map((b) => b.after_arrival_ms).filter((x) => x !== null)),
      gc_ms: Object.fromEntries([...new Set(w.gc.map((g) => g.kind))].map((kind) => [kind, dist(w.gc.filter((g) => g.kind === kind).map((g) => g.ms))])),
      // the slowest handlings, with any GC that overlapped them: [ms after arrival, broadcast ms, overlapping GC ms]
      slowest_handlings: w.broadcasts
        .filter((b) => b.after_arrival_ms !== null)
        .sort((a, b) => b.after_arrival_ms - a.after_arrival_ms)
        .slice(0, 5)
        .map((b) => [r3(b.after_arrival_ms), r3(b.ms), r3(w.gc.filter((g) => g.at < b.at && g.at + g.ms > b.at - b.after_arrival_ms).reduce((a, g) => a + g.ms, 0))]),
    };
    fs.writeFileSync(`${out}.cpuprofile`, JSON.stringify(profile));
    // [epoch ms, what, ms it took]: lines up with a client's clock (performance.timeOrigin + now())
    fs.writeFileSync(`${out}.trace.json`, JSON.stringify(w.trace.sort((a, b) => a[0] - b[0]).map(([t, ...x]) => [performance.timeOrigin + t, ...x])));
    fs.writeFileSync(`${out}.json`, JSON.stringify(report, null, 1));
  })();
});
