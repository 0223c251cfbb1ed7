/** Timers, injected so a test drives the batching window by hand. */
export interface BatchScheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realScheduler: BatchScheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Each item's own outcome within a committed batch: one bad ballot never fails the others. */
export type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  /** How long the first item of a batch waits for others. */
  windowMs: number;
  maxBatch: number;
  scheduler?: BatchScheduler;
  /** Called when a key has nothing left to commit: no batch running, none waiting. */
  onIdle?: (key: string) => void;
}

interface Pending<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

interface Lane<T, R> {
  items: Pending<T, R>[];
  timer: unknown;
  committing: boolean;
}

/**
 * Group commit (ADR 10): items of one key (a meeting) that arrive within `windowMs` of the first — or while the
 * previous batch of that key is committing — are handed to `commit` together, up to `maxBatch`, so a burst of
 * ballots costs one transaction and one fsync instead of one each. `commit` answers one outcome per item, in order;
 * if it throws (the transaction failed), every item of the batch fails with that error.
 */
export class GroupCommit<T, R> {
  private readonly lanes = new Map<string, Lane<T, R>>();
  private readonly scheduler: BatchScheduler;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly commit: (key: string, items: T[]) => Promise<ItemOutcome<R>[]>,
    private readonly options: GroupCommitOptions,
  ) {
    this.scheduler = options.scheduler ?? realScheduler;
  }

  submit(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let lane = this.lanes.get(key);
      if (!lane) {
        lane = { items: [], timer: null, committing: false };
        this.lanes.set(key, lane);
      }
      lane.items.push({ item, resolve, reject });
      if (lane.committing) return; // goes as soon as the running batch is committed
      if (lane.items.length >= this.options.maxBatch) this.flush(key);
      else if (lane.timer === null) lane.timer = this.scheduler.setTimeout(() => this.flush(key), this.options.windowMs);
    });
  }

  /** Resolves once every batch started so far has been committed (shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
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
    const run = this.settle(key, batch).finally(() => {
      this.inFlight.delete(run);
      lane.committing = false;
      if (lane.items.length > 0) this.flush(key);
      else {
        this.lanes.delete(key);
        this.options.onIdle?.(key);
      }
    });
    this.inFlight.add(run);
  }

  private async settle(key: string, batch: Pending<T, R>[]): Promise<void> {
    let outcomes: ItemOutcome<R>[];
    try {
      outcomes = await this.commit(
        key,
        batch.map((p) => p.item),
      );
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i];
      if (!outcome) p.reject(new Error('no outcome for a batched item'));
      else if (outcome.ok) p.resolve(outcome.value);
      else p.reject(outcome.error);
    });
  }
}
