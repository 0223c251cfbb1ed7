// Forked by bench/vote-burst.mjs: N voters' tablets *and* the chair in one process (one clock for every emit,
// ack and receipt). Each voter is a socket.io client (websocket) that checked in and joined the meeting's live room,
// as a tablet does, so it also receives every fact of the burst (each ballot's `vote.ballot-cast`, batched by the server
// into one packed `live:events` message per committed batch).
import { randomUUID } from 'node:crypto';
import { unpackEvents } from '@phonghop/shared';
import { serve } from './ipc.mjs';
import { openSocket } from './live.mjs';
import { cpuMs } from './proc-cpu.mjs';

const now = () => performance.now();
let chair = null;
let voters = [];
let meetingId = null;
/** The round being measured: which vote, and when each voter saw its opening and its published result. */
let current = null;

const connect = (url, cookie, origin) => openSocket(url, cookie, { origin, timeoutMs: 30_000 });

async function command(socket, name, body) {
  const ack = await socket.timeout(60_000).emitWithAck(name, { meetingId, idempotencyKey: randomUUID(), ...body });
  if (!ack.ok) throw new Error(`${name} → ${JSON.stringify(ack)}`);
  return ack;
}

async function until(what, done, timeoutMs) {
  const deadline = now() + timeoutMs;
  while (!done()) {
    if (now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

serve({
  /** The chair starts the meeting; `cookies.length` voters connect (`concurrency` at a time), check in and join the room. */
  async open({ url, origin, chairCookie, cookies, meetingId: id, concurrency = 25 }) {
    meetingId = id;
    const started = now();
    chair = await connect(url, chairCookie, origin);
    await command(chair, 'meeting:start', {});
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < cookies.length; i = next++) {
        const socket = await connect(url, cookies[i], origin);
        await command(socket, 'attendance:check-in', {});
        const joined = await socket.timeout(60_000).emitWithAck('live:join', { meetingId });
        if (!joined.ok) throw new Error(`live:join → ${JSON.stringify(joined)}`);
        const onEvent = (event) => {
          if (!current || event.payload?.voteId !== current.voteId) return;
          if (event.type === 'vote.opened') current.opened++;
          else if (event.type === 'vote.ballot-cast') current.facts++;
          else if (event.type === 'vote.published' && Number.isNaN(current.publishedAt[i])) {
            current.publishedAt[i] = now();
            current.published++;
          }
        };
        socket.on('live:event', onEvent);
        socket.on('live:events', (batch) => unpackEvents(batch).forEach(onEvent));
        voters[i] = socket;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, cookies.length) }, lane));
    return { open_ms: now() - started };
  },

  /**
   * One vote: the chair opens it; once every tablet shows it, all voters cast at once and each sends the same ballot
   * again at once (same key: a retry racing its original); when every ballot is answered the chair closes and, on
   * the close's ack, publishes; the round ends when every tablet has `vote.published`. Times in ms from the burst's
   * start (`sent`, `ack`, `retry_ack`) or from the chair's close (`published`).
   */
  async round({ vote, choices, serverPid }) {
    const n = voters.length;
    const { voteId } = await command(chair, 'vote:create', { vote });
    current = { voteId, opened: 0, facts: 0, published: 0, publishedAt: new Float64Array(n).fill(Number.NaN) };
    await command(chair, 'vote:open', { voteId });
    await until('vote.opened on every tablet', () => current.opened === n, 60_000);

    const sent = new Float64Array(n);
    const ack = new Float64Array(n).fill(Number.NaN);
    const retryAck = new Float64Array(n).fill(Number.NaN);
    const seqs = [];
    const refused = [];
    const elu = performance.eventLoopUtilization();
    const cpu0 = { server: cpuMs(serverPid), clients: process.cpuUsage() };
    const t0 = now();
    const pending = voters.map((socket, i) => {
      const payload = { meetingId, voteId, choices: [choices[i % choices.length]], idempotencyKey: randomUUID() };
      sent[i] = now() - t0;
      const first = socket.timeout(120_000).emitWithAck('vote:cast', payload);
      const retry = socket.timeout(120_000).emitWithAck('vote:cast', payload);
      return Promise.all([
        first.then((a) => ((ack[i] = now() - t0), a)),
        retry.then((a) => ((retryAck[i] = now() - t0), a)),
      ]).then(([a, b]) => {
        if (!a.ok || !b.ok) refused.push({ voter: i, first: a, retry: b });
        seqs[i] = [a.seq ?? null, b.seq ?? null];
      });
    });
    const settled = await Promise.allSettled(pending);
    const burstElu = performance.eventLoopUtilization(elu).utilization;
    const clientCpu = process.cpuUsage(cpu0.clients);
    const serverCpu = cpuMs(serverPid);
    const timedOut = settled.filter((s) => s.status === 'rejected').length;

    const closeAt = now();
    await command(chair, 'vote:close', { voteId });
    const closeAckMs = now() - closeAt;
    await command(chair, 'vote:publish', { voteId });
    const publishAckMs = now() - closeAt;
    await until('vote.published on every tablet', () => current.published === n, 60_000).catch(() => undefined);
    const serverCpuClose = cpuMs(serverPid);
    const published = Array.from(current.publishedAt, (t) => (Number.isNaN(t) ? null : t - closeAt));
    const lastAck = Math.max(...ack.filter((x) => !Number.isNaN(x)));
    const ballotFacts = current.facts;
    current = null;
    return {
      voteId,
      t0_epoch_ms: performance.timeOrigin + t0,
      sent: Array.from(sent),
      ack: Array.from(ack),
      retry_ack: Array.from(retryAck),
      seqs,
      refused,
      timed_out: timedOut,
      // every tablet hears every ballot (who voted): n × n facts when nothing was lost on the way
      ballot_facts_received: ballotFacts,
      last_ack_to_close_ms: closeAt - t0 - lastAck,
      close_ack_ms: closeAckMs,
      publish_ack_ms: publishAckMs,
      published,
      client_event_loop_utilisation: burstElu,
      // CPU time, unlike wall time, does not grow when other work on the machine preempts the process
      server_cpu_burst_ms: serverCpu === null || cpu0.server === null ? null : serverCpu - cpu0.server,
      server_cpu_close_ms: serverCpuClose === null || serverCpu === null ? null : serverCpuClose - serverCpu,
      clients_cpu_burst_ms: (clientCpu.user + clientCpu.system) / 1000,
    };
  },

  /**
   * The harness's floor: the same burst (every voter casts and retries at once, acks timed the same way) against the
   * bare Socket.IO server (bare-io-server.mjs), which answers each ballot at once and stores nothing. `n` fresh
   * sockets, closed after `warmup` bursts not counted and `rounds` counted.
   */
  async echo({ url, n, warmup, rounds }) {
    const sockets = [];
    for (let i = 0; i < n; i++) sockets.push(await connect(url, '', url));
    const out = [];
    try {
      for (let r = 0; r < warmup + rounds; r++) {
        const sent = new Float64Array(n);
        const ack = new Float64Array(n).fill(Number.NaN);
        const t0 = now();
        await Promise.all(
          sockets.map((socket, i) => {
            const payload = { meetingId: 'echo', voteId: `echo-${r}`, choices: ['yes'], idempotencyKey: randomUUID() };
            sent[i] = now() - t0;
            const first = socket.timeout(30_000).emitWithAck('vote:cast', payload).then(() => (ack[i] = now() - t0));
            return Promise.all([first, socket.timeout(30_000).emitWithAck('vote:cast', payload)]);
          }),
        );
        if (r >= warmup) out.push(...Array.from(ack, (t, i) => t - sent[i]));
        await new Promise((res) => setTimeout(res, 200));
      }
    } finally {
      for (const s of sockets) s.close();
    }
    return { ack: out };
  },

  async close() {
    for (const s of [...voters, chair]) s?.close();
    voters = [];
    chair = null;
    return {};
  },

  async exit() {
    for (const s of [...voters, chair]) s?.close();
  },
});
