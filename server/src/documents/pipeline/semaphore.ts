/**
 * A small FIFO semaphore: at most `max` jobs run at once, the rest wait in order. Used to cap pdf.js workers
 * and LibreOffice processes, which each take hundreds of MB; an upload burst then queues instead of
 * exhausting the server's memory.
 */
export class Semaphore {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`Semaphore max must be a positive integer, got ${max}`);
  }

  /** Jobs waiting for a slot (for metrics and tests). */
  get pending(): number {
    return this.waiting.length;
  }

  get active(): number {
    return this.running;
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await job();
    } finally {
      // Hand the slot straight to the next waiter (running stays the same) or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
