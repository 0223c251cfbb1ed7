// Forked by bench/reconnect.mjs: N LiveSessions (the class the tablets run, from @phonghop/shared) on sockets with
// the given reconnection options. After `arm`, every view change is recorded with a wall-clock time, so once the
// benchmark knows the server's final state it can tell when each client first held exactly that state.
import { isDeepStrictEqual } from 'node:util';
import { LiveSession } from '@phonghop/shared';
import { io } from 'socket.io-client';
import { serve } from './ipc.mjs';
import { wallNow } from './stats.mjs';

let clients = [];
let armed = false;
let eluAtArm = null;
let eluAtBack = null;

/** The socket as LiveSession sees it, plus a record of what each `live:join` answered (events or snapshot). */
function observed(socket, client) {
  return {
    get connected() {
      return socket.connected;
    },
    on: (event, listener) => socket.on(event, listener),
    off: (event, listener) => socket.off(event, listener),
    timeout: (ms) => ({
      async emitWithAck(event, payload) {
        const ack = await socket.timeout(ms).emitWithAck(event, payload);
        if (armed && (event === 'live:join' || event === 'live:sync') && ack?.ok) {
          client.joins.push({ at: wallNow(), event, mode: ack.mode, events: ack.mode === 'events' ? ack.events.length : null, afterSeq: payload.afterSeq ?? null });
        }
        return ack;
      },
    }),
  };
}

serve({
  /** `n` sessions (cookies round-robin), `concurrency` connecting at a time; resolves when all are live. */
  async open({ url, origin, cookies, n, meetingId, reconnection, concurrency = 25 }) {
    const started = performance.now();
    let next = 0;
    const one = async () => {
      for (let i = next++; i < n; i = next++) {
        const socket = io(url, {
          path: '/socket.io',
          transports: ['websocket'],
          forceNew: true,
          extraHeaders: { cookie: cookies[i % cookies.length], origin },
          reconnection: true,
          ...reconnection,
        });
        const client = { socket, session: null, joins: [], trace: [], disconnectedAt: null, connectedAt: null, attempts: 0 };
        client.session = new LiveSession(observed(socket, client), meetingId);
        client.session.subscribe((view) => {
          if (armed) client.trace.push({ at: wallNow(), seq: view.seq, connection: view.connection, state: view.state });
        });
        socket.on('disconnect', () => {
          if (armed && client.disconnectedAt === null) client.disconnectedAt = wallNow();
        });
        socket.on('connect', () => {
          if (armed && client.connectedAt === null) client.connectedAt = wallNow();
        });
        socket.io.on('reconnect_attempt', () => {
          if (armed) client.attempts++;
        });
        clients[i] = client;
        await client.session.ready();
        if (client.session.view.error) throw new Error(`client ${i}: ${JSON.stringify(client.session.view.error)}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, n) }, one));
    return { open_ms: performance.now() - started };
  },

  /** Resolves once every session is live at `seq` (after the chair's changes reached everyone). */
  async waitSeq({ seq, timeoutMs = 30_000 }) {
    const deadline = performance.now() + timeoutMs;
    while (clients.some((c) => c.session.view.seq !== seq || c.session.view.connection !== 'live')) {
      if (performance.now() > deadline) throw new Error(`not all sessions reached seq ${seq}: ${clients.filter((c) => c.session.view.seq !== seq).length} behind`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return {};
  },

  /** From now on record disconnects, reconnects, joins and every view change. */
  async arm() {
    for (const c of clients) Object.assign(c, { joins: [], trace: [], disconnectedAt: null, connectedAt: null, attempts: 0 });
    armed = true;
    eluAtArm = performance.eventLoopUtilization();
    return {};
  },

  /** The server answers again (for this process's event-loop utilisation while the clients catch up). */
  async back() {
    eluAtBack = performance.eventLoopUtilization();
    return {};
  },

  /**
   * Waits (up to `timeoutMs`) until every session holds `target` (seq and deep-equal state, connection live), then
   * reports per client the first time it did, relative to `backAt` (the server's first healthy answer).
   */
  async resynced({ target, backAt, timeoutMs = 60_000 }) {
    // Polling compares seqs only (cheap, so it does not slow the clients it watches); states are compared after.
    const atTarget = (v) => v.connection === 'live' && v.seq === target.seq;
    const equalCache = new Map();
    const sameState = (state) => {
      if (!equalCache.has(state)) equalCache.set(state, isDeepStrictEqual(JSON.parse(JSON.stringify(state)), target.state));
      return equalCache.get(state);
    };
    const matches = (v) => atTarget(v) && sameState(v.state);
    const deadline = performance.now() + timeoutMs;
    while (!clients.every((c) => atTarget(c.session.view)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    armed = false;
    // How busy this process was while the clients caught up: near 1 would mean the harness, not the server, limits.
    const eventLoopUtilisation = performance.eventLoopUtilization(eluAtBack).utilization;
    const perClient = clients.map((c) => {
      const hit = c.trace.find(matches);
      const lastJoin = c.joins.filter((j) => j.event === 'live:join').at(-1) ?? null;
      return {
        resynced_ms: hit ? hit.at - backAt : null,
        final_seq: c.session.view.seq,
        final_ok: matches(c.session.view),
        seq_without_state: atTarget(c.session.view) && !matches(c.session.view),
        disconnected_ms: c.disconnectedAt === null ? null : c.disconnectedAt - backAt,
        connected_ms: c.connectedAt === null ? null : c.connectedAt - backAt,
        reconnect_attempts: c.attempts,
        join_mode: lastJoin?.mode ?? null,
        join_events: lastJoin?.events ?? null,
        joined_ms: lastJoin ? lastJoin.at - backAt : null,
        syncs: c.joins.filter((j) => j.event === 'live:sync').length,
      };
    });
    return { clients: perClient, event_loop_utilisation: eventLoopUtilisation, event_loop_utilisation_down: performance.eventLoopUtilization(eluAtArm, eluAtBack).utilization };
  },

  async close() {
    for (const c of clients) {
      c.session.close();
      c.socket.close();
    }
    clients = [];
    return {};
  },

  async exit() {
    for (const c of clients) c.socket.close();
  },
});
