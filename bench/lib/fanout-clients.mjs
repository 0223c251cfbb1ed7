// Forked by bench/fanout.mjs: the listening clients *and* the chair, in one process, so the chair's emit and every
// client's receipt are read from the same clock (performance.now()). Fleets are keyed ('real', 'bare') so both
// servers' clients can stay connected while rounds alternate between them.
import { serve } from './ipc.mjs';
import { openSocket } from './live.mjs';

const fleets = new Map();

const connect = (url, cookie, origin) => openSocket(url, cookie, { origin, timeoutMs: 20_000 });

serve({
  /** `n` sockets (cookies used round-robin), each joined to the meeting's room; `concurrency` handshakes at a time. */
  async connect({ key, url, origin, cookies, n, meetingId, concurrency = 25 }) {
    const fleet = { sockets: [], chair: null, current: null };
    fleets.set(key, fleet);
    const started = performance.now();
    let nextIndex = 0;
    const one = async () => {
      for (let i = nextIndex++; i < n; i = nextIndex++) {
        const socket = await connect(url, cookies[i % cookies.length], origin);
        const ack = await socket.timeout(20_000).emitWithAck('live:join', { meetingId });
        if (!ack.ok) throw new Error(`live:join → ${JSON.stringify(ack)}`);
        socket.on('live:event', (event) => {
          const t = performance.now();
          const round = fleet.current;
          if (!round || event.payload?.page !== round.page || !Number.isNaN(round.at[i])) return;
          round.at[i] = t;
          if (++round.received === n) round.done();
        });
        fleet.sockets[i] = socket;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, n) }, one));
    return { connect_ms: performance.now() - started };
  },

  /** The chair's socket for fleet `key` (not in the room: it sends, it does not count as a receiver). */
  async chair({ key, url, origin, cookie }) {
    fleets.get(key).chair = await connect(url, cookie, origin);
    return {};
  },

  /**
   * One round: the chair emits `presentation:go-to-page` and the round ends when every client of the fleet has the
   * `live:event` for that page (or after `timeoutMs`). Latencies are receipt − emit, in ms, per client.
   */
  async round({ key, command, timeoutMs = 5000 }) {
    const fleet = fleets.get(key);
    const n = fleet.sockets.length;
    const round = { page: command.page, at: new Float64Array(n).fill(Number.NaN), received: 0, done: () => {} };
    const allIn = new Promise((resolve) => (round.done = resolve));
    fleet.current = round;
    const t0 = performance.now();
    const ackP = fleet.chair
      .timeout(timeoutMs)
      .emitWithAck('presentation:go-to-page', command)
      .then(
        (ack) => ({ ack, ms: performance.now() - t0 }),
        (error) => ({ ack: { ok: false, message: String(error) }, ms: null }),
      );
    let timer;
    await Promise.race([allIn, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    const { ack, ms: ackMs } = await ackP;
    fleet.current = null;
    if (!ack.ok) throw new Error(`go-to-page → ${JSON.stringify(ack)}`);
    const latencies = Array.from(round.at, (t) => (Number.isNaN(t) ? null : Math.round((t - t0) * 1000) / 1000));
    return { seq: ack.seq, ack_ms: ackMs, latencies, missing: n - round.received };
  },

  async disconnect({ key }) {
    const fleet = fleets.get(key);
    if (!fleet) return {};
    for (const s of fleet.sockets) s?.close();
    fleet.chair?.close();
    fleets.delete(key);
    return {};
  },

  async exit() {
    for (const fleet of fleets.values()) {
      for (const s of fleet.sockets) s?.close();
      fleet.chair?.close();
    }
  },
});
