import { Global, Injectable, Module } from '@nestjs/common';
import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '@phonghop/shared';

export type TypedServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * How services send facts to clients without depending on the gateway. With the Redis Streams adapter a
 * `to(room).emit` reaches the sockets of that room on every node.
 */
@Injectable()
export class RealtimeEmitter {
  private server: TypedServer | undefined;

  attach(server: TypedServer): void {
    this.server = server;
  }

  /** Undefined before the gateway starts (CLI scripts, unit tests): emits then go nowhere, by design. */
  get io(): TypedServer | undefined {
    return this.server;
  }

  to(room: string | string[]) {
    return this.server?.to(room);
  }

  /** Tell the sockets of a session why they end, then close them on every node. */
  endSession(sessionRoom: string, reason: Parameters<ServerToClientEvents['session:revoked']>[0]['reason']): void {
    if (!this.server) return;
    this.server.to(sessionRoom).emit('session:revoked', { reason });
    this.server.in(sessionRoom).disconnectSockets(true);
  }
}

@Global()
@Module({ providers: [RealtimeEmitter], exports: [RealtimeEmitter] })
export class RealtimeCoreModule {}
