import type { MinutesSaveResultDto, MinutesStatus } from '@phonghop/shared';

/**
 * The minutes editor's autosave: typing schedules a save after a quiet spell; one save is in flight at a time and
 * text typed meanwhile waits for the next. Every save names the version it started from, so a stale editor is
 * refused (409) instead of overwriting a colleague; after that it stops saving until the page reloads.
 */
export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'conflict' | 'error';

export interface AutosaveView {
  status: AutosaveStatus;
  /** When the server last accepted a save (ISO). */
  savedAt: string | null;
  version: number;
  /** The minutes' status as the last save left it (an edit of approved minutes reopens the draft); null before one. */
  minutesStatus: MinutesStatus | null;
  /** Each note as the editor shows it: what was typed, else what the server holds. */
  notes: Readonly<Record<string, string>>;
  error: unknown;
}

export interface AutosaveDeps {
  save: (version: number, notes: Record<string, string | null>) => Promise<MinutesSaveResultDto>;
  delayMs: number;
  isConflict: (error: unknown) => boolean;
  schedule?: (run: () => void, ms: number) => unknown;
  cancel?: (handle: unknown) => void;
}

export class Autosaver {
  private base: Record<string, string>;
  private edits: Record<string, string> = {};
  private inFlight: Record<string, string> | null = null;
  private timer: unknown = null;
  private current: AutosaveView;
  private readonly listeners = new Set<() => void>();
  private readonly schedule: (run: () => void, ms: number) => unknown;
  private readonly cancel: (handle: unknown) => void;
  private settled: Array<() => void> = [];

  constructor(
    initial: { version: number; notes: Record<string, string> },
    private readonly deps: AutosaveDeps,
  ) {
    this.base = { ...initial.notes };
    this.schedule = deps.schedule ?? ((run, ms) => setTimeout(run, ms));
    this.cancel = deps.cancel ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.current = { status: 'idle', savedAt: null, version: initial.version, minutesStatus: null, notes: this.base, error: null };
  }

  get view(): AutosaveView {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  change(key: string, value: string): void {
    this.edits[key] = value;
    if (this.current.status === 'conflict') return this.emit({});
    this.restartTimer();
    this.emit({ status: this.inFlight ? 'saving' : 'pending' });
  }

  /** Saves now whatever is waiting (before a submit); resolves once nothing is left or saving stopped. */
  flush(): Promise<void> {
    if (this.timer !== null) this.cancel(this.timer);
    this.timer = null;
    const done = new Promise<void>((resolve) => this.settled.push(resolve));
    if (!this.inFlight) void this.run();
    return done;
  }

  dispose(): void {
    if (this.timer !== null) this.cancel(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private restartTimer(): void {
    if (this.timer !== null) this.cancel(this.timer);
    this.timer = this.schedule(() => {
      this.timer = null;
      if (!this.inFlight) void this.run();
    }, this.deps.delayMs);
  }

  private async run(): Promise<void> {
    if (this.current.status === 'conflict') return this.settle();
    const patch: Record<string, string | null> = {};
    for (const [key, value] of Object.entries(this.edits)) if (value !== (this.base[key] ?? '')) patch[key] = value === '' ? null : value;
    const sending = this.edits;
    this.edits = {};
    if (Object.keys(patch).length === 0) {
      this.emit({ status: this.current.savedAt ? 'saved' : 'idle' });
      return this.settle();
    }
    this.inFlight = sending;
    this.emit({ status: 'saving', error: null });
    try {
      const result = await this.deps.save(this.current.version, patch);
      this.base = { ...this.base, ...sending };
      this.inFlight = null;
      this.emit({ status: Object.keys(this.edits).length > 0 ? 'pending' : 'saved', savedAt: result.savedAt, version: result.version, minutesStatus: result.status });
      // text typed during the save goes out at once: its quiet spell already passed or is still running
      if (Object.keys(this.edits).length > 0 && this.timer === null) return this.run();
    } catch (error) {
      // keep what could not be saved, under anything typed since
      this.edits = { ...sending, ...this.edits };
      this.inFlight = null;
      this.emit({ status: this.deps.isConflict(error) ? 'conflict' : 'error', error });
    }
    if (this.timer === null) this.settle();
  }

  private settle(): void {
    const waiting = this.settled;
    this.settled = [];
    for (const resolve of waiting) resolve();
  }

  private emit(change: Partial<AutosaveView>): void {
    const notes = { ...this.base, ...(this.inFlight ?? {}), ...this.edits };
    this.current = { ...this.current, ...change, notes };
    for (const listener of this.listeners) listener();
  }

  /** Something typed has not reached the server yet. */
  get dirty(): boolean {
    return this.inFlight !== null || Object.keys(this.edits).length > 0;
  }
}
