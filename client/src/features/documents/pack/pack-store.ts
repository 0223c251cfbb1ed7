/**
 * The tablet's copy of the meeting pack ("gói tài liệu"): one Cache Storage entry per document version, keyed by
 * the immutable versioned URL `/api/documents/:id/file?v=N`.
 *
 * Cache Storage exists only in secure contexts; on a plain-HTTP LAN origin `caches` is missing and every
 * operation degrades to a no-op (nothing stored, so nothing is reported as delivered).
 */
export const PACK_CACHE_NAME = 'phonghop-pack-v1';
const OWNER_KEY = 'phonghop.pack.owner';

export interface StorageUsage {
  usedBytes: number;
  quotaBytes: number | null;
}

/** True when this browser can keep the pack (secure context with the Cache Storage API). */
export function packStoreAvailable(): boolean {
  return typeof globalThis.caches !== 'undefined' && (typeof window === 'undefined' || window.isSecureContext !== false);
}

/** `/api/documents/<id>/file?v=<version>`: the same string documentsApi.fileUrl() produces. */
export function packFileUrl(documentId: string, version: number): string {
  return `/api/documents/${encodeURIComponent(documentId)}/file?v=${version}`;
}

/** Reads documentId and version back from a versioned file URL (absolute or relative); null for anything else. */
export function parsePackFileUrl(url: string): { documentId: string; version: number } | null {
  const match = /\/api\/documents\/([^/?#]+)\/file\?v=(\d+)$/.exec(relativeUrl(url));
  return match ? { documentId: decodeURIComponent(match[1]), version: Number(match[2]) } : null;
}

/** Cache keys come back as absolute Request URLs; we compare path + query. */
export function relativeUrl(url: string): string {
  try {
    const u = new URL(url, 'http://local.invalid');
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

async function open(): Promise<Cache | null> {
  if (!packStoreAvailable()) return null;
  try {
    return await caches.open(PACK_CACHE_NAME);
  } catch {
    return null; // e.g. storage disabled by policy: behave as if unavailable
  }
}

export const packStore = {
  available: packStoreAvailable,

  async has(url: string): Promise<boolean> {
    const cache = await open();
    return cache ? (await cache.match(url)) !== undefined : false;
  },

  /** Stores the response under `url`; false when nothing could be stored (no Cache Storage, quota…). */
  async put(url: string, response: Response): Promise<boolean> {
    const cache = await open();
    if (!cache) return false;
    await cache.put(url, response);
    return true;
  },

  async match(url: string): Promise<Response | undefined> {
    const cache = await open();
    return cache ? cache.match(url) : undefined;
  },

  /** Every stored versioned URL, relative (`/api/documents/…/file?v=N`). */
  async keys(): Promise<string[]> {
    const cache = await open();
    if (!cache) return [];
    return (await cache.keys()).map((request) => relativeUrl(request.url));
  },

  async delete(url: string): Promise<void> {
    const cache = await open();
    if (cache) await cache.delete(url);
  },

  /** What the origin uses on this device (the pack is most of it). */
  async usage(): Promise<StorageUsage | null> {
    if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
    try {
      const estimate = await navigator.storage.estimate();
      return { usedBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? null };
    } catch {
      return null;
    }
  },

  /** Drops the whole pack: called on logout and whenever the tablet changes hands. */
  async clearAll(): Promise<void> {
    forgetOwner();
    if (!packStoreAvailable()) return;
    try {
      await caches.delete(PACK_CACHE_NAME);
    } catch {
      // nothing stored, nothing to clear
    }
  },

  /**
   * Makes sure the stored pack belongs to `userId`: if another account filled it (and its logout never ran,
   * e.g. the tab was closed), it is cleared first.
   */
  async claimFor(userId: string): Promise<void> {
    if (readOwner() !== userId) await packStore.clearAll();
    writeOwner(userId);
  },
};

function readOwner(): string | null {
  try {
    return window.localStorage.getItem(OWNER_KEY);
  } catch {
    return null;
  }
}
function writeOwner(userId: string): void {
  try {
    window.localStorage.setItem(OWNER_KEY, userId);
  } catch {
    // private mode: the logout hook still clears the pack
  }
}
function forgetOwner(): void {
  try {
    window.localStorage.removeItem(OWNER_KEY);
  } catch {
    // ignore
  }
}
