import net from 'node:net';

/**
 * A TCP forwarder on 127.0.0.1 for tests that need the network to misbehave: tablets behind flaky Wi-Fi, or a
 * load balancer in front of server nodes. It knows nothing of HTTP or WebSocket; it moves bytes.
 */
export interface TcpProxy {
  readonly port: number;
  /** `http://127.0.0.1:<port>`, to give to a socket.io client instead of the server's own URL. */
  readonly url: string;
  /**
   * The network drops, as Wi-Fi does: every forwarded connection is reset at both ends (no close handshake, no
   * socket.io goodbye) and each new one is reset on arrival, until restore().
   */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  upstream?: net.Socket;
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** The first of `ports` that accepts a connection, tried in order (a refused node is skipped). */
async function connectFirst(ports: readonly number[]): Promise<net.Socket> {
  let last: unknown = new Error('no upstream port');
  for (const port of ports) {
    try {
      return await connect(port);
    } catch (error) {
      last = error;
    }
  }
  throw last;
}

const reset = (socket: net.Socket | undefined) => {
  if (socket && !socket.destroyed) socket.resetAndDestroy();
};

/**
 * Listens on a free port; each accepted connection is forwarded to the first port of `upstreams()` that accepts
 * one, asked anew per connection. `() => [b, a]` is a load balancer that prefers node B while it is up.
 */
export async function startTcpProxy(upstreams: () => readonly number[]): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let down = false;

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    client.on('error', () => undefined); // a reset peer is what this proxy is for
    if (down) return reset(client);
    const pair: Pair = { client };
    pairs.add(pair);
    client.once('close', () => {
      pairs.delete(pair);
      reset(pair.upstream);
    });
    connectFirst(upstreams()).then(
      (upstream) => {
        upstream.on('error', () => undefined);
        if (down || client.destroyed) {
          upstream.resetAndDestroy();
          return reset(client);
        }
        pair.upstream = upstream;
        // The server going away (killed, or closing) takes the client's connection with it, and vice versa.
        upstream.once('close', () => reset(client));
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      },
      () => reset(client),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;

  const cutAll = () => {
    for (const pair of pairs) {
      reset(pair.client);
      reset(pair.upstream);
    }
    pairs.clear();
  };

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    cut() {
      down = true;
      cutAll();
    },
    restore() {
      down = false;
    },
    async close() {
      down = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      cutAll();
      await closed;
    },
  };
}
