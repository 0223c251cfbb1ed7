import type { MeetingSummaryDto } from '@phonghop/shared';
import { readBodyWithProgress } from '../../../api/read-body';
import { packFileUrl, parsePackFileUrl, type StorageUsage } from './pack-store';

/* ------------------------------------------------------------------------------------------------------------
 * Planner (pure): which versioned files of which meetings still have to reach this tablet, in what order.
 * ---------------------------------------------------------------------------------------------------------- */

/** The meeting fields the planner needs. */
export type PackMeeting = Pick<MeetingSummaryDto, 'id' | 'status' | 'startsAt' | 'myRole'>;

/** The document fields the planner needs (a DocumentDto fits). */
export interface PackDocument {
  id: string;
  current: { version: number; sizeBytes: number; pdfSha256: string };
}

export interface PlannedDownload {
  meetingId: string;
  documentId: string;
  version: number;
  url: string;
  sizeBytes: number;
  pdfSha256: string;
}

export type DocsByMeeting = ReadonlyMap<string, readonly PackDocument[]> | Readonly<Record<string, readonly PackDocument[]>>;

/**
 * Statuses whose pack members carry: from the invitation until the meeting is archived (after the meeting they
 * still read the documents to check the minutes and follow the conclusions).
 */
const PACK_STATUSES: ReadonlySet<string> = new Set(['published', 'in_progress', 'ended']);
/** The order the packs are fetched in: the meeting under way, then the coming ones, the past ones last. */
const PACK_PRIORITY: Readonly<Record<string, number>> = { in_progress: 0, published: 1, ended: 2 };

function docsOf(docsByMeeting: DocsByMeeting, meetingId: string): readonly PackDocument[] {
  if (docsByMeeting instanceof Map) return docsByMeeting.get(meetingId) ?? [];
  return (docsByMeeting as Readonly<Record<string, readonly PackDocument[]>>)[meetingId] ?? [];
}

/**
 * The meetings whose pack this user carries, most urgent first: a meeting in progress, then the coming ones by
 * start time, then the ended ones, latest first. Staff who merely see a meeting (myRole null) carry nothing.
 */
export function packMeetings<M extends PackMeeting>(meetings: readonly M[]): M[] {
  const start = (m: M) => {
    const t = Date.parse(m.startsAt);
    return Number.isNaN(t) ? 0 : t;
  };
  return meetings
    .filter((m) => PACK_STATUSES.has(m.status) && m.myRole !== null)
    .sort((a, b) => {
      const stage = PACK_PRIORITY[a.status] - PACK_PRIORITY[b.status];
      if (stage !== 0) return stage;
      const time = a.status === 'ended' ? start(b) - start(a) : start(a) - start(b);
      if (time !== 0) return time;
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
}

/**
 * What to download, one file at a time: the current meeting's documents first, smaller files first within a
 * meeting (the member can open more of the pack sooner). Only current versions; anything already cached is
 * skipped; a document listed twice is fetched once.
 */
export function planDownloads(meetings: readonly PackMeeting[], docsByMeeting: DocsByMeeting, cachedUrls: Iterable<string>): PlannedDownload[] {
  const cached = new Set(cachedUrls);
  const seen = new Set<string>();
  const plan: PlannedDownload[] = [];
  for (const meeting of packMeetings(meetings)) {
    const items = docsOf(docsByMeeting, meeting.id)
      .map((d) => ({
        meetingId: meeting.id,
        documentId: d.id,
        version: d.current.version,
        url: packFileUrl(d.id, d.current.version),
        sizeBytes: d.current.sizeBytes,
        pdfSha256: d.current.pdfSha256,
      }))
      .filter((item) => !cached.has(item.url) && !seen.has(item.url))
      .sort((a, b) => a.sizeBytes - b.sizeBytes || (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
    for (const item of items) {
      seen.add(item.url);
      plan.push(item);
    }
  }
  return plan;
}

/** The delivery report for one meeting: every current version that is really stored on this tablet. */
export function deliveredItems(docs: readonly PackDocument[], cachedUrls: ReadonlySet<string>): Array<{ documentId: string; version: number }> {
  return docs
    .filter((d) => cachedUrls.has(packFileUrl(d.id, d.current.version)))
    .map((d) => ({ documentId: d.id, version: d.current.version }));
}

/**
 * Cached files that are no longer wanted: an older version of a listed document always; and, when `complete`
 * (every pack meeting was listed), any pack file that is not a current version of a listed document
 * (removed documents, cancelled or finished meetings).
 */
export function staleUrls(cachedUrls: Iterable<string>, docsByMeeting: DocsByMeeting, meetingIds: readonly string[], complete: boolean): string[] {
  const currentById = new Map<string, number>();
  for (const id of meetingIds) for (const d of docsOf(docsByMeeting, id)) currentById.set(d.id, d.current.version);
  const stale: string[] = [];
  for (const url of cachedUrls) {
    const parsed = parsePackFileUrl(url);
    if (!parsed) continue;
    const current = currentById.get(parsed.documentId);
    if (current === undefined ? complete : current !== parsed.version) stale.push(url);
  }
  return stale;
}

/* ------------------------------------------------------------------------------------------------------------
 * Runner: lists, prunes, downloads one file at a time, reports. Never throws at its caller; retries with backoff.
 * ---------------------------------------------------------------------------------------------------------- */

export type PackPhase = 'idle' | 'syncing' | 'retrying' | 'done' | 'offline' | 'unavailable';

export interface PackSyncState {
  phase: PackPhase;
  /** Files planned in this round, and how many of them are stored. */
  total: number;
  completed: number;
  bytesTotal: number;
  bytesDone: number;
  /** Meetings whose whole pack is on the tablet (after a round) / meetings with a pack at all. */
  meetingsReady: number;
  meetingCount: number;
  usage: StorageUsage | null;
}

export const INITIAL_PACK_STATE: PackSyncState = {
  phase: 'idle',
  total: 0,
  completed: 0,
  bytesTotal: 0,
  bytesDone: 0,
  meetingsReady: 0,
  meetingCount: 0,
  usage: null,
};

export interface PackStoreLike {
  available(): boolean;
  keys(): Promise<string[]>;
  put(url: string, response: Response): Promise<boolean>;
  delete(url: string): Promise<void>;
  usage(): Promise<StorageUsage | null>;
}

export interface PackSyncDeps {
  listMeetings(signal: AbortSignal): Promise<PackMeeting[]>;
  listDocuments(meetingId: string, signal: AbortSignal): Promise<PackDocument[]>;
  store: PackStoreLike;
  /** Fetches one file, calling onBytes with the bytes received so far; resolves to the response to cache. */
  download(item: PlannedDownload, signal: AbortSignal, onBytes: (received: number) => void): Promise<Response>;
  /** Emits `pack:report-delivery`; resolves false when it could not be sent (the next sync re-reports). */
  report(meetingId: string, items: Array<{ documentId: string; version: number }>): Promise<boolean>;
  /** Runs before each round (e.g. clear a pack left by another account). */
  prepare?(): Promise<void>;
  isOnline?(): boolean;
  backoffMs?: readonly number[];
  now?(): number;
}

/** An HTTP failure while listing or downloading; 4xx other than 408/429 are not worth retrying on a timer. */
export class PackHttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
    this.name = 'PackHttpError';
  }
  get permanent(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

class OfflineError extends Error {}

const DEFAULT_BACKOFF = [5_000, 30_000, 120_000] as const;
const PROGRESS_EVERY_MS = 150;

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
function isPermanent(error: unknown): boolean {
  if (error instanceof PackHttpError) return error.permanent;
  const status = httpStatus(error);
  return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

export class PackSyncEngine {
  private state: PackSyncState = INITIAL_PACK_STATE;
  private readonly listeners = new Set<() => void>();
  private running = false;
  private again = false;
  private stopped = true;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | null = null;
  private lastProgressAt = 0;

  constructor(private readonly deps: PackSyncDeps) {}

  /* useSyncExternalStore plumbing */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getSnapshot = (): PackSyncState => this.state;

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
      window.addEventListener('offline', this.onOffline);
    }
  }

  /** Stops everything (logout, unmount): aborts the running download, cancels the retry timer. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.controller?.abort();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('offline', this.onOffline);
    }
  }

  /** Plan again (and download what is missing). Coalesces: a request during a round runs one more round. */
  requestSync(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.loop();
  }

  /** A document was removed from its meeting: drop every cached version of it now. */
  async forgetDocument(documentId: string): Promise<void> {
    if (!this.deps.store.available()) return;
    const keys = await this.deps.store.keys();
    await Promise.all(keys.filter((url) => parsePackFileUrl(url)?.documentId === documentId).map((url) => this.deps.store.delete(url)));
  }

  private readonly onOnline = () => this.requestSync();
  private readonly onOffline = () => {
    this.controller?.abort();
    if (this.state.phase !== 'unavailable') this.set({ phase: 'offline' });
  };

  private online(): boolean {
    return this.deps.isOnline ? this.deps.isOnline() : typeof navigator === 'undefined' || navigator.onLine !== false;
  }

  private set(patch: Partial<PackSyncState>, force = true): void {
    const now = this.deps.now?.() ?? Date.now();
    this.state = { ...this.state, ...patch };
    if (!force && now - this.lastProgressAt < PROGRESS_EVERY_MS) return;
    this.lastProgressAt = now;
    for (const listener of this.listeners) listener();
  }

  private async loop(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        await this.round();
      } while (this.again && !this.stopped);
    } finally {
      this.running = false;
    }
  }

  private scheduleRetry(): void {
    const backoff = this.deps.backoffMs ?? DEFAULT_BACKOFF;
    const delay = backoff[Math.min(this.attempt, backoff.length - 1)];
    this.attempt += 1;
    this.set({ phase: 'retrying' });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.requestSync();
    }, delay);
  }

  private async round(): Promise<void> {
    const { store } = this.deps;
    if (!store.available()) {
      this.set({ ...INITIAL_PACK_STATE, phase: 'unavailable' });
      return;
    }
    if (!this.online()) {
      this.set({ phase: 'offline' });
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    const { signal } = controller;
    const wasDone = this.state.phase === 'done';
    // A quiet re-check keeps showing "done" until there is really something to download.
    if (!wasDone) this.set({ phase: 'syncing', total: 0, completed: 0, bytesTotal: 0, bytesDone: 0 });

    try {
      await this.deps.prepare?.();
      const meetings = packMeetings(await this.deps.listMeetings(signal));
      const docsByMeeting = new Map<string, PackDocument[]>();
      let complete = true;
      for (const meeting of meetings) {
        try {
          docsByMeeting.set(meeting.id, await this.deps.listDocuments(meeting.id, signal));
        } catch (error) {
          // The meeting went away between the two calls (cancelled, removed from it): skip it this round.
          if (!isPermanent(error)) throw error;
          complete = false;
        }
      }
      const listed = meetings.filter((m) => docsByMeeting.has(m.id));
      const cached = new Set(await store.keys());
      for (const url of staleUrls(cached, docsByMeeting, listed.map((m) => m.id), complete)) {
        await store.delete(url);
        cached.delete(url);
      }

      const plan = planDownloads(listed, docsByMeeting, cached);
      const bytesTotal = plan.reduce((sum, item) => sum + item.sizeBytes, 0);
      this.set({
        phase: plan.length > 0 ? 'syncing' : this.state.phase,
        total: plan.length,
        completed: 0,
        bytesTotal,
        bytesDone: 0,
        meetingCount: listed.length,
      });

      let failures = 0;
      let retryable = false;
      let bytesBefore = 0;
      for (const item of plan) {
        if (this.stopped || signal.aborted) break;
        if (!this.online()) throw new OfflineError();
        try {
          const response = await this.deps.download(item, signal, (received) =>
            this.set({ bytesDone: bytesBefore + Math.min(received, item.sizeBytes || received) }, false),
          );
          if (this.stopped || signal.aborted) break;
          if (!(await store.put(item.url, response))) throw new Error('not stored');
          cached.add(item.url);
          bytesBefore += item.sizeBytes;
          this.set({ completed: this.state.completed + 1, bytesDone: bytesBefore });
          await this.reportMeeting(item.meetingId, docsByMeeting.get(item.meetingId) ?? [], cached);
        } catch (error) {
          if (isAbort(error) || signal.aborted) break;
          failures += 1;
          if (!isPermanent(error)) retryable = true;
          bytesBefore += item.sizeBytes;
          this.set({ bytesDone: bytesBefore });
        }
      }
      if (this.stopped) return;
      if (signal.aborted) {
        if (!this.online()) this.set({ phase: 'offline' });
        return;
      }

      // Re-report the meetings that had nothing new: cheap, idempotent, and heals a report lost to a disconnect.
      const downloadedFor = new Set(plan.map((item) => item.meetingId));
      for (const meeting of listed) {
        if (!downloadedFor.has(meeting.id)) await this.reportMeeting(meeting.id, docsByMeeting.get(meeting.id) ?? [], cached);
      }

      const meetingsReady = listed.filter((m) => deliveredItems(docsByMeeting.get(m.id) ?? [], cached).length === (docsByMeeting.get(m.id) ?? []).length).length;
      const usage = await store.usage();
      if (failures > 0 && retryable) {
        this.set({ meetingsReady, usage });
        this.scheduleRetry();
      } else {
        this.attempt = 0;
        this.set({ phase: 'done', meetingsReady, usage });
      }
    } catch (error) {
      if (this.stopped) return;
      if (error instanceof OfflineError || !this.online()) {
        this.set({ phase: 'offline' });
        return;
      }
      if (isAbort(error)) return;
      if (httpStatus(error) === 401) return; // the session layer signs the user out
      this.scheduleRetry();
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }

  private async reportMeeting(meetingId: string, docs: readonly PackDocument[], cached: ReadonlySet<string>): Promise<void> {
    const items = deliveredItems(docs, cached);
    if (items.length === 0) return;
    try {
      await this.deps.report(meetingId, items);
    } catch {
      // Not connected right now: the sync after reconnecting reports again.
    }
  }
}

/* ------------------------------------------------------------------------------------------------------------
 * The browser download: same-origin fetch, body read as a stream for progress, checked against pdfSha256.
 * ---------------------------------------------------------------------------------------------------------- */

export async function downloadPackFile(item: PlannedDownload, signal: AbortSignal, onBytes: (received: number) => void): Promise<Response> {
  const res = await fetch(item.url, { credentials: 'same-origin', signal, headers: { Accept: 'application/pdf' } });
  if (res.status !== 200) throw new PackHttpError(res.status);
  const type = res.headers.get('Content-Type') ?? 'application/pdf';
  const blob = await readBodyWithProgress(res, onBytes);
  await verifySha256(blob, item.pdfSha256);
  const headers = new Headers({ 'Content-Type': type, 'Content-Length': String(blob.size) });
  const etag = res.headers.get('ETag');
  if (etag) headers.set('ETag', etag);
  return new Response(blob, { status: 200, headers });
}

/** A truncated or corrupted file must not count as delivered. Skipped where WebCrypto is missing. */
async function verifySha256(blob: Blob, expected: string): Promise<void> {
  if (!/^[0-9a-f]{64}$/i.test(expected) || typeof crypto === 'undefined' || !crypto.subtle) return;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  if (hex !== expected.toLowerCase()) throw new Error('PDF checksum mismatch');
}
