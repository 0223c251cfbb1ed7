import { DEMO_CHAIR, DEMO_ROOM, type DemoMeeting, demoMeeting, type LiveClient, type LiveClientOptions, loginAll, openLiveClient } from './live-clients.js';
import { closeAllSockets, type ServerProcess, type StartOptions, startServer } from './server-process.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

/**
 * The demo meeting's live room on one server, as the fault tests use it: every account of the room logged in once,
 * a TCP proxy in front of the server for the tablets whose network a test cuts, and the tablets opened so far.
 */
export interface LiveRoom {
  readonly server: ServerProcess;
  readonly cookies: Record<string, string>;
  readonly meeting: DemoMeeting;
  readonly proxy: TcpProxy;
  readonly clients: LiveClient[];
  /** A tablet of `username` on `url` (the server's or the proxy's), kept in `clients`. */
  open(url: string, username: string, name: string, options?: LiveClientOptions): LiveClient;
  /** Closes the tablets and every other socket, then the proxy, then stops the server. */
  close(): Promise<void>;
}

export async function startLiveRoom(options: StartOptions = {}): Promise<LiveRoom> {
  const server = await startServer(options);
  try {
    const cookies = await loginAll(server.url, DEMO_ROOM);
    const meeting = await demoMeeting(server.url, cookies[DEMO_CHAIR]);
    const proxy = await startTcpProxy(() => [server.port]);
    const clients: LiveClient[] = [];
    return {
      server,
      cookies,
      meeting,
      proxy,
      clients,
      open(url, username, name, clientOptions = {}) {
        const client = openLiveClient(url, cookies[username], meeting.id, name, clientOptions);
        clients.push(client);
        return client;
      },
      async close() {
        for (const c of clients) c.close();
        closeAllSockets();
        await proxy.close();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
