import type { ClientSocket } from './server-process.js';

export type AnyAck = { ok: boolean; code?: string; message?: string; seq?: number; voteId?: string; [k: string]: unknown };

export interface Answered {
  ack: AnyAck;
  /** How many times the payload left the socket (1 = answered the first time). */
  attempts: number;
}

const connected = (socket: ClientSocket) =>
  socket.connected ? Promise.resolve() : new Promise<void>((resolve) => (socket as unknown as { once(e: string, f: () => void): void }).once('connect', resolve));

/**
 * Sends `payload` until the server answers, as a tablet does with a command it has no answer for: when the
 * connection drops first (socket.io rejects the pending ack at once), it waits until the socket is connected again
 * and sends the very same payload — the same idempotency key — again. Whoever drives the test reconnects the socket.
 */
export async function emitUntilAnswered(socket: ClientSocket, event: string, payload: unknown, attemptTimeoutMs = 60_000): Promise<Answered> {
  const emit = socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<AnyAck> } };
  for (let attempts = 1; ; attempts++) {
    await connected(socket);
    try {
      return { ack: await emit.timeout(attemptTimeoutMs).emitWithAck(event, payload), attempts };
    } catch {
      // disconnected (or no answer in time): send again once connected
    }
  }
}

/**
 * Connects sockets that were dropped (their reconnection is off, so the test decides when they come back), trying
 * again after a refused handshake; resolves once all are connected.
 */
export async function reconnectAll(sockets: readonly ClientSocket[], timeoutMs = 60_000): Promise<void> {
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve, reject) => {
          if (socket.connected) return resolve();
          let lastError = '';
          const retry = (error: Error) => {
            lastError = error.message;
            setTimeout(() => socket.connect(), 100);
          };
          const done = (error?: Error) => {
            clearTimeout(timer);
            socket.off('connect', onConnect);
            socket.off('connect_error', retry);
            if (error) reject(error);
            else resolve();
          };
          const onConnect = () => done();
          const timer = setTimeout(() => done(new Error(`socket not connected again within ${timeoutMs} ms (${lastError})`)), timeoutMs);
          socket.on('connect', onConnect);
          socket.on('connect_error', retry);
          socket.connect();
        }),
    ),
  );
}
