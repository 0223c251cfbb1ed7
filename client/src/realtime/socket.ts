import { io, type Socket } from 'socket.io-client';
import { type ClientToServerEvents, type ServerToClientEvents, SOCKET_RECONNECT_OPTIONS } from '@phonghop/shared';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One socket per signed-in tab, same origin, authenticated by the session cookie. */
export function createSocket(): AppSocket {
  return io({
    path: '/socket.io',
    withCredentials: true,
    autoConnect: false,
    reconnection: true,
    ...SOCKET_RECONNECT_OPTIONS,
  });
}

/** Socket.IO hands middleware refusals over as `err.data`; the server puts `{ code, message }` there. */
export function handshakeErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { code?: unknown } } | null)?.data;
  return typeof data?.code === 'string' ? data.code : undefined;
}
