/** Timers and a monotonic clock (ms), injected so a test drives the batching window by hand. */
export interface BatchScheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
  /** Runs `fn` once the I/O ready now has been handled (setImmediate: after the event loop's poll phase). */
  afterIo(fn: () => void): void;
}

export const realScheduler: BatchScheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  now: () => performance.now(),
  afterIo: (fn) => setImmediate(fn),
};

/** Each item's own outcome within a committed batch: one bad ballot never fails the others. */
export type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupCommitOptions<T> {
  /** A batch goes once no item has arrived for this long: the burst is over. */
  quietMs: number;
  /** …or once its first item has waited this long, however busy the stream. */
  maxWaitMs: number;
  maxBatch: number;
  scheduler?: BatchScheduler;
  /** Called when a key has nothing left to commit: no batch running, none waiting, none arrived with this turn's I/O. */
  onIdle?: (key: string) => void;
  /**
   * An item's identity (a ballot's idempotency key). An item whose identity is already waiting or committing is the
   * same item sent again (a retry racing its original): it shares the original's outcome, costs nothing (no item in
   * a batch, no transaction of its own) and does not hold the waiting batch back as a new arrival would.
   */
  identityOf?: (item: T) => string;
}

interface Waiter<R> {
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

interface Pending<T, R> extends Waiter<R> {
  item: T;
  identity: string | undefined;
  /** The same item sent again before this one was answered (identityOf). */
  again: Waiter<R>[];
}

interface Lane<T, R> {
  items: Pending<T, R>[];
  /** The items waiting or committing, by identity (identityOf), until they are answered. */
  byIdentity: Map<string, Pending<T, R>>;
  timer: unknown;
  /** Quiet by the clock; looking once more after this turn's I/O (whenQuiet). */
  checking: boolean;
  committing: boolean;
  /** When the waiting batch's first and latest items arrived (scheduler.now()). */
  firstAt: number;
  lastAt: number;
}

/**
 * Group commit (ADR 10): items of one key (a meeting) are handed to `commit` together, up to `maxBatch`, so a burst
 * of ballots costs one transaction and one fsync instead of one each. A batch waits while items keep arriving and
 * goes once none has come for `quietMs` (at most `maxWaitMs` after its first): a room voting at once is one batch,
 * not a first slice plus the rest, which would wait for the slice's commit and pay a transaction's fixed cost again.
 * Items that arrive while a batch commits go right after it. `commit` answers one outcome per item, in order; if it
 * throws (the transaction failed), every item of the batch fails with that error.
 */
export class GroupCommit<T, R> {
  private readonly lanes = new Map<string, Lane<T, R>>();
  private readonly scheduler: BatchScheduler;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly commit: (key: string, items: T[]) => Promise<ItemOutcome<R>[]>,
    private readonly options: GroupCommitOptions<T>,
  ) {
    this.scheduler = options.scheduler ?? realScheduler;
  }

  submit(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let lane = this.lanes.get(key);
      const now = this.scheduler.now();
      if (!lane) {
        lane = { items: [], byIdentity: new Map(), timer: null, checking: false, committing: false, firstAt: now, lastAt: now };
        this.lanes.set(key, lane);
      }
      const identity = this.options.identityOf?.(item);
      const waiting = identity === undefined ? undefined : lane.byIdentity.get(identity);
      if (waiting) {
        waiting.again.push({ resolve, reject });
        return;
      }
      const pending: Pending<T, R> = { item, identity, resolve, reject, again: [] };
      lane.items.push(pending);
      if (identity !== undefined) lane.byIdentity.set(identity, pending);
      lane.lastAt = now;
      if (lane.committing) return; // goes as soon as the running batch is committed
      if (lane.items.length >= this.options.maxBatch) this.flush(key);
      else if (lane.timer === null && !lane.checking) {
        lane.firstAt = now;
        lane.timer = this.scheduler.setTimeout(() => this.whenQuiet(key), this.options.quietMs);
      }
    });
  }

  /** Resolves once every batch started so far has been committed (shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * The waiting batch's timer: it goes if it has waited long enough, or if the stream has gone quiet, else waits on.
   * Quiet by the clock is checked once more after this turn's I/O: a process that was not running for a while (a
   * busy or preempted machine) fires its due timers before it reads the sockets that filled meanwhile, and would
   * otherwise cut a burst in two.
   */
  private whenQuiet(key: string): void {
    const lane = this.lanes.get(key);
    if (!lane) return;
    lane.timer = null;
    const now = this.scheduler.now();
    if (now - lane.firstAt >= this.options.maxWaitMs) return this.flush(key);
    const quietFor = now - lane.lastAt;
    if (quietFor < this.options.quietMs) {
      // at least 1 ms, as setTimeout would anyway: a float remainder must not re-arm for nothing
      lane.timer = this.scheduler.setTimeout(() => this.whenQuiet(key), Math.max(1, this.options.quietMs - quietFor));
      return;
    }
    const seen = lane.lastAt;
    lane.checking = true;
    this.scheduler.afterIo(() => {
      lane.checking = false;
      if (this.lanes.get(key) !== lane || lane.committing) return;
      if (lane.lastAt === seen) this.flush(key);
      else lane.timer = this.scheduler.setTimeout(() => this.whenQuiet(key), this.options.quietMs);
    });
  }

  private flush(key: string): void {
    const lane = this.lanes.get(key);
    if (!lane || lane.committing) return;
    if (lane.timer !== null) {
      this.scheduler.clearTimeout(lane.timer);
      lane.timer = null;
    }
    const batch = lane.items.splice(0, this.options.maxBatch);
    if (batch.length === 0) {
      this.lanes.delete(key);
      return;
    }
    lane.committing = true;
    const run = this.settle(key, lane, batch).finally(() => {
      this.inFlight.delete(run);
      lane.committing = false;
      if (lane.items.length > 0) this.flush(key);
      else {
        this.lanes.delete(key);
        this.idleAfterIo(key);
      }
    });
    this.inFlight.add(run);
  }

  /**
   * A key is idle once this turn's I/O has brought it nothing new. Not before: a SQLite commit does not yield, so the
   * ballots that reached the sockets while it ran are read only after it, and a burst cut in two would otherwise look
   * idle between its batches (its facts would go to the room before its second batch is even read).
   */
  private idleAfterIo(key: string): void {
    this.scheduler.afterIo(() => {
      if (!this.lanes.has(key)) this.options.onIdle?.(key);
    });
  }

  private async settle(key: string, lane: Lane<T, R>, batch: Pending<T, R>[]): Promise<void> {
    let outcomes: ItemOutcome<R>[] | null = null;
    let failure: unknown;
    try {
      outcomes = await this.commit(
        key,
        batch.map((p) => p.item),
      );
    } catch (error) {
      failure = error;
    }
    // answered now: an item sent again from here on is a new item (answered from what was stored)
    for (const p of batch) if (p.identity !== undefined) lane.byIdentity.delete(p.identity);
    const results = batch.map((_, i): ItemOutcome<R> =>
      outcomes === null ? { ok: false, error: failure } : (outcomes[i] ?? { ok: false, error: new Error('no outcome for a batched item') }),
    );
    const answer = (w: Waiter<R>, outcome: ItemOutcome<R>) => (outcome.ok ? w.resolve(outcome.value) : w.reject(outcome.error));
    // Every item once before any copy sent again: the acks leave in this order, and a sender needs only the first
    // answer it gets, so the last sender is answered a whole burst's worth of duplicate acks sooner.
    batch.forEach((p, i) => answer(p, results[i]));
    batch.forEach((p, i) => p.again.forEach((w) => answer(w, results[i])));
  }
}
