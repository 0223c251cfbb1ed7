import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from '@jest/globals';
import { DEMO_CHAIR, liveTruth, waitFor } from '../support/live-clients.js';
import { type LiveRoom, startLiveRoom } from '../support/live-room.js';
import { MeetingScript } from '../support/meeting-script.js';

/**
 * The server comes back with fewer events than a tablet applied (a power cut under synchronous=NORMAL, or a
 * restore from the last backup). The tablet's resync carries the hash of its last event; the server sees the
 * tablet is ahead of its log and answers a `rewound` snapshot, which the tablet takes in place of what it had.
 */
let room: LiveRoom | undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-ahead-'));
const saved = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-ahead-saved-'));
afterAll(async () => {
  await room?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(saved, { recursive: true, force: true });
});

it('a tablet ahead of a server that lost its last events converges to the server state', async () => {
  room = await startLiveRoom({ dataDir });
  const { server, cookies, meeting, clients } = room;
  const open = (u: string) => room!.open(server.url, u, u, { attempts: 20 });
  const chair = open(DEMO_CHAIR);
  const speakers = [open('pct.nam'), open('pct.lan')];
  const tablet = open('thuky');
  await waitFor('room', () => clients.every((c) => c.live), 30_000);
  const script = new MeetingScript(meeting, chair, speakers);
  for (let i = 0; i < 10; i++) await script.next();
  // the state on disk at seq 10 (process gone, files consistent)
  await server.crash();
  for (const f of fs.readdirSync(dataDir)) if (f.startsWith('meeting-room.sqlite')) fs.copyFileSync(path.join(dataDir, f), path.join(saved, f));
  await server.restart();
  await waitFor('back', () => clients.every((c) => c.live), 30_000);
  for (let i = 0; i < 5; i++) await script.next();
  await waitFor('tablet at 15', () => tablet.session.view.seq === 15, 30_000);
  // the last five events are lost
  await server.crash();
  for (const f of fs.readdirSync(dataDir)) if (f.startsWith('meeting-room.sqlite')) fs.rmSync(path.join(dataDir, f));
  for (const f of fs.readdirSync(saved)) fs.copyFileSync(path.join(saved, f), path.join(dataDir, f));
  await server.restart();
  await waitFor('back again', () => clients.every((c) => c.socket.connected && c.session.view.connection === 'live'), 30_000);
  const truth = await liveTruth(server.url, cookies.thuky, meeting.id);
  expect(truth.seq).toBe(10);
  // every tablet dropped the five lost events and holds exactly the server's state
  for (const c of clients) {
    expect(c.session.view.seq).toBe(10);
    expect(c.session.view.state).toEqual(truth.state);
  }
  // the meeting goes on: six pages shown, seq 11..16 on the server
  for (let page = 1; page <= 6; page++) {
    const ack = await chair.session.command('presentation:go-to-page', { documentId: meeting.document.id, version: meeting.document.version, page });
    expect(ack.ok).toBe(true);
  }
  const later = await liveTruth(server.url, cookies.thuky, meeting.id);
  await waitFor('tablet at 16', () => tablet.session.view.seq === 16, 30_000);
  expect(later.seq).toBe(16);
  expect(tablet.session.view.state).toEqual(later.state);
  // the new 11..16 were applied as events after the rewind (the lost 11..15 were applied before it)
  expect(tablet.applied.slice(-6)).toEqual([11, 12, 13, 14, 15, 16]);
}, 120_000);
