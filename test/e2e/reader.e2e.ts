import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import type { DocumentDto, MeetingSummaryDto } from '@phonghop/shared';
import { BrowserApp, norm, signIn, TABLET_LANDSCAPE, tid } from '../support/browser.js';
import { login, ROOT } from '../support/server-process.js';
import { DEMO_TITLE } from '../support/live-clients.js';

/**
 * Acceptance (issue 6, point 1 and the security test): the document reader in Chromium on a 1280×800 touch tablet.
 * A member opens the demo meeting's plan, searches "phòng họp" (hit count, jump to the highlighted hit), goes to
 * page 5, switches fit-page / fit-width, reloads (back on page 5), uses the thumbnails, scrolls through every page
 * with never more than four page canvases, walks to the next document of the agenda, and follows the outline of a
 * 352-page book. Security: evaljs.pdf and js-buttons.pdf (both carry JavaScript actions) open and are tapped all
 * over without any script running (a trap records alert/print/eval/Function/app…), the app's Content-Security-
 * Policy has no 'unsafe-eval', no request leaves the app's origin and the build references no CDN.
 *
 * One built app (server + a private copy of client/dist, fresh SQLite with the demo meeting), one Chromium. The
 * steps share state and run in order.
 */
const PDFS = path.join(ROOT, 'test/fixtures/pdfs');

const MEMBER = 'pct.nam';
const VI = {
  page: (n: number, total: number) => `Trang ${n}/${total}`,
  hits: (current: number, total: number) => `${current}/${total} kết quả`,
  docIndex: (n: number, total: number) => `Tài liệu ${n}/${total}`,
};
/** The viewer's padding on each side (PdfViewer.tsx PAD): fit-width leaves exactly this much. */
const PAD = 16;
/** Hosts of public CDNs pdf.js setups commonly load the worker, cMaps or fonts from. */
const CDN_HOSTS = ['unpkg.com', 'cdn.jsdelivr.net', 'cdnjs.cloudflare.com', 'mozilla.github.io', 'esm.sh', 'skypack.dev', 'fonts.googleapis.com', 'fonts.gstatic.com'];

/**
 * Installed before any page script: records every way a PDF's JavaScript could show itself in the page —
 * dialogs, printing, the Acrobat `app` object, string evaluation (eval, Function, string timers) and CSP
 * violations — into `window.__pdfScriptRan`.
 */
const SCRIPT_TRAP = `(() => {
  const log = [];
  const report = console.warn.bind(console);
  const record = (name) => {
    const stack = new Error().stack;
    // Playwright evaluates the test's own page.evaluate/locator code through eval: not the document's doing.
    if (/\\bUtilityScript\\b/.test(stack)) return;
    log.push(name);
    report('[pdf-script-trap] ' + name + '\\n' + stack);
  };
  Object.defineProperty(window, '__pdfScriptRan', { value: log });
  const trap = (name) => function () { record(name); };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = trap(name);
  const realEval = window.eval;
  window.eval = function (src) { record('eval'); return realEval(src); };
  window.Function = new Proxy(Function, {
    apply(target, self, args) { record('Function'); return Reflect.apply(target, self, args); },
    construct(target, args, newTarget) { record('Function'); return Reflect.construct(target, args, newTarget); },
  });
  Object.defineProperty(window, 'app', {
    configurable: true,
    get() { record('app'); return new Proxy({}, { get(_, p) { record('app.' + String(p)); return () => undefined; } }); },
  });
  for (const name of ['setTimeout', 'setInterval']) {
    const real = window[name];
    window[name] = function (handler, ...rest) { if (typeof handler === 'string') record(name + '(string)'); return real.call(this, handler, ...rest); };
  }
  document.addEventListener('securitypolicyviolation', (e) => record('csp:' + e.violatedDirective + ':' + e.blockedURI));
})();`;

/** Counts, after every DOM change, the canvases inside page slots and keeps the highest count seen. */
const CANVAS_WATCH = `(() => {
  window.__maxPageCanvases = 0;
  const count = () => {
    const n = document.querySelectorAll('[data-testid="pdf-page"] canvas').length;
    if (n > window.__maxPageCanvases) window.__maxPageCanvases = n;
  };
  new MutationObserver(count).observe(document, { childList: true, subtree: true });
})();`;

/** Resolves after the browser has drawn two more frames (scroll handlers run once per frame). */
const TWO_FRAMES = 'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))';

/** Tries `new Function` from a page task (not from the harness's own evaluation): 'EvalError' when refused. */
const STRING_EVAL_FROM_TIMER = `new Promise((resolve) => setTimeout(() => {
  try { new Function('return 1')(); resolve('ran'); } catch (error) { resolve(error.name); }
}, 0))`;

let app: BrowserApp;
/** Every URL the browser asked for that is not on the app's origin. */
const foreignRequests: string[] = [];

// Shared between the steps.
let meetingId = '';
let planId = '';
let planPages = 0;
const uploaded: Record<'evaljs' | 'jsButtons' | 'freeculture', string> = { evaljs: '', jsButtons: '', freeculture: '' };
let member: Page;

beforeAll(async () => {
  app = await BrowserApp.start({ name: 'reader', env: { DEMO_SEED: 'true', DEMO_MEETING: 'true' }, timeoutMs: 20_000 });
  const { server } = app;

  // The secretary adds three documents to the demo meeting through the REST API (raw body, metadata in headers).
  const secretary = await login(server.url, 'thuky');
  const meetings = (await (await fetch(`${server.url}/api/meetings`, { headers: { cookie: secretary } })).json()) as MeetingSummaryDto[];
  meetingId = meetings.find((m) => m.title === DEMO_TITLE)?.id ?? '';
  expect(meetingId).toMatch(/^[0-9a-f-]{36}$/);
  const docs = (await (await fetch(`${server.url}/api/meetings/${meetingId}/documents`, { headers: { cookie: secretary } })).json()) as DocumentDto[];
  const plan = docs.find((d) => d.current.pageCount === 7);
  planId = plan?.id ?? '';
  planPages = plan?.current.pageCount ?? 0;
  uploaded.evaljs = await upload(secretary, 'evaljs.pdf', 'Tài liệu có mã JavaScript (eval)');
  uploaded.jsButtons = await upload(secretary, 'js-buttons.pdf', 'Tài liệu có nút bấm chạy JavaScript');
  uploaded.freeculture = await upload(secretary, 'freeculture.pdf', 'Free Culture (352 trang, có mục lục)');
}, 120_000);

afterAll(async () => {
  await app?.close();
});

async function upload(cookie: string, file: string, summary: string): Promise<string> {
  const res = await fetch(`${app.server.url}/api/meetings/${meetingId}/documents`, {
    method: 'POST',
    headers: {
      cookie,
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent(file),
      'x-document-metadata': encodeURIComponent(JSON.stringify({ docType: 'tai_lieu_khac', summary })),
    },
    body: fs.readFileSync(path.join(PDFS, file)),
  });
  const body = (await res.json()) as DocumentDto;
  if (res.status !== 201) throw new Error(`upload ${file} → ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

/** A fresh profile for a person on the tablet, logged in through the form; `initScripts` run before any page script. */
async function personPage(who: string, username: string, firstPath: string, initScripts: string[] = [], listen?: (page: Page) => void): Promise<Page> {
  const context = await app.newContext(TABLET_LANDSCAPE);
  for (const script of initScripts) await context.addInitScript(script);
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${app.server.url}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  const page = await app.newPage(who, context);
  listen?.(page);
  // signed in: the app sends the member on to where they were going
  await signIn(page, username, firstPath, (p) => p.waitForURL((url) => !url.pathname.startsWith('/login')));
  return page;
}

const pageSlot = (page: Page, n: number): Locator => page.locator(`[data-testid="pdf-page"][data-page-number="${n}"]`);

/** The reader is on page n of total: the indicator says so and page n has been drawn. */
async function onPage(page: Page, n: number, total: number): Promise<void> {
  await page.locator(`[data-testid="page-indicator"][data-page="${n}"]`).waitFor();
  expect(norm(await tid(page, 'page-indicator').innerText())).toBe(VI.page(n, total));
  await page.locator(`[data-testid="pdf-page"][data-page-number="${n}"][data-rendered="true"]`).waitFor({ timeout: 30_000 });
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element is not rendered');
  return b;
}
/** True when `inner` lies entirely inside `outer` (a hit the member can see). */
const inside = (inner: Box, outer: Box) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

async function canvasesOnPages(page: Page): Promise<number> {
  return page.locator('[data-testid="pdf-page"] canvas').count();
}

describe('the document reader on a tablet', () => {
  it('a member opens the plan from the meeting page; page 1 is drawn with its text', async () => {
    member = await app.timed('member: log in, meeting, open the plan', async () => {
      const page = await personPage('member', MEMBER, `/cuoc-hop/${meetingId}`, [CANVAS_WATCH]);
      await page.locator(`[data-testid="document-row"][data-document-id="${planId}"] [data-testid="open-document"]`).tap();
      await page.waitForURL(`**/tai-lieu/${planId}`);
      return page;
    });
    expect(planPages).toBe(7);
    await onPage(member, 1, planPages);
    expect(norm((await pageSlot(member, 1).locator('.textLayer').textContent()) ?? '')).toContain('KẾ HOẠCH');
    // only the page in view and its neighbour are drawn
    await expect(canvasesOnPages(member)).resolves.toBeLessThanOrEqual(4);
    await expect(pageSlot(member, 7).locator('canvas').count()).resolves.toBe(0);
    app.noPageErrors('member');
  }, 60_000);

  it('Ctrl+F searches "phòng họp": 2 hits, the reader jumps to the highlighted hit on page 2, then to page 6', async () => {
    await app.timed('search', async () => {
      await member.keyboard.press('Control+f');
      const input = tid(member, 'search-input');
      await input.waitFor();
      await expect(input.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)).resolves.toBe(true);
      await input.fill('phòng họp');
      await input.press('Enter');
      await member.locator('[data-testid="search-status"][data-done="true"][data-total="2"]').waitFor();
      expect(norm(await tid(member, 'search-status').innerText())).toBe(VI.hits(1, 2));

      await onPage(member, 2, planPages);
      const hit = pageSlot(member, 2).locator('.textLayer .highlight.selected');
      await hit.first().waitFor();
      expect(norm((await hit.allTextContents()).join('')).toLowerCase()).toBe('phòng họp');
      // highlighted (a tinted span on the text layer) and scrolled into the visible part of the viewer
      await expect(
        hit.first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor),
      ).resolves.not.toBe('rgba(0, 0, 0, 0)');
      expect(inside(await box(hit.first()), await box(tid(member, 'pdf-viewer')))).toBe(true);

      await tid(member, 'search-next').tap();
      await member.locator('[data-testid="search-status"]', { hasText: VI.hits(2, 2) }).waitFor();
      await onPage(member, 6, planPages);
      const hit6 = pageSlot(member, 6).locator('.textLayer .highlight.selected');
      await hit6.first().waitFor();
      expect(norm((await hit6.allTextContents()).join('')).toLowerCase()).toBe('phòng họp');
      expect(inside(await box(hit6.first()), await box(tid(member, 'pdf-viewer')))).toBe(true);
      // the first hit is no longer the selected one, but still marked
      await expect(pageSlot(member, 2).locator('.textLayer .highlight.selected').count()).resolves.toBe(0);

      await tid(member, 'search-close').tap();
      await expect(member.locator('.textLayer .highlight').count()).resolves.toBe(0);
    });
  }, 60_000);

  it('goes to page 5 with the field', async () => {
    await app.timed('go to page 5', async () => {
      await tid(member, 'goto-input').fill('5');
      await tid(member, 'goto-input').press('Enter');
      await onPage(member, 5, planPages);
      const viewer = await box(tid(member, 'pdf-viewer'));
      const slot = await box(pageSlot(member, 5));
      // page 5's top edge is at the top of the view
      expect(Math.abs(slot.y - viewer.y)).toBeLessThanOrEqual(PAD);
      // a page number the document does not have is refused on the spot
      await tid(member, 'goto-input').fill('99');
      await tid(member, 'goto-input').press('Enter');
      await member.locator('[role="alert"]', { hasText: 'Nhập số trang từ 1 đến 7.' }).waitFor();
      expect(norm(await tid(member, 'page-indicator').innerText())).toBe(VI.page(5, planPages));
      await tid(member, 'goto-input').fill('');
    });
  }, 30_000);

  it('fit-page shows the whole page; fit-width makes it as wide as the viewer and redraws it sharper', async () => {
    await app.timed('fit page / fit width', async () => {
      const slot = pageSlot(member, 5);
      const widthAtFitWidth = (await box(slot)).width;
      await tid(member, 'zoom-fit-page').tap();
      await member.locator('[data-testid="zoom-fit-page"][aria-pressed="true"]').waitFor();
      await member.waitForFunction((w) => {
        const el = (globalThis as unknown as { document: { querySelector(s: string): { getBoundingClientRect(): { width: number } } | null } }).document.querySelector(
          '[data-testid="pdf-page"][data-page-number="5"]',
        );
        return !!el && el.getBoundingClientRect().width < w;
      }, widthAtFitWidth);
      const viewer = await box(tid(member, 'pdf-viewer'));
      const fitPage = await box(slot);
      expect(fitPage.height).toBeLessThanOrEqual(viewer.height - 2 * PAD + 1);
      const fitPagePercent = norm(await tid(member, 'zoom-value').innerText());

      await tid(member, 'zoom-fit').tap();
      await member.locator('[data-testid="zoom-fit"][aria-pressed="true"]').waitFor();
      await onPage(member, 5, planPages);
      const fitWidth = await box(slot);
      expect(fitWidth.width).toBeGreaterThan(fitPage.width * 1.5);
      const clientWidth = await tid(member, 'pdf-viewer').evaluate((el) => (el as unknown as { clientWidth: number }).clientWidth);
      expect(Math.abs(fitWidth.width - (clientWidth - 2 * PAD))).toBeLessThanOrEqual(2);
      expect(norm(await tid(member, 'zoom-value').innerText())).not.toBe(fitPagePercent);
      // the canvas is redrawn at the new size (device pixels ≥ CSS pixels: sharp), not a stretched small one
      await member.waitForFunction((w) => {
        const c = (globalThis as unknown as { document: { querySelector(s: string): { width: number } | null } }).document.querySelector(
          '[data-testid="pdf-page"][data-page-number="5"] canvas',
        );
        return !!c && c.width >= w;
      }, Math.floor(fitWidth.width));
    });
  }, 45_000);

  it('two fingers pinch the page larger around the point between them; fit-width brings it back', async () => {
    await app.timed('pinch', async () => {
      const zoom = async () => Number((await tid(member, 'zoom-value').innerText()).replace(/\D/g, ''));
      const before = await zoom();
      const viewer = await box(tid(member, 'pdf-viewer'));
      const cx = viewer.x + viewer.width / 2;
      const cy = viewer.y + viewer.height / 2;
      // Two touch points 100 px apart move to 150 px apart (the fingers' spread × 1.5), through the browser's input
      // pipeline (touch → pointer events), as a tablet's screen reports them.
      const cdp = await member.context().newCDPSession(member);
      const fingers = (half: number) => [
        { x: cx - half, y: cy, id: 1 },
        { x: cx + half, y: cy, id: 2 },
      ];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(50) });
      for (const half of [55, 60, 65, 70, 75]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(half) });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await cdp.detach();
      await member.locator('[data-testid="zoom-fit"][aria-pressed="false"]').waitFor();
      const after = await zoom();
      expect(after / before).toBeGreaterThan(1.4);
      expect(after / before).toBeLessThan(1.6);
      // the page under the fingers is still the one in view, redrawn at the new size
      await onPage(member, 5, planPages);
      await member.waitForFunction((w) => {
        const c = (globalThis as unknown as { document: { querySelector(s: string): { width: number } | null } }).document.querySelector(
          '[data-testid="pdf-page"][data-page-number="5"] canvas',
        );
        return !!c && c.width >= w;
      }, Math.floor((await box(pageSlot(member, 5))).width));
      await tid(member, 'zoom-fit').tap();
      await member.locator('[data-testid="zoom-fit"][aria-pressed="true"]').waitFor();
      await expect(zoom()).resolves.toBe(before);
      await onPage(member, 5, planPages);
    });
  }, 45_000);

  it('after a reload the reader opens where the member left off (page 5)', async () => {
    await app.timed('reload', async () => {
      await member.reload();
      await onPage(member, 5, planPages);
      await expect(pageSlot(member, 1).locator('canvas').count()).resolves.toBe(0);
    });
  }, 45_000);

  it('the thumbnails show small pages and take the reader to a page', async () => {
    await app.timed('thumbnails', async () => {
      await tid(member, 'toggle-panel').tap();
      await tid(member, 'thumbnails').waitFor();
      const thumb3 = member.locator('[data-testid="thumbnail"][data-page-number="3"]');
      await thumb3.locator('img').waitFor();
      await expect(thumb3.locator('img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).resolves.toBeGreaterThan(0);
      // the current page is marked in the list
      await member.locator('[data-testid="thumbnail"][data-page-number="5"][aria-current="page"]').waitFor();
      await thumb3.tap();
      await onPage(member, 3, planPages);
      await member.locator('[data-testid="thumbnail"][data-page-number="3"][aria-current="page"]').waitFor();
      // thumbnails are images: none of them keeps a canvas
      await expect(tid(member, 'thumbnails').locator('canvas').count()).resolves.toBe(0);
      await tid(member, 'toggle-panel').tap();
      await expect(tid(member, 'reader-panel').count()).resolves.toBe(0);
      // the plan has no outline: the tab says so rather than showing nothing
    });
  }, 45_000);

  it('scrolling through every page never keeps more than four page canvases', async () => {
    await app.timed('scroll through the plan', async () => {
      await member.evaluate(() => {
        (globalThis as unknown as { __maxPageCanvases: number }).__maxPageCanvases = 0;
      });
      const viewer = tid(member, 'pdf-viewer');
      await viewer.evaluate((el) => ((el as unknown as { scrollTop: number }).scrollTop = 0));
      await onPage(member, 1, planPages);
      const seen = new Set<number>();
      for (let step = 0; step < 60; step++) {
        const page = Number(await tid(member, 'page-indicator').getAttribute('data-page'));
        await pageSlot(member, page).and(member.locator('[data-rendered="true"]')).waitFor();
        seen.add(page);
        expect(await canvasesOnPages(member)).toBeLessThanOrEqual(4);
        const atEnd = await viewer.evaluate((el) => {
          const v = el as unknown as { scrollTop: number; scrollHeight: number; clientHeight: number; scrollBy(x: number, y: number): void };
          if (v.scrollTop + v.clientHeight >= v.scrollHeight - 1) return true;
          v.scrollBy(0, v.clientHeight * 0.7);
          return false;
        });
        if (atEnd) break;
        // the scroll lands (one frame) before the indicator is read again
        await member.evaluate(TWO_FRAMES);
      }
      expect([...seen].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      await onPage(member, 7, planPages);
      const max = await member.evaluate(() => (globalThis as unknown as { __maxPageCanvases: number }).__maxPageCanvases);
      expect(max).toBeGreaterThanOrEqual(1);
      expect(max).toBeLessThanOrEqual(4);
      // the pages that scrolled away gave their canvases back
      for (const n of [1, 2, 3, 4]) await expect(pageSlot(member, n).locator('canvas').count()).resolves.toBe(0);
      app.noPageErrors('member');
    });
  }, 90_000);

  it('the next document of the agenda opens from inside the reader, and the previous one brings the member back', async () => {
    await app.timed('next / previous document', async () => {
      const docs = (await (await member.request.get(`/api/meetings/${meetingId}/documents`)).json()) as DocumentDto[];
      // the plan is the only document under an agenda item; the three uploaded ones follow it
      const following = docs.filter((d) => !d.agendaItemId).map((d) => d.id);
      expect(new Set(following)).toEqual(new Set(Object.values(uploaded)));
      expect(norm(await tid(member, 'doc-index').innerText())).toBe(VI.docIndex(1, 4));
      await expect(tid(member, 'prev-document').getAttribute('aria-disabled')).resolves.toBe('true');
      await expect(tid(member, 'next-document').getAttribute('data-document-id')).resolves.toBe(following[0]);
      await tid(member, 'next-document').tap();
      await member.waitForURL(`**/tai-lieu/${following[0]}`);
      await member.locator(`[data-testid="reader"][data-document-id="${following[0]}"]`).waitFor();
      await member.locator('[data-testid="doc-index"]', { hasText: VI.docIndex(2, 4) }).waitFor();
      await tid(member, 'prev-document').tap();
      await member.waitForURL(`**/tai-lieu/${planId}`);
      // back in the plan, where the member left it
      await onPage(member, 7, planPages);
    });
  }, 60_000);

  it('a 352-page book: the outline takes the member to the preface on page 12, drawing only what is in view', async () => {
    await app.timed('outline of freeculture.pdf', async () => {
      await member.goto(`/tai-lieu/${uploaded.freeculture}`);
      await onPage(member, 1, 352);
      await tid(member, 'toggle-panel').tap();
      await tid(member, 'panel-outline').tap();
      const preface = member.locator('[data-testid="outline-item"]', { hasText: 'PREFACE' });
      await preface.tap();
      await onPage(member, 12, 352);
      await expect(canvasesOnPages(member)).resolves.toBeLessThanOrEqual(4);
      await expect(member.locator('[data-testid="pdf-page"]').count()).resolves.toBe(352);
      app.noPageErrors('member');
    });
  }, 90_000);

  it('a document already in the meeting pack opens from the tablet itself: not one request for its file', async () => {
    await app.timed('open the plan from the pack', async () => {
      await member.goto(`/cuoc-hop/${meetingId}`);
      // the background download of the meeting's pack (Cache Storage) has finished
      await member.locator('[data-testid="pack-status"][data-state="done"]').waitFor({ timeout: 90_000 });
      const fileRequests: string[] = [];
      const onRequest = (r: { url(): string }) => {
        if (r.url().includes(`/api/documents/${planId}/file`)) fileRequests.push(r.url());
      };
      member.on('request', onRequest);
      await member.locator(`[data-testid="document-row"][data-document-id="${planId}"] [data-testid="open-document"]`).tap();
      await member.waitForURL(`**/tai-lieu/${planId}`);
      const resumed = Number(await member.locator('[data-testid="page-indicator"][data-page]').getAttribute('data-page'));
      await onPage(member, resumed, planPages);
      for (const [key, n] of [['Home', 1], ['End', planPages]] as const) {
        await member.keyboard.press(key);
        await onPage(member, n, planPages);
      }
      member.off('request', onRequest);
      expect(fileRequests).toEqual([]);
    });
  }, 120_000);

  it('the reader says in Vietnamese why a document cannot be opened: damaged, password, no access, no network (then "Thử lại")', async () => {
    const reader = await app.timed('another member: log in', () => personPage('lan', 'pct.lan', '/'));
    const id = uploaded.jsButtons;
    // The file as the server might (mis)serve it; the pack's background download gets the same answer, fails its
    // hash check and stores nothing, so the reader has to fetch it.
    let answer: 'damaged' | 'password' | 'denied' | 'offline' | 'real' = 'damaged';
    await reader.route(`**/api/documents/${id}/file**`, async (route) => {
      if (answer === 'real') return route.continue();
      if (answer === 'offline') return route.abort('internetdisconnected');
      if (answer === 'denied') {
        return route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ code: 'DOCUMENT_ACCESS_DENIED', message: 'x' }) });
      }
      const body = answer === 'damaged' ? Buffer.from('%PDF-1.7\nđây không phải là một tệp PDF hoàn chỉnh') : fs.readFileSync(path.join(PDFS, 'issue6010_1.pdf'));
      return route.fulfill({ status: 200, contentType: 'application/pdf', body });
    });
    const expected = {
      damaged: 'Tệp tài liệu bị hỏng hoặc không đúng định dạng PDF. Đề nghị văn phòng tải lên lại.',
      password: 'Tài liệu được đặt mật khẩu nên không mở được trên máy tính bảng. Đề nghị văn phòng tải lên bản không đặt mật khẩu.',
      denied: 'Bạn không được phân quyền xem tài liệu này.',
      offline: 'Không tải được tài liệu do mất kết nối mạng. Kiểm tra Wi-Fi rồi bấm “Thử lại”.',
    } as const;
    const problem = { damaged: 'damaged', password: 'password', denied: 'denied', offline: 'network' } as const;
    await app.timed('four ways a document fails to open', async () => {
      for (const kind of ['damaged', 'password', 'denied', 'offline'] as const) {
        answer = kind;
        await reader.goto(`/tai-lieu/${id}`);
        const shown = reader.locator(`[data-testid="reader-problem"][data-problem="${problem[kind]}"]`);
        await shown.waitFor();
        expect(norm(await shown.locator('[role="alert"]').innerText())).toBe(expected[kind]);
        await expect(reader.locator('[data-testid="pdf-page"]').count()).resolves.toBe(0);
      }
      // the network is back: "Thử lại" opens the document
      answer = 'real';
      await reader.getByRole('button', { name: 'Thử lại' }).tap();
      await onPage(reader, 1, 1);
    });
    app.noPageErrors('lan');
  }, 90_000);

  it('evaljs.pdf and js-buttons.pdf open and are tapped all over without any of their JavaScript running', async () => {
    // Both really carry JavaScript actions (else this test could not fail); qpdf expands their object streams.
    for (const file of ['evaljs.pdf', 'js-buttons.pdf']) {
      const expanded = execFileSync('qpdf', ['--qdf', '--object-streams=disable', path.join(PDFS, file), '-'], { maxBuffer: 64 << 20 }).toString('latin1');
      expect({ file, javascript: /\/S\s*\/JavaScript/.test(expanded) && /\/JS\s*\(/.test(expanded) }).toEqual({ file, javascript: true });
    }
    // What the trap records reaches the test as console messages: reading it back needs no evaluation in the page
    // (Playwright's own page.evaluate goes through eval, which the trap would record too).
    const trapped: string[] = [];
    const dialogs: string[] = [];
    const sandboxRequests: string[] = [];
    const guarded = await app.timed('member with the script trap: log in', () =>
      personPage('guarded', MEMBER, `/tai-lieu/${uploaded.evaljs}`, [SCRIPT_TRAP], (page) => {
        page.on('console', (m) => {
          if (m.text().startsWith('[pdf-script-trap]')) trapped.push(m.text());
        });
        page.on('dialog', (d) => {
          dialogs.push(`${d.type()}: ${d.message()}`);
          void d.dismiss();
        });
        page.on('request', (r) => {
          if (/sandbox|quickjs|scripting/i.test(r.url())) sandboxRequests.push(r.url());
        });
      }),
    );

    for (const [id, pages] of [
      [uploaded.evaljs, 2],
      [uploaded.jsButtons, 1],
    ] as const) {
      await app.timed(`open ${id} and tap every page`, async () => {
        if (!guarded.url().endsWith(`/tai-lieu/${id}`)) await guarded.goto(`/tai-lieu/${id}`);
        for (let n = 1; n <= pages; n++) {
          await tid(guarded, 'goto-input').fill(String(n));
          await tid(guarded, 'goto-input').press('Enter');
          await onPage(guarded, n, pages);
          // where form fields and buttons would be: a grid of taps over the page's visible part
          const slot = await box(pageSlot(guarded, n));
          const view = await box(tid(guarded, 'pdf-viewer'));
          const top = Math.max(slot.y, view.y);
          const bottom = Math.min(slot.y + slot.height, view.y + view.height);
          for (const fx of [0.2, 0.5, 0.8]) for (const fy of [0.15, 0.5, 0.85]) await guarded.touchscreen.tap(slot.x + slot.width * fx, top + (bottom - top) * fy);
        }
      });
    }
    // Give anything a document might have queued (a timer, an open action) the chance to run before looking.
    await guarded.waitForTimeout(500);
    expect(trapped).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(sandboxRequests).toEqual([]);
    app.noPageErrors('guarded');

    // The trap itself works: string evaluation and alert() in this page are recorded (and the CSP refuses the
    // evaluation).
    await expect(guarded.evaluate(STRING_EVAL_FROM_TIMER)).resolves.toBe('EvalError');
    await guarded.evaluate("new Promise((resolve) => setTimeout(() => { alert('kiểm tra'); resolve(true); }, 0))");
    const log = await guarded.evaluate(() => (globalThis as unknown as { __pdfScriptRan: string[] }).__pdfScriptRan);
    expect(log).toEqual(expect.arrayContaining(['alert', 'Function', 'csp:script-src:eval']));
    expect(trapped.length).toBe(log.length);
  }, 120_000);

  it('the app is served with a Content-Security-Policy that forbids eval, and nothing comes from a CDN', async () => {
    for (const url of ['/', `/tai-lieu/${planId}`]) {
      const res = await member.request.get(url);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain('text/html');
      const directives = new Map(
        (res.headers()['content-security-policy'] ?? '')
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([name, ...sources]) => [name, sources]),
      );
      // Scripts from the app's origin only; WebAssembly compilation ('wasm-unsafe-eval', which pdf.js's image
      // decoders would use) is not string evaluation and may be allowed, nothing else.
      const scriptSrc = directives.get('script-src') ?? directives.get('default-src') ?? [];
      expect({ url, scriptSrc: scriptSrc.filter((s) => s !== "'wasm-unsafe-eval'") }).toEqual({ url, scriptSrc: ["'self'"] });
      const unsafeEval = [...directives].filter(([, sources]) => sources.includes("'unsafe-eval'")).map(([name]) => name);
      expect({ url, unsafeEval }).toEqual({ url, unsafeEval: [] });
      expect(directives.get('object-src')).toEqual(["'none'"]);
    }
    // In the page itself: string evaluation is refused. (From a timer: code run by the test harness itself may
    // evaluate strings, DevTools' Runtime.evaluate lifts the CSP for its own call.)
    await expect(member.evaluate(STRING_EVAL_FROM_TIMER)).resolves.toBe('EvalError');

    // Every request of this run went to the app's own origin (worker, cMaps, fonts, wasm included)…
    expect(foreignRequests).toEqual([]);
    // …and the build does not mention a CDN anywhere.
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.(m?js|html|css|json)$/.test(entry.name)) {
          const text = fs.readFileSync(file, 'utf8');
          for (const host of CDN_HOSTS) if (text.includes(host)) offenders.push(`${path.relative(app.clientDir, file)}: ${host}`);
        }
      }
    };
    walk(app.clientDir);
    expect(offenders).toEqual([]);
    // pdf.js's worker, cMaps, standard fonts and decoders are in the build itself
    for (const dir of ['pdfjs/cmaps', 'pdfjs/standard_fonts', 'pdfjs/wasm']) expect(fs.readdirSync(path.join(app.clientDir, dir)).length).toBeGreaterThan(0);
    expect(fs.readdirSync(path.join(app.clientDir, 'assets')).some((f) => /^pdf\.worker.*\.mjs$/.test(f))).toBe(true);
  }, 30_000);
});
