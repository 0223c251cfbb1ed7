// Viewer benchmark: the real reader route (/tai-lieu/:id of the built client, served by the built server) in
// Chromium, on freeculture.pdf (352 pages) uploaded to a draft meeting (not in anyone's pack, so every byte comes
// over HTTP):
//   first page      navigation to the reader → its first page drawn (the client's performance mark
//                   'reader:first-page'), and pdf.js's own open ('pdf:open') → first page; the document's bytes
//                   Chrome received before it (CDP Network events), as a fraction of the file
//   heap            main-thread JS heap (CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage) after the
//                   first page, then while the reader turns through all 352 pages (→ / PageDown, waiting for each
//                   page to be drawn), at every quarter; the pdf.js worker's heap the same way when Chrome lets us
//                   attach to it; DOM counters; the most page canvases that ever existed at once
//   baseline        a plain fetch() of the whole file in the same page, the same run (cache disabled)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { networkRecorder, servedLength } from './lib/network.mjs';
import { createMeeting, login, ROOT, startServer, uploadFile } from './lib/server.mjs';

const FILE = path.join(ROOT, 'test/fixtures/pdfs/freeculture.pdf');
const REPS = 3;
const VIEWPORT = { width: 1280, height: 800 };
const MB = 1024 * 1024;
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Counts the canvases inside page slots after every DOM change; keeps the highest count. */
const CANVAS_WATCH = `(() => {
  window.__maxPageCanvases = 0;
  new MutationObserver(() => {
    const n = document.querySelectorAll('[data-testid="pdf-page"] canvas').length;
    if (n > window.__maxPageCanvases) window.__maxPageCanvases = n;
  }).observe(document, { childList: true, subtree: true });
})();`;

/** The built client, copied: others may rebuild client/dist while this runs. */
function snapshotClient() {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-bench-client-'));
  fs.cpSync(path.join(ROOT, 'client/dist'), copy, { recursive: true });
  return copy;
}

/**
 * The pdf.js worker's heap: Chrome exposes dedicated workers to a page's CDP session through auto-attach; the
 * messages go through Target.sendMessageToTarget (Playwright's CDPSession has no flat sessions). Null if refused.
 */
async function workerHeapProbe(cdp, log) {
  const sessions = new Map(); // sessionId → url
  const pending = new Map();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') sessions.set(e.sessionId, e.targetInfo.url);
  });
  cdp.on('Target.detachedFromTarget', (e) => sessions.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const msg = JSON.parse(e.message);
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(new Error(msg.error.message));
    else p.resolve(msg.result);
  });
  const send = (sessionId, method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      setTimeout(() => {
        if (pending.delete(id)) reject(new Error(`${method}: no answer`));
      }, 10_000);
    });
  try {
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  } catch (error) {
    log(`worker heap: auto-attach refused (${error.message})`);
    return null;
  }
  return {
    /** Heap of the pdf.js worker (MB) after a forced GC, or null when no worker is attached. */
    async heapMb() {
      const entry = [...sessions.entries()].find(([, url]) => url.includes('pdf.worker'));
      if (!entry) return null;
      try {
        await send(entry[0], 'HeapProfiler.collectGarbage');
        const { usedSize } = await send(entry[0], 'Runtime.getHeapUsage');
        return round(usedSize / MB, 2);
      } catch (error) {
        log(`worker heap: ${error.message}`);
        return null;
      }
    },
  };
}

export default async function run({ log }) {
  const clientCopy = snapshotClient();
  const server = await startServer({ env: { CLIENT_DIST: clientCopy } });
  let browser;
  try {
    const cookie = await login(server.url, 'thuky');
    const meetingId = await createMeeting(server.url, cookie, 'Benchmark trình đọc tài liệu');
    const up = await uploadFile(server.url, cookie, meetingId, FILE);
    if (up.status !== 201) throw new Error(`upload → ${up.status} ${JSON.stringify(up.body)}`);
    const doc = up.body;
    const pages = doc.current.pageCount;
    const fileUrl = `/api/documents/${doc.id}/file`;
    const size = await servedLength(server.url, cookie, doc.id, 'file');
    log(`freeculture.pdf: ${pages} pages, served ${size} B`);

    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const context = await browser.newContext({ viewport: VIEWPORT, hasTouch: true, deviceScaleFactor: 1, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const [name, value] = cookie.split(';')[0].split('=');
    await context.addCookies([{ name, value, url: server.url }]);
    await context.addInitScript(CANVAS_WATCH);
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    const consoleWarnings = [];
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') consoleWarnings.push(m.text());
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('HeapProfiler.enable');
    const net = networkRecorder(cdp);
    const worker = await workerHeapProbe(cdp, log);
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return round((await cdp.send('Runtime.getHeapUsage')).usedSize / MB, 2);
    };
    const domCounters = async () => {
      const c = await cdp.send('Memory.getDOMCounters');
      return { documents: c.documents, nodes: c.nodes, listeners: c.jsEventListeners };
    };

    // Baseline: the whole file by a plain fetch, in the app's own page (same cookie, same server).
    await page.goto(`${server.url}/api/health`);
    const full = [];
    for (let i = 0; i < REPS + 1; i++) {
      const ms = await page.evaluate(async (u) => {
        const t0 = performance.now();
        const res = await fetch(u, { credentials: 'same-origin', cache: 'no-store' });
        const n = (await res.arrayBuffer()).byteLength;
        if (!res.ok || n === 0) throw new Error(`GET ${u} → ${res.status}`);
        return performance.now() - t0;
      }, `${fileUrl}?v=${doc.current.version}`);
      if (i > 0) full.push(ms); // the first one warms the connection
    }

    // The reader route, cold each time (HTTP cache off, no saved reading position), after one warm-up.
    const openReader = async () => {
      net.clear();
      await page.evaluate(() => localStorage.removeItem('phonghop.reader.positions')).catch(() => undefined);
      await page.goto(`${server.url}/tai-lieu/${doc.id}`);
      await page.locator('[data-testid="pdf-page"][data-rendered="true"]').first().waitFor({ timeout: 60_000 });
      const marks = await page.evaluate(() => {
        const get = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
        return { origin: performance.timeOrigin, open: get('pdf:open'), first: get('reader:first-page') };
      });
      if (marks.first === null || marks.open === null) throw new Error(`marks missing: ${JSON.stringify(marks)}`);
      await page.waitForTimeout(300); // late network events
      const n = net.report(fileUrl, marks.origin + marks.first);
      return {
        route_ms: marks.first,
        open_ms: marks.first - marks.open,
        bytes: n.bytes,
        requests: n.requests.length,
        ranges: n.requests.map((r) => `${r.range ?? 'whole'} → ${r.status} ${r.body_bytes} B${r.aborted ? ' (aborted)' : ''}`),
        indicator: await page.locator('[data-testid="page-indicator"]').innerText(),
      };
    };
    await openReader();
    const runs = [];
    for (let i = 0; i < REPS; i++) runs.push(await openReader());
    const mid = [...runs].sort((a, b) => a.route_ms - b.route_ms)[Math.floor(runs.length / 2)];
    log(`first page: ${runs.map((r) => `${round(r.route_ms)} ms / ${r.bytes} B`).join(', ')}; full download ${full.map((x) => round(x)).join(', ')} ms`);

    // Memory, reading on from page 1 of the last run: heap after the first page, then at every quarter.
    const heapFirst = await heapMb();
    const workerFirst = worker ? await worker.heapMb() : null;
    const domFirst = await domCounters();
    await page.evaluate(() => (window.__maxPageCanvases = 0));
    const checkpoints = [];
    const quarter = Math.ceil(pages / 4);
    const t0 = Date.now();
    await page.locator('[data-testid="pdf-viewer"]').focus();
    const turns = [];
    for (let n = 2; n <= pages; n++) {
      const t = performance.now();
      await page.keyboard.press('ArrowRight');
      await page.locator(`[data-testid="page-indicator"][data-page="${n}"]`).waitFor({ timeout: 30_000 });
      // generous: a JBIG2 page decoded without WebAssembly takes tens of seconds on a loaded machine (see notes)
      await page.locator(`[data-testid="pdf-page"][data-page-number="${n}"][data-rendered="true"]`).waitFor({ timeout: 300_000 });
      turns.push({ page: n, ms: performance.now() - t });
      if (n % quarter === 0 || n === pages) {
        const cp = { page: n, heap_mb: await heapMb(), worker_heap_mb: worker ? await worker.heapMb() : null, dom: await domCounters(), canvases_now: await page.locator('[data-testid="pdf-page"] canvas').count() };
        checkpoints.push(cp);
        log(`page ${n}: heap ${cp.heap_mb} MB, worker ${cp.worker_heap_mb ?? '–'} MB, ${cp.dom.nodes} DOM nodes, ${cp.canvases_now} canvases`);
      }
    }
    const scrollS = (Date.now() - t0) / 1000;
    const slowest = [...turns].sort((a, b) => b.ms - a.ms).slice(0, 5).map((x) => ({ page: x.page, ms: round(x.ms) }));
    const wasmRefused = consoleWarnings.some((w) => w.includes('WebAssembly') && w.includes('Content Security'));
    const maxCanvases = await page.evaluate(() => window.__maxPageCanvases);
    const last = checkpoints.at(-1);
    const fetchedAll = net.report(fileUrl, Date.now() + 60_000).bytes_after_settle;

    const summary = {
      first_page_ms: round(mid.route_ms),
      first_page_open_ms: round(mid.open_ms),
      first_page_bytes_fraction: round(mid.bytes / size, 4),
      full_download_ms: round(median(full)),
      heap_after_first_page_mb: heapFirst,
      heap_after_all_pages_mb: last.heap_mb,
      heap_growth_mb: round(last.heap_mb - heapFirst, 2),
      heap_max_checkpoint_mb: Math.max(...checkpoints.map((c) => c.heap_mb)),
      worker_heap_after_first_page_mb: workerFirst,
      worker_heap_after_all_pages_mb: last.worker_heap_mb,
      max_page_canvases: maxCanvases,
      pages_turned: pages - 1,
      turn_all_pages_s: round(scrollS),
      page_turn_median_ms: round(median(turns.map((x) => x.ms))),
      page_turn_slowest_ms: slowest[0]?.ms ?? null,
    };
    const notes = [
      `first_page_ms is from navigating to /tai-lieu/:id (app boot, session, document metadata, pdf.js) to the first drawn page; first_page_open_ms from the reader's getDocument() to that page. Medians of ${REPS} cold runs after a warm-up.`,
      `pdf.js fetched ${mid.bytes} B of ${size} B (${round((mid.bytes / size) * 100, 2)} %) in ${mid.requests} range requests before the first page; after all ${pages} pages it had fetched ${fetchedAll} B in total.`,
      `Heap after a forced GC: ${heapFirst} MB after page 1, ${checkpoints.map((c) => `${c.heap_mb} MB at page ${c.page}`).join(', ')} — only the pages in view (±1) hold a canvas (at most ${maxCanvases} at once) and pages that leave the view are cleaned up (page.cleanup()).`,
      'Everything runs on localhost without throttling: the full download takes a few hundred ms here; on a meeting-room Wi-Fi the bytes fraction is what matters.',
    ];
    notes.push(
      `Turning a page (→, then the page drawn): median ${round(median(turns.map((x) => x.ms)))} ms; slowest ${slowest.map((x) => `p. ${x.page} ${x.ms} ms`).join(', ')}.`,
    );
    if (slowest.some((x) => x.page === 171 || x.page === 255)) {
      notes.push(
        'Pages 171 and 255 of freeculture.pdf each hold a 1-bit CCITT fax scan of 8992 × 10384 and 9258 × 12259 pixels (≈ 1200 dpi): pdf.js decodes it whole in the worker, then scales it down to the canvas budget (canvasMaxAreaInBytes, 16 Mi pixels) — the time goes into that decoding, not into drawing. The same pages took as long with a CSP that allowed WebAssembly (measured once through a proxy adding \'wasm-unsafe-eval\').',
      );
    }
    if (wasmRefused) notes.push("The CSP refuses WebAssembly (no 'wasm-unsafe-eval'): pdf.js uses its JavaScript fallbacks for JBIG2/CCITT, JPEG 2000 and ICC colour.");
    if (workerFirst === null) notes.push('The pdf.js worker heap could not be read (no attachable worker target).');
    if (pageErrors.length) notes.push(`page errors: ${[...new Set(pageErrors)].slice(0, 5).join(' | ')}`);

    return {
      summary,
      definitions: {
        first_page_ms: 'navigation to the reader route → first page drawn (median)',
        first_page_bytes_fraction: 'document bytes Chrome received before the first page was drawn ÷ file size',
        full_download_ms: 'fetch() of the whole /file in the same page, cache disabled (median)',
        heap_after_first_page_mb: 'main-thread JS heap after a forced GC, first page drawn',
        heap_after_all_pages_mb: 'the same after turning through every page, one at a time, each drawn',
        worker_heap_after_all_pages_mb: 'the pdf.js worker’s JS heap after a forced GC (null when not attachable)',
      },
      file: { pages, served_bytes: size, upload_ms: round(up.total_ms) },
      viewport: VIEWPORT,
      runs: runs.map((r) => ({ ...r, route_ms: round(r.route_ms), open_ms: round(r.open_ms) })),
      full_download_runs_ms: full.map((x) => round(x)),
      dom_after_first_page: domFirst,
      slowest_page_turns: slowest,
      checkpoints,
      chromium: browser.version(),
      notes,
    };
  } finally {
    await browser?.close();
    await server.stop();
    fs.rmSync(clientCopy, { recursive: true, force: true });
  }
}
