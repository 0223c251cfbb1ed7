// The fan-out baseline (and vote-burst's echo floor): a bare Socket.IO server (the very socket.io package the Nest adapter loads, no DB, no
// auth, no Nest) run as a forked helper. `live:join` puts the socket in the meeting's room; the chair's
// `presentation:go-to-page` is broadcast to that room as a `live:event` shaped like the real server's (a template
// event captured from it, with the page, seq and time filled in), then acknowledged like the real command.
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { serve } from './ipc.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Resolve socket.io from where the server's adapter (@nestjs/platform-socket.io) resolves it.
const nestRequire = createRequire(createRequire(path.join(ROOT, 'server/package.json')).resolve('@nestjs/platform-socket.io'));
const { Server } = nestRequire('socket.io');
const version = nestRequire('socket.io/package.json').version;

let httpServer;
let io;
let template;
let seq = 0;

serve({
  async start({ event }) {
    template = event;
    seq = event.seq;
    httpServer = http.createServer();
    // BENCH_BARE_RECOVERY=1: with the real gateway's connectionStateRecovery, to see what that option costs.
    const recovery = process.env.BENCH_BARE_RECOVERY === '1' ? { connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false } } : {};
    io = new Server(httpServer, { path: '/socket.io', serveClient: false, ...recovery });
    io.on('connection', (socket) => {
      socket.on('live:join', ({ meetingId }, ack) => {
        socket.join(`meeting:${meetingId}`);
        ack?.({ ok: true });
      });
      // vote-burst's floor: a ballot answered at once, with nothing stored and nothing broadcast
      socket.on('vote:cast', (body, ack) => {
        seq += 1;
        ack?.({ ok: true, seq, voteId: body.voteId });
      });
      socket.on('presentation:go-to-page', (body, ack) => {
        seq += 1;
        const event = { ...template, seq, payload: { ...template.payload, page: body.page }, at: new Date().toISOString() };
        io.to(`meeting:${body.meetingId}`).emit('live:event', event);
        ack?.({ ok: true, seq });
      });
    });
    await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    return { port: httpServer.address().port, socketio_version: version, pid: process.pid, connection_state_recovery: Boolean(recovery.connectionStateRecovery) };
  },
  async exit() {
    io?.close();
  },
});
