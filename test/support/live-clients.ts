import {
  type AgendaDto,
  type DocumentDto,
  LIVE_CONTROL_COMMANDS,
  type LiveJoinResult,
  LiveSession,
  type LiveSnapshot,
  type MeetingSummaryDto,
  unpackEvents,
  type WelcomeEvent,
} from '@phonghop/shared';
import { type ClientSocket, login, socketClient } from './server-process.js';

/** The demo accounts that sit in the demo meeting, by their meeting role. */
/** The title of the meeting the server seeds on first start (server/src/demo/demo-meeting.ts). */
export const DEMO_TITLE = 'Phiên họp thường kỳ Ủy ban nhân dân huyện (dữ liệu mẫu)';
export const DEMO_CHAIR = 'chutich';
export const DEMO_MEMBERS = ['pct.nam', 'pct.lan', 'cvp.son', 'tp.noivu', 'tp.taichinh', 'tp.tuphap'] as const;
/** Everyone who may enter the demo meeting's live room (the secretary and the projector only watch). */
export const DEMO_ROOM = [DEMO_CHAIR, ...DEMO_MEMBERS, 'thuky', 'maychieu'] as const;

const CONTROL = new Set<string>(LIVE_CONTROL_COMMANDS);

/** A tablet: a reconnecting socket.io client with a LiveSession on one meeting, and what it saw. */
export interface LiveClient {
  readonly name: string;
  readonly socket: ClientSocket;
  readonly session: LiveSession;
  /** Seq of every event the session applied, in the order it applied them (onApplied). */
  readonly applied: number[];
  /** Hash of every applied event, by seq ('' for an event of a packed `live:events` batch other than its last). */
  readonly hashes: Map<number, string>;
  /** Seq of every `live:event` that reached this socket as a broadcast (before the session drops repeats). */
  readonly broadcast: number[];
  /** Control commands as they left the socket (each attempt, with its idempotency key). */
  readonly sent: Array<{ event: string; key: string }>;
  /** The `node` of each `session:welcomed`: one entry per (re)connection. */
  readonly nodes: string[];
  readonly disconnects: number;
  /** Reconnections socket.io recovered (it replayed the missed packets itself). */
  readonly recoveries: number;
  /** Caught up and listening (the session is live on a connected socket). */
  readonly live: boolean;
  close(): void;
}

export interface LiveClientOptions {
  /** Attempts per command before the session gives up (default: LiveSession's); actors ride out a restart. */
  attempts?: number;
  /**
   * Let socket.io recover the connection state after a drop (default true, as a browser does). false: the client
   * reconnects as a fresh socket.io session, as it would to a restarted server or another node, so only the
   * LiveSession's own catch-up (join from its seq) can bring it back in step.
   */
  recovery?: boolean;
}

export function openLiveClient(url: string, cookie: string, meetingId: string, name: string, options: LiveClientOptions = {}): LiveClient {
  const socket = socketClient(url, cookie, { reconnection: true });
  const applied: number[] = [];
  const hashes = new Map<number, string>();
  const broadcast: number[] = [];
  const sent: Array<{ event: string; key: string }> = [];
  const nodes: string[] = [];
  let disconnects = 0;
  let recoveries = 0;
  socket.on('session:welcomed', (w: WelcomeEvent) => nodes.push(w.node));
  socket.on('live:event', (event) => broadcast.push(event.seq));
  socket.on('live:events', (batch) => broadcast.push(...unpackEvents(batch).map((e) => e.seq)));
  socket.on('connect', () => {
    if (socket.recovered) recoveries++;
  });
  socket.on('disconnect', () => {
    disconnects++;
    // socket.io-client asks for recovery when it holds the server's session id (private, no option to turn it off)
    if (options.recovery === false) (socket as unknown as { _pid?: string })._pid = undefined;
  });
  socket.onAnyOutgoing((event: string, payload?: { idempotencyKey?: string }) => {
    if (CONTROL.has(event)) sent.push({ event, key: String(payload?.idempotencyKey) });
  });
  const session = new LiveSession(socket, meetingId, {
    ...(options.attempts !== undefined ? { attempts: options.attempts } : {}),
    onApplied: (event) => {
      applied.push(event.seq);
      hashes.set(event.seq, event.hash);
    },
  });
  return {
    name,
    socket,
    session,
    applied,
    hashes,
    broadcast,
    sent,
    nodes,
    get disconnects() {
      return disconnects;
    },
    get recoveries() {
      return recoveries;
    },
    get live() {
      return socket.connected && session.view.connection === 'live';
    },
    close() {
      session.close();
      socket.disconnect();
    },
  };
}

/**
 * Polls `done` until it holds; on timeout fails with `what` and, if given, `detail()` (what is still missing).
 * A wait, never an assertion about time.
 */
export async function waitFor(what: string, done: () => boolean, timeoutMs: number, detail?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail ? `: ${detail()}` : ''}`);
    await sleep(50);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** 1..n */
export const seqs = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Who is not yet at `seq` and live, for a timeout message. */
export function lagging(clients: readonly LiveClient[], seq: number): string {
  const behind = clients.filter((c) => !c.live || c.session.view.seq !== seq);
  return `${behind.length} of ${clients.length} not live at seq ${seq}: ${behind
    .slice(0, 10)
    .map((c) => `${c.name} (seq ${c.session.view.seq}, ${c.session.view.connection}, socket ${c.socket.connected ? 'up' : 'down'})`)
    .join(', ')}`;
}

/** The server's truth: a fresh client's `live:join` without a seq, which answers a snapshot. */
export async function liveTruth(url: string, cookie: string, meetingId: string): Promise<LiveSnapshot> {
  const socket = socketClient(url, cookie);
  try {
    const ack = (await socket.timeout(15_000).emitWithAck('live:join', { meetingId })) as { ok: true } & LiveJoinResult;
    if (!ack.ok || ack.mode !== 'snapshot') throw new Error(`live:join without a seq did not answer a snapshot: ${JSON.stringify(ack).slice(0, 300)}`);
    return { seq: ack.seq, state: ack.state };
  } finally {
    socket.disconnect();
  }
}

/** Logs each account in once (argon2 is slow on purpose; many tablets share one cookie). */
export async function loginAll(url: string, usernames: readonly string[]): Promise<Record<string, string>> {
  const cookies: Record<string, string> = {};
  for (const username of usernames) cookies[username] = await login(url, username);
  return cookies;
}

export interface DemoMeeting {
  id: string;
  itemIds: string[];
  document: { id: string; version: number; pageCount: number };
}

async function getJson<T>(url: string, cookie: string): Promise<T> {
  const res = await fetch(url, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`GET ${url} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The published demo meeting the server seeds on first start: its agenda items and the plan PDF. */
export async function demoMeeting(url: string, chairCookie: string): Promise<DemoMeeting> {
  const meetings = await getJson<MeetingSummaryDto[]>(`${url}/api/meetings?scope=all`, chairCookie);
  const meeting = meetings.find((m) => m.myRole === 'chair');
  if (!meeting) throw new Error(`no meeting chaired by ${DEMO_CHAIR}: ${JSON.stringify(meetings).slice(0, 300)}`);
  const agenda = await getJson<AgendaDto>(`${url}/api/meetings/${meeting.id}/agenda`, chairCookie);
  const documents = await getJson<DocumentDto[]>(`${url}/api/meetings/${meeting.id}/documents`, chairCookie);
  const pdf = documents[0];
  if (agenda.items.length < 2 || !pdf) throw new Error('the demo meeting needs at least two agenda items and a document');
  return {
    id: meeting.id,
    itemIds: agenda.items.map((i) => i.id),
    document: { id: pdf.id, version: pdf.current.version, pageCount: pdf.current.pageCount },
  };
}
