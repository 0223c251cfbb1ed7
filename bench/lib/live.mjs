// The live room as the benchmarks drive it: demo accounts, the demo meeting and its plan PDF, and a plain
// socket.io client for the chair's set-up commands (start, page changes) from the benchmark process itself.
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { login } from './server.mjs';

export const CHAIR = 'chutich';
/** Every other account that may join the demo meeting's room (members, the display, the secretary). */
export const WATCHERS = ['pct.nam', 'pct.lan', 'cvp.son', 'tp.noivu', 'tp.taichinh', 'tp.tuphap', 'maychieu', 'thuky'];

/** Logs each account in once (argon2 and the login throttle make per-socket logins pointless). */
export async function loginAll(url, usernames) {
  const cookies = {};
  for (const u of usernames) cookies[u] = await login(url, u);
  return cookies;
}

/** The published demo meeting the chair chairs, and its plan PDF (document id, version, pages). */
export async function demoMeeting(url, chairCookie) {
  const get = async (p) => {
    const res = await fetch(`${url}${p}`, { headers: { cookie: chairCookie } });
    if (res.status !== 200) throw new Error(`GET ${p} → ${res.status} ${await res.text()}`);
    return res.json();
  };
  const meetings = await get('/api/meetings');
  const meeting = meetings.find((m) => m.myRole === 'chair');
  if (!meeting) throw new Error(`no meeting chaired by ${CHAIR}: ${JSON.stringify(meetings).slice(0, 300)}`);
  const docs = await get(`/api/meetings/${meeting.id}/documents`);
  const doc = docs.find((d) => d.current?.pageCount > 1);
  if (!doc) throw new Error('the demo meeting has no multi-page document');
  return { meetingId: meeting.id, documentId: doc.id, version: doc.current.version, pageCount: doc.current.pageCount };
}

/**
 * A connected socket (websocket transport, no reconnection), browser-like: Origin = the server itself unless given.
 * With `timeoutMs`, gives up on a handshake that has not connected by then.
 */
export function openSocket(url, cookie, { origin = url, timeoutMs, ...options } = {}) {
  const socket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { cookie, origin },
    ...options,
  });
  return new Promise((resolve, reject) => {
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => reject(new Error(`socket to ${url}: no connect within ${timeoutMs / 1000} s`)), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      socket.close();
      reject(new Error(`socket to ${url}: connect_error: ${error.message} ${JSON.stringify(error.data ?? null)}`));
    });
  });
}

/** Sends a command with a fresh idempotency key; throws on a refusal. */
export async function command(socket, name, body) {
  const ack = await socket.timeout(10_000).emitWithAck(name, { idempotencyKey: randomUUID(), ...body });
  if (!ack.ok) throw new Error(`${name} → ${JSON.stringify(ack)}`);
  return ack;
}

/** The page after `page` (1-based, wrapping), so every page change really changes the page. */
export const nextPage = (page, pageCount) => (page % pageCount) + 1;
