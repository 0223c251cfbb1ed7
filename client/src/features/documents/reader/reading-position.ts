/**
 * Where each member left off in each document version, kept on the tablet (localStorage) so the reader reopens
 * there. One entry per user + document + version (a new version may move pages: it starts afresh); the oldest
 * entries are dropped beyond `max`, so years of meetings do not fill the storage.
 */
export const POSITIONS_KEY = 'phonghop.reader.positions';

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;
type Entries = Record<string, { page: number; at: number }>;

export function positionKey(userId: string, documentId: string, version: number): string {
  return `${userId}:${documentId}:${version}`;
}

export class ReadingPositions {
  constructor(
    private readonly storage: StorageLike | null,
    private readonly now: () => number = Date.now,
    private readonly max = 300,
  ) {}

  /** The page saved for `key`, or null (never read, or the storage is unavailable or garbled). */
  get(key: string): number | null {
    const page = this.read()[key]?.page;
    return typeof page === 'number' && Number.isInteger(page) && page >= 1 ? page : null;
  }

  set(key: string, page: number): void {
    if (!this.storage || !Number.isInteger(page) || page < 1) return;
    const entries = this.read();
    if (entries[key]?.page === page) return;
    entries[key] = { page, at: this.now() };
    const keys = Object.keys(entries);
    if (keys.length > this.max) {
      keys.sort((a, b) => entries[a].at - entries[b].at);
      for (const k of keys.slice(0, keys.length - this.max)) delete entries[k];
    }
    try {
      this.storage.setItem(POSITIONS_KEY, JSON.stringify(entries));
    } catch {
      // quota or private mode: the reader simply opens at page 1 next time
    }
  }

  private read(): Entries {
    if (!this.storage) return {};
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(POSITIONS_KEY) ?? '{}');
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Entries) : {};
    } catch {
      return {};
    }
  }
}

/** The browser's store, or null where localStorage is blocked. */
export function browserPositions(): ReadingPositions {
  try {
    return new ReadingPositions(window.localStorage);
  } catch {
    return new ReadingPositions(null);
  }
}

/** The page to open at: the saved one if the document still has it, else the first. */
export function resumePage(saved: number | null, pageCount: number): number {
  return saved !== null && saved >= 1 && saved <= pageCount ? saved : 1;
}

/** `?page=N` of a link into a document (a search hit): a whole page number from 1, else null. */
export function requestedPage(param: string | null): number | null {
  if (param === null || !/^\d+$/.test(param.trim())) return null;
  const page = Number(param.trim());
  return Number.isSafeInteger(page) && page >= 1 ? page : null;
}
