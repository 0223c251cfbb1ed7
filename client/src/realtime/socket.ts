import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@phonghop/shared';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One socket per signed-in tab, same origin, authenticated by the session cookie. */
export function createSocket(): AppSocket {
  return io({
    path: '/socket.io',
    withCredentials: true,
    autoConnect: false,
    reconnection: true,
    // A meeting room's LAN: after a server restart or a Wi-Fi drop every tablet should be back within ~2 s
    // (bench `reconnect`); the 0.5 randomisation spreads a few hundred tablets' retries over each interval.
    reconnectionDelay: 500,
    reconnectionDelayMax: 2000,
    randomizationFactor: 0.5,
  });
}

/** Socket.IO hands middleware refusals over as `err.data`; the server puts `{ code, message }` there. */
export function handshakeErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { code?: unknown } } | null)?.data;
  return typeof data?.code === 'string' ? data.code : undefined;
}
