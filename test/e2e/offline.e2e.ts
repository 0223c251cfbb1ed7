import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import type { AnnotationListDto, DocumentDto, MeetingSummaryDto } from '@phonghop/shared';
import { addNote, layer } from '../support/annotations.js';
import { BrowserApp, norm, TABLET_LANDSCAPE, tid } from '../support/browser.js';
import { type ClientSocket, login, ROOT, socketClient } from '../support/server-process.js';
import { DEMO_TITLE } from '../support/live-clients.js';

/**
 * Issue 6, point 5 (offline), the reading part: a member opens the demo meeting once with the network; the meeting
 * pack downloads in the background and the service worker keeps the app and the meeting's data. Then the Wi-Fi
 * drops (`context.setOffline(true)`): the meeting page reloads, every document of the meeting opens and is paged
 * through to its last page, a note is written on the last one, and the live room shows where the meeting stood (item
 * 2 under discussion), marked as not live. Back online, the note reaches the server exactly once; logging out
 * deletes the copies from the device.
 */

let app: BrowserApp;
let context: BrowserContext;
let page: Page;
let meetingId = '';
let docs: DocumentDto[] = [];
let chair: ClientSocket | undefined;
/** The document version the member annotated offline. */
let noted: { documentId: string; version: number } | undefined;

async function chairCommand(event: string, extra: Record<string, unknown> = {}): Promise<void> {
  const emit = chair as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean; code?: string }> } };
  const ack = await emit.timeout(15_000).emitWithAck(event, { meetingId, idempotencyKey: randomUUID(), ...extra });
  if (!ack.ok) throw new Error(`${event} refused: ${ack.code}`);
}

beforeAll(async () => {
  app = await BrowserApp.start({ name: 'offline', env: { DEMO_SEED: 'true', DEMO_MEETING: 'true' }, timeoutMs: 20_000 });
  const secretary = await login(app.server.url, 'thuky');
  const meetings = (await (await fetch(`${app.server.url}/api/meetings`, { headers: { cookie: secretary } })).json()) as MeetingSummaryDto[];
  meetingId = meetings.find((m) => m.title === DEMO_TITLE)?.id ?? '';
  // a second document beside the demo plan: tracemonkey.pdf (14 pages, embedded fonts)
  const upload = await fetch(`${app.server.url}/api/meetings/${meetingId}/documents`, {
    method: 'POST',
    headers: {
      cookie: secretary,
      'content-type': 'application/pdf',
      'x-file-name': 'tracemonkey.pdf',
      'x-document-metadata': encodeURIComponent(JSON.stringify({ docType: 'tai_lieu_khac', summary: 'Tài liệu tham khảo' })),
    },
    body: fs.readFileSync(path.join(ROOT, 'test/fixtures/pdfs/tracemonkey.pdf')),
  });
  expect(upload.status).toBe(201);
  docs = (await (await fetch(`${app.server.url}/api/meetings/${meetingId}/documents`, { headers: { cookie: secretary } })).json()) as DocumentDto[];
  // the meeting is under way: the chair has started it and opened item 2
  chair = socketClient(app.server.url, await login(app.server.url, 'chutich'));
  const agenda = (await (await fetch(`${app.server.url}/api/meetings/${meetingId}/agenda`, { headers: { cookie: secretary } })).json()) as { items: Array<{ id: string }> };
  await chairCommand('meeting:start');
  await chairCommand('agenda:open-item', { itemId: agenda.items[1].id });
  context = await app.newContext(TABLET_LANDSCAPE);
  page = await app.personPage('member', 'pct.nam', context, `/cuoc-hop/${meetingId}`, (p) => p.locator('[data-testid="document-row"]').first().waitFor());
}, 90_000);

afterAll(async () => {
  chair?.disconnect();
  await app?.close();
});

const cacheNames = () => page.evaluate(() => caches.keys());

describe('reading the meeting pack with no network (Chromium, 1280×800 touch)', () => {
  it('with the network: the pack downloads and the service worker takes the app and the meeting data', async () => {
    await app.step(async () => {
      expect(docs.length).toBe(2);
      await page.locator('[data-testid="pack-status"][data-state="done"]').waitFor({ timeout: 90_000 });
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      // the worker's copies: the app shell (every file of the build) and the meeting's records
      const ready = () =>
        page.evaluate(async (ids) => {
          const api = await caches.open('phonghop-api-v1');
          const shell = await caches.open('phonghop-shell-v1');
          const hasDocs = (await Promise.all(ids.map((id) => api.match(`/api/documents/${id}`)))).every(Boolean);
          return hasDocs && Boolean(await api.match('/api/auth/session')) && (await shell.keys()).some((r) => r.url.includes('/pdfjs/standard_fonts/'));
        }, docs.map((d) => d.id));
      for (let i = 0; i < 240 && !(await ready()); i++) await page.waitForTimeout(250);
      expect(await ready()).toBe(true);
      expect(await cacheNames()).toEqual(expect.arrayContaining(['phonghop-pack-v1', 'phonghop-shell-v1', 'phonghop-api-v1']));
      // the member looks in on the live room: item 2 is under discussion
      await page.goto(`/cuoc-hop/${meetingId}/phong-hop`);
      await page.locator('[data-testid="live-connection"][data-state="live"]').waitFor();
      await page.locator('[data-testid="live-current-item"][data-number="2"]').waitFor();
      expect(await tid(page, 'live-stale').count()).toBe(0);
      await page.goto(`/cuoc-hop/${meetingId}`);
    });
  }, 150_000);

  it('offline: the meeting page reloads, every document opens and pages through to its end, the live room shows where the meeting stood', async () => {
    await app.step(async () => {
      await context.setOffline(true);
      await page.reload();
      await page.locator('[data-testid="document-row"]').first().waitFor();
      expect(await page.locator('[data-testid="document-row"]').count()).toBe(docs.length);
      for (const doc of docs) {
        await page.goto(`/cuoc-hop/${meetingId}`);
        await page.locator(`[data-testid="document-row"][data-document-id="${doc.id}"] [data-testid="open-document"]`).tap();
        await page.waitForURL(`**/tai-lieu/${doc.id}`);
        const total = doc.current.pageCount;
        for (const n of [1, total]) {
          if (n !== 1) await page.keyboard.press('End');
          await page.locator(`[data-testid="page-indicator"][data-page="${n}"]`).waitFor();
          expect(norm(await tid(page, 'page-indicator').innerText())).toBe(`Trang ${n}/${total}`);
          await page.locator(`[data-testid="pdf-page"][data-page-number="${n}"][data-rendered="true"]`).waitFor({ timeout: 30_000 });
        }
      }
      // a note on the last page of the last document, with no network: kept on the tablet, counted as unsynced
      const last = docs[docs.length - 1];
      await layer(page, last.current.pageCount).waitFor();
      await addNote(page, last.current.pageCount, 'Ghi chú lúc mất mạng');
      await page.locator('[data-testid="unsynced-count"][data-count="1"]').waitFor();
      noted = { documentId: last.id, version: last.current.version };

      // the live room: where the meeting stood when the tablet last saw it, clearly marked as not live
      await page.goto(`/cuoc-hop/${meetingId}/phong-hop`);
      await page.locator('[data-testid="live-current-item"][data-number="2"]').waitFor();
      await tid(page, 'live-stale').waitFor();
      expect(await tid(page, 'live-connection').getAttribute('data-state')).not.toBe('live');
      app.noPageErrors('member');
    });
  }, 180_000);

  it('online again, the note made offline reaches the server exactly once', async () => {
    await app.step(async () => {
      await context.setOffline(false);
      await page.goto(`/tai-lieu/${noted!.documentId}`);
      await page.locator('[data-testid="unsynced-count"][data-count="0"]').waitFor({ timeout: 20_000 });
      const cookie = await login(app.server.url, 'pct.nam');
      const res = await fetch(`${app.server.url}/api/documents/${noted!.documentId}/annotations?version=${noted!.version}`, { headers: { cookie } });
      const { annotations } = (await res.json()) as AnnotationListDto;
      expect(annotations.filter((a) => a.kind === 'note').map((a) => ({ text: a.kind === 'note' ? a.text : '', rev: a.rev }))).toEqual([{ text: 'Ghi chú lúc mất mạng', rev: 1 }]);
    });
  }, 60_000);

  it('online again, logging out deletes the meeting data, the pack and the live room’s last state from the tablet (the app shell stays)', async () => {
    await app.step(async () => {
      await page.goto('/');
      const liveCopies = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('phonghop.live.')));
      expect(await liveCopies()).toEqual([`phonghop.live.${meetingId}`]);
      await tid(page, 'logout').tap();
      await page.locator('input[name="username"]').waitFor();
      // what the member read leaves with them: no copy of a meeting record, no document file (the app shell stays)
      const held = () =>
        page.evaluate(async () => {
          const count = async (name: string) => ((await caches.has(name)) ? (await (await caches.open(name)).keys()).length : 0);
          return { records: await count('phonghop-api-v1'), files: await count('phonghop-pack-v1'), shell: await count('phonghop-shell-v1') };
        });
      for (let i = 0; i < 40 && ((await held()).records > 0 || (await held()).files > 0); i++) await page.waitForTimeout(250);
      expect(await held()).toEqual({ records: 0, files: 0, shell: expect.any(Number) });
      expect((await held()).shell).toBeGreaterThan(100);
      expect(await liveCopies()).toEqual([]);
    });
  }, 60_000);
});
