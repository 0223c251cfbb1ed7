import { isLastKnownKey } from '../live/last-known';

/**
 * The offline side of the tablet app: the service worker (public/sw.js) caches the app shell and keeps copies of
 * the meeting data the member reads; the meeting pack's files are in the pack store. Registered only in a secure
 * context (https, or localhost), where browsers allow service workers at all.
 */
const API_COPIES = 'phonghop-api-v1';

export function registerOfflineWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      // a running worker re-reads the build's file list: a deployment's new files are cached while online
      .then((registration) => registration.active?.postMessage('refresh-shell'))
      .catch(() => undefined); // no offline mode, the app still works online
  });
}

/** Asks the worker to keep copies of the member's upcoming meetings' data (on every (re)connection, as the pack syncs). */
export function warmOfflineCopies(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage('warm')).catch(() => undefined);
}

/**
 * On logout: the member's meeting data leaves the device with them — the worker's copies of the records and the
 * live rooms' last known states (the pack is cleared by the pack store).
 */
export async function clearOfflineCopies(): Promise<void> {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((k): k is string => k !== null && isLastKnownKey(k));
    for (const key of keys) localStorage.removeItem(key);
  } catch {
    // storage blocked: nothing was kept there
  }
  if (typeof caches === 'undefined') return;
  try {
    await caches.delete(API_COPIES);
  } catch {
    // nothing stored
  }
}
