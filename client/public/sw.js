/* Phòng họp không giấy — service worker: the app keeps working in the meeting room when the Wi-Fi drops.
 *
 * - App shell (HTML, scripts, styles, pdf.js worker, cMaps, fonts, wasm): every file of the build is listed in
 *   /offline-manifest.json (written by client/offline-shell.ts) and cached at install; hashed files are served
 *   from the cache first, the page itself from the network first (a new build is picked up at once).
 * - Meeting data (GET /api/… JSON): from the network, a copy kept; offline, the last copy. On the app's 'warm'
 *   message (sent on every (re)connection), the meetings whose pack the member carries, their agendas, document
 *   lists and document records are fetched too, so every document of the pack opens offline. Documents' files are
 *   the pack's (Cache Storage "phonghop-pack-v1"), read by the reader itself.
 * - Logging out deletes the copies (client/src/features/offline/offline.ts). Nothing else is cached: no POST or PUT
 *   (annotation changes go through the app's own outbox in IndexedDB), no annotation list,
 *   no error, no login call; of the session, only "who am I" (/api/auth/session).
 */
const SHELL = 'phonghop-shell-v1';
const API = 'phonghop-api-v1';
const MANIFEST = '/offline-manifest.json';

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(precacheShell().catch(() => undefined));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('message', (event) => {
  if (event.data === 'refresh-shell') event.waitUntil(precacheShell().catch(() => undefined));
  if (event.data === 'warm') event.waitUntil(warmMember().catch(() => undefined));
});

async function precacheShell() {
  const res = await fetch(MANIFEST, { cache: 'no-store' });
  if (!res.ok) return;
  const manifest = await res.clone().json();
  const cache = await caches.open(SHELL);
  const applied = await cache.match(MANIFEST);
  const before = new Map(applied ? (await applied.json()).files : []);
  const wanted = new Map(manifest.files.map(([file, hash]) => [new URL(file, self.location.origin).href, { file, hash }]));
  const have = new Set((await cache.keys()).map((r) => r.url));
  for (const [url, { file, hash }] of wanted) {
    if (have.has(url) && before.get(file) === hash) continue; // same content as the copy we hold
    const fresh = await fetch(url, { cache: 'no-cache' });
    if (fresh.ok) await cache.put(url, fresh);
  }
  // files of an older build: gone from the manifest, gone from the cache
  for (const url of have) if (!wanted.has(url) && !url.endsWith(MANIFEST)) await cache.delete(url);
  await cache.put(MANIFEST, res);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/socket.io')) return;
  if (request.mode === 'navigate') return event.respondWith(page(request));
  if (url.pathname.startsWith('/api/')) {
    if (!keepsCopy(url)) return;
    return event.respondWith(apiData(request));
  }
  if (request.headers.has('range')) return;
  event.respondWith(shellFile(request));
});

/** JSON a member reads; not files (the pack has them), not login, not anything with a side effect. */
function keepsCopy(url) {
  if (/^\/api\/documents\/[^/]+\/file$/.test(url.pathname)) return false;
  // annotations live in the tablet's IndexedDB (features/annotations): an old copy of the server's list must never
  // stand in for it, and the annotated PDF is made on demand
  if (/^\/api\/documents\/[^/]+\/(annotations|annotated-pdf|notes)$/.test(url.pathname)) return false;
  if (url.pathname.startsWith('/api/auth/')) return url.pathname === '/api/auth/session';
  return !url.pathname.startsWith('/api/health');
}

async function page(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cache = await caches.open(SHELL);
    // the shell is kept under '/' (offline-manifest.json lists index.html there)
    const shell = await cache.match('/');
    if (shell) return shell;
    throw error;
  }
}

async function shellFile(request) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok && res.type === 'basic') await cache.put(request, res.clone());
  return res;
}

async function apiData(request) {
  const cache = await caches.open(API);
  try {
    const res = await fetch(request);
    if (res.ok && (res.headers.get('content-type') ?? '').includes('application/json')) await cache.put(request, res.clone());
    else if (res.status === 401 || res.status === 403) await cache.delete(request);
    return res;
  } catch (error) {
    const copy = await cache.match(request);
    if (copy) return copy;
    throw error;
  }
}

/**
 * The signed-in member's meetings whose pack the tablet carries (invited, under way, or ended and not archived): every record the app, the meeting
 * page and the reader ask for, fetched while the network is there. The app asks for it whenever it (re)connects.
 */
async function warmMember() {
  if (!(await keep('/api/auth/session'))) return;
  await keep('/api/meetings?scope=upcoming'); // the home page's list
  for (const meeting of (await keep('/api/meetings?scope=all')) ?? []) {
    // the meetings whose pack the tablet carries (pack-sync.ts): from the invitation until archived
    if (!['published', 'in_progress', 'ended'].includes(meeting.status) || meeting.myRole === null) continue;
    const base = `/api/meetings/${encodeURIComponent(meeting.id)}`;
    await keep(base);
    await keep(`${base}/agenda`);
    for (const doc of (await keep(`${base}/documents`)) ?? []) await keep(`/api/documents/${encodeURIComponent(doc.id)}`);
  }
}

/** A record fetched and kept by apiData's own rule (JSON only; a refused session drops its copy). */
async function keep(url) {
  const res = await apiData(new Request(url, { credentials: 'same-origin' }));
  return res.ok ? res.json() : null;
}
