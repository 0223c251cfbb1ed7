import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';

/**
 * Socket.IO across server processes through Redis Streams: unlike pub/sub, a node that briefly loses Redis
 * reads the packets it missed from the stream. (Correctness still never depends on it: clients resync by seq.)
 */
export class RedisStreamsIoAdapter extends IoAdapter {
  private client: ReturnType<typeof createClient> | undefined;

  constructor(
    app: INestApplicationContext,
    private readonly url: string,
  ) {
    super(app);
  }

  async connect(): Promise<void> {
    this.client = createClient({ url: this.url });
    this.client.on('error', () => undefined); // reconnects on its own; errors surface in health and logs
    await this.client.connect();
  }

  override createIOServer(port: number, options?: ServerOptions) {
    const server = super.createIOServer(port, options);
    if (!this.client) throw new Error('RedisStreamsIoAdapter.connect() must run before the server starts');
    server.adapter(createAdapter(this.client, { streamName: 'phonghop:socket.io' }));
    return server;
  }

  async disconnect(): Promise<void> {
    await this.client?.quit().catch(() => undefined);
  }
}
