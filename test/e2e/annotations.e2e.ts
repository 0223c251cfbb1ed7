import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import type { Annotation, AnnotationListDto, DocumentDto, MeetingSummaryDto } from '@phonghop/shared';
import { addNote, drawStroke, layer, visibleArea } from '../support/annotations.js';
import { BrowserApp, norm, TABLET_LANDSCAPE, tid } from '../support/browser.js';
import { login, ROOT } from '../support/server-process.js';
import { DEMO_TITLE } from '../support/live-clients.js';

/**
 * Acceptance (issue 6, points 2 and 3) in Chromium on a 1280×800 touch tablet: a member finds "phòng họp" in the
 * Vietnamese plan, draws a stroke and writes a note on the hit's page; both survive a reload, reach the member's
 * second tablet live, and stay private from another member until shared (then appear live, and go when unshared).
 * Offline, a note is written, counted as unsynced, and reaches the server exactly once when the network returns.
 * When the secretary uploads a new version, the member's mark on page 2 is on page 2 of the new version, marked
 * "từ phiên bản trước".
 */

let app: BrowserApp;
let meetingId = '';
let plan: DocumentDto;
let namCookie = '';
let lanCookie = '';
let secretary = '';
let nam: Page;
let namContext: BrowserContext;
let namTablet2: Page;
let lan: Page;

beforeAll(async () => {
  app = await BrowserApp.start({ name: 'annotations', env: { DEMO_SEED: 'true', DEMO_MEETING: 'true' }, timeoutMs: 20_000 });
  secretary = await login(app.server.url, 'thuky');
  namCookie = await login(app.server.url, 'pct.nam');
  lanCookie = await login(app.server.url, 'pct.lan');
  const meetings = (await (await fetch(`${app.server.url}/api/meetings`, { headers: { cookie: secretary } })).json()) as MeetingSummaryDto[];
  meetingId = meetings.find((m) => m.title === DEMO_TITLE)?.id ?? '';
  const docs = (await (await fetch(`${app.server.url}/api/meetings/${meetingId}/documents`, { headers: { cookie: secretary } })).json()) as DocumentDto[];
  plan = docs.find((d) => d.current.pageCount === 7) as DocumentDto;
  expect(plan).toBeDefined();
}, 90_000);

afterAll(async () => {
  await app?.close();
});

/** The annotations a user gets from the server for the plan's version. */
async function serverList(cookie: string, version = plan.current.version): Promise<Annotation[]> {
  const res = await fetch(`${app.server.url}/api/documents/${plan.id}/annotations?version=${version}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return ((await res.json()) as AnnotationListDto).annotations;
}

async function openPlanAt(page: Page, n: number): Promise<void> {
  await tid(page, 'goto-input').fill(String(n));
  await tid(page, 'goto-input').press('Enter');
  await page.locator(`[data-testid="page-indicator"][data-page="${n}"]`).waitFor();
  await layer(page, n).waitFor();
}

const synced = (page: Page) => page.locator('[data-testid="unsynced-count"][data-count="0"]').waitFor({ timeout: 15_000 });
const readerReady = (p: Page) => p.locator('[data-testid="pdf-page"][data-rendered="true"]').first().waitFor({ timeout: 30_000 });

describe('annotations on the tablet', () => {
  it('finds "phòng họp", draws a stroke and writes a note on that page; a reload shows both', async () => {
    await app.timed('nam: search, draw, note, reload', async () => {
      namContext = await app.newContext(TABLET_LANDSCAPE);
      nam = await app.personPage('nam', 'pct.nam', namContext, `/tai-lieu/${plan.id}`, readerReady);
      await nam.keyboard.press('Control+f');
      await tid(nam, 'search-input').fill('phòng họp');
      await tid(nam, 'search-input').press('Enter');
      await nam.locator('[data-testid="search-status"][data-done="true"][data-total="2"]').waitFor();
      await nam.locator('[data-testid="page-indicator"][data-page="2"]').waitFor();
      await nam.locator('[data-testid="pdf-page"][data-page-number="2"] .textLayer .highlight.selected').first().waitFor();
      await tid(nam, 'search-close').tap();

      await tid(nam, 'tool-pen').tap();
      await expect(tid(nam, 'tool-pen').getAttribute('aria-pressed')).resolves.toBe('true');
      await drawStroke(nam, 2);
      await layer(nam, 2).locator('[data-testid="annotation-ink"]').waitFor();
      await addNote(nam, 2, 'Đề nghị bổ sung kinh phí phòng họp');
      await layer(nam, 2).locator('[data-testid="annotation-note"]').waitFor();
      // "Tô sáng": text selected on the text layer (in reading mode) becomes a highlight
      await tid(nam, 'tool-read').tap();
      const quote = await nam.evaluate(() => {
        const doc = (globalThis as unknown as { document: Document }).document;
        const view = doc.querySelector('[data-testid="pdf-viewer"]')?.getBoundingClientRect();
        // a line the member can see
        const spans = [...doc.querySelectorAll('[data-testid="pdf-page"][data-page-number="2"] .textLayer span')].filter((el) => {
          const r = el.getBoundingClientRect();
          return (el.textContent ?? '').trim().length > 8 && view !== undefined && r.top > view.top + 40 && r.bottom < view.bottom - 120;
        });
        const range = doc.createRange();
        range.selectNodeContents(spans[0]);
        doc.getSelection()?.removeAllRanges();
        doc.getSelection()?.addRange(range);
        return range.toString();
      });
      await tid(nam, 'highlight-selection').tap();
      await layer(nam, 2).locator('[data-testid="annotation-highlight"]').waitFor();
      await synced(nam);
      expect(norm(await tid(nam, 'unsynced-count').innerText())).toBe('Đã đồng bộ ghi chú');

      // on the server, once each, private
      const mine = await serverList(namCookie);
      expect(mine.map((a) => [a.kind, a.page, a.shared]).sort()).toEqual([
        ['highlight', 2, false],
        ['ink', 2, false],
        ['note', 2, false],
      ]);
      expect(mine.find((a) => a.kind === 'highlight')).toMatchObject({ quote });
      // "Tải bản có ghi chú": the member's copy with the marks burned in
      const pdf = await nam.request.get((await tid(nam, 'annotated-pdf').getAttribute('href')) ?? '');
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');

      await nam.reload();
      await readerReady(nam);
      await layer(nam, 2).locator('[data-testid="annotation-ink"]').waitFor();
      await expect(layer(nam, 2).locator('[data-testid="annotation-note"]').getAttribute('title')).resolves.toBe('Đề nghị bổ sung kinh phí phòng họp');
      app.noPageErrors('nam');
    });
  }, 90_000);

  it('a second tablet of the same member shows the marks and receives a new stroke live', async () => {
    await app.timed('nam: second tablet live', async () => {
      const context = await app.newContext(TABLET_LANDSCAPE);
      namTablet2 = await app.personPage('nam-2', 'pct.nam', context, `/tai-lieu/${plan.id}`, readerReady);
      await openPlanAt(namTablet2, 2);
      await layer(namTablet2, 2).locator('[data-testid="annotation-ink"]').waitFor();
      await layer(namTablet2, 2).locator('[data-testid="annotation-note"]').waitFor();

      await tid(nam, 'tool-pen').tap();
      await drawStroke(nam, 2, 0.5);
      // the second stroke arrives without a reload
      await layer(namTablet2, 2).locator('[data-testid="annotation-ink"]').nth(1).waitFor({ timeout: 10_000 });
      await expect(layer(namTablet2, 2).locator('[data-testid="annotation-ink"]').count()).resolves.toBe(2);
      app.noPageErrors('nam-2');
    });
  }, 60_000);

  it('the eraser deletes a whole stroke (on both tablets); undo brings it back as a new annotation', async () => {
    await app.timed('nam: erase and undo', async () => {
      const inkIds = (p: Page) => layer(p, 2).locator('[data-testid="annotation-ink"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-annotation-id') ?? ''));
      await synced(nam);
      const before = await inkIds(nam);
      expect(before).toHaveLength(2);
      // the second stroke was drawn halfway down the visible part: wipe across it
      await tid(nam, 'tool-eraser').tap();
      const a = await visibleArea(nam, 2);
      const y = a.top + (a.bottom - a.top) * 0.5;
      await nam.mouse.move(a.left + 110, y - 14);
      await nam.mouse.down();
      for (let i = 1; i <= 7; i++) await nam.mouse.move(a.left + 110, y - 14 + i * 4);
      await nam.mouse.up();
      await layer(nam, 2).locator('[data-testid="annotation-ink"]').nth(1).waitFor({ state: 'detached' });
      const left = await inkIds(nam);
      expect(left).toHaveLength(1);
      const erased = before.find((id) => !left.includes(id)) ?? '';
      await layer(namTablet2, 2).locator(`[data-testid="annotation-ink"][data-annotation-id="${erased}"]`).waitFor({ state: 'detached', timeout: 10_000 });

      await tid(nam, 'annotation-undo').tap();
      await layer(nam, 2).locator('[data-testid="annotation-ink"]').nth(1).waitFor();
      const revived = (await inkIds(nam)).find((id) => !left.includes(id)) ?? '';
      expect(revived).not.toBe(erased);
      await layer(namTablet2, 2).locator(`[data-testid="annotation-ink"][data-annotation-id="${revived}"]`).waitFor({ timeout: 10_000 });
      await synced(nam);
      // on the server: the erased one is a tombstone (not listed), the revived one is new
      const ids = (await serverList(namCookie)).map((x) => x.id);
      expect(ids).toContain(revived);
      expect(ids).not.toContain(erased);
      await tid(nam, 'tool-read').tap();
      app.noPageErrors('nam-2');
    });
  }, 60_000);

  it('another member sees none of it until Nam shares a stroke; it appears live, and goes when unshared', async () => {
    await app.timed('lan: private until shared', async () => {
      const context = await app.newContext(TABLET_LANDSCAPE);
      lan = await app.personPage('lan', 'pct.lan', context, `/tai-lieu/${plan.id}`, readerReady);
      await openPlanAt(lan, 2);
      await expect(serverList(lanCookie)).resolves.toEqual([]);
      await expect(layer(lan, 2).locator('[data-testid^="annotation-"]').count()).resolves.toBe(0);

      await synced(nam);
      await tid(nam, 'toggle-annotations').tap();
      const inkRow = nam.locator('[data-testid="annotation-row"][data-kind="ink"]').first();
      const inkId = (await inkRow.getAttribute('data-annotation-id')) ?? '';
      await inkRow.locator('[data-testid="annotation-share"]').tap();
      await nam.locator(`[data-testid="annotation-row"][data-annotation-id="${inkId}"][data-shared="true"]`).waitFor();

      const shared = layer(lan, 2).locator(`[data-testid="annotation-ink"][data-annotation-id="${inkId}"]`);
      await shared.waitFor({ timeout: 10_000 });
      await expect(shared.getAttribute('data-mine')).resolves.toBe('false');
      await expect(layer(lan, 2).locator('[data-testid="annotation-ink"]').count()).resolves.toBe(1);
      await expect(layer(lan, 2).locator('[data-testid="annotation-note"]').count()).resolves.toBe(0);
      // Lan's list names whose mark it is
      const namName = ((await (await fetch(`${app.server.url}/api/auth/session`, { headers: { cookie: namCookie } })).json()) as { user: { fullName: string } }).user.fullName;
      await tid(lan, 'toggle-annotations').tap();
      const row = lan.locator(`[data-testid="annotation-row"][data-annotation-id="${inkId}"]`);
      await row.waitFor();
      expect(norm(await row.innerText())).toContain(`Được chia sẻ bởi ${namName}`);
      await expect(row.locator('[data-testid="annotation-share"]').count()).resolves.toBe(0);

      await nam.locator(`[data-testid="annotation-row"][data-annotation-id="${inkId}"] [data-testid="annotation-share"]`).tap();
      await shared.waitFor({ state: 'detached', timeout: 10_000 });
      await tid(nam, 'toggle-annotations').tap();
      app.noPageErrors('lan');
    });
  }, 60_000);

  it('offline, a note is kept and counted as unsynced; back online it reaches the server exactly once', async () => {
    await app.timed('nam: offline note', async () => {
      await nam.locator('[data-testid="pack-status"][data-state="done"]').waitFor({ timeout: 90_000 });
      await nam.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      const before = (await serverList(namCookie)).length;

      await namContext.setOffline(true);
      await addNote(nam, 2, 'Ghi khi mất mạng', 0.85);
      await nam.locator('[data-testid="unsynced-count"][data-count="1"]').waitFor();
      expect(norm(await tid(nam, 'unsynced-count').innerText())).toBe('1 ghi chú chưa đồng bộ');
      // a failed attempt or two while offline: still queued, nothing sent
      await nam.waitForTimeout(1500);
      await expect(tid(nam, 'unsynced-count').getAttribute('data-count')).resolves.toBe('1');
      expect((await serverList(namCookie)).length).toBe(before);

      await namContext.setOffline(false);
      await synced(nam);
      const notes = (await serverList(namCookie)).filter((a) => a.kind === 'note' && a.text === 'Ghi khi mất mạng');
      expect(notes).toHaveLength(1);
      expect(notes[0].rev).toBe(1);
      expect((await serverList(namCookie)).length).toBe(before + 1);
      app.noPageErrors('nam');
    });
  }, 150_000);

  it('a new version of the document carries the mark on page 2 over, marked "từ phiên bản trước"', async () => {
    await app.timed('new version: carried over', async () => {
      const res = await fetch(`${app.server.url}/api/documents/${plan.id}/versions`, {
        method: 'POST',
        headers: { cookie: secretary, 'content-type': 'application/pdf', 'x-file-name': 'tracemonkey.pdf', 'x-change-note': encodeURIComponent('Thay bản mới') },
        body: fs.readFileSync(path.join(ROOT, 'test/fixtures/pdfs/tracemonkey.pdf')),
      });
      expect(res.status).toBe(201);
      const next = (await res.json()) as DocumentDto;
      expect(next.current.version).toBe(plan.current.version + 1);

      // the open reader moves to the new version by itself (document:updated)
      await nam.locator(`[data-testid="page-indicator"]`, { hasText: `/${next.current.pageCount}` }).waitFor({ timeout: 30_000 });
      await readerReady(nam);
      await openPlanAt(nam, 2);
      const carried = layer(nam, 2).locator('[data-testid="annotation-ink"][data-from-previous="true"]');
      await carried.first().waitFor({ timeout: 15_000 });
      await layer(nam, 2).locator('[data-testid="annotation-note"][data-from-previous="true"]').first().waitFor();
      expect(norm(await layer(nam, 2).locator('[data-testid="annotation-carried"]').innerText())).toBe('Có ghi chú từ phiên bản trước');
      const onNew = await serverList(namCookie, next.current.version);
      expect(onNew.length).toBeGreaterThan(0);
      expect(onNew.every((a) => a.page === 2 && a.fromPreviousVersion)).toBe(true);
      app.noPageErrors('nam');
    });
  }, 90_000);

  it('a stylus draws with its pressure; once it has been seen, a touch (a palm) draws nothing', async () => {
    await app.timed('nam-2: stylus and palm', async () => {
      await readerReady(namTablet2);
      await openPlanAt(namTablet2, 3);
      await tid(namTablet2, 'tool-pen').tap();
      const svg = layer(namTablet2, 3).locator('svg');
      const a = await visibleArea(namTablet2, 3);
      const stroke = async (pointerType: 'pen' | 'touch', pointerId: number, y: number) => {
        const at = (i: number) => ({ pointerType, pointerId, isPrimary: true, button: 0, buttons: 1, pressure: 0.8, clientX: a.left + 30 + i * 20, clientY: y + (i % 2) * 6, bubbles: true });
        await svg.dispatchEvent('pointerdown', at(0));
        for (let i = 1; i <= 6; i++) await svg.dispatchEvent('pointermove', at(i));
        await svg.dispatchEvent('pointerup', { ...at(6), buttons: 0, pressure: 0 });
      };
      await stroke('pen', 7, a.top + 40);
      const inks = layer(namTablet2, 3).locator('[data-testid="annotation-ink"]');
      await inks.first().waitFor();
      await stroke('touch', 8, a.top + 90);
      await namTablet2.waitForTimeout(300);
      await expect(inks.count()).resolves.toBe(1);
      await synced(namTablet2);
      // the second tablet followed the new version (document:updated)
      const version = plan.current.version + 1;
      const onServer = (await serverList(namCookie, version)).filter((x) => x.page === 3 && x.kind === 'ink');
      expect(onServer).toHaveLength(1);
      const points = onServer[0].kind === 'ink' ? onServer[0].points : [];
      expect(points.every((p) => p.length === 3 && Math.abs((p[2] ?? 0) - 0.8) < 0.01)).toBe(true);
      await tid(namTablet2, 'tool-read').tap();
      app.noPageErrors('nam-2');
    });
  }, 60_000);

  it('logging out deletes the member’s annotations from the tablet', async () => {
    await app.timed('nam: logout clears', async () => {
      await nam.goto('/');
      await tid(nam, 'logout').tap();
      await nam.locator('input[name="username"]').waitFor();
      const held = () => nam.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
      for (let i = 0; i < 40 && (await held()).includes('phonghop-annotations'); i++) await nam.waitForTimeout(250);
      expect(await held()).not.toContain('phonghop-annotations');
    });
  }, 30_000);
});
