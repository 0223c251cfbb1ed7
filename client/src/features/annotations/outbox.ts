import type { Annotation } from '@phonghop/shared';
import { ApiError } from '../../api/http';
import { annotationDb } from './annotation-db';
import { annotationsApi } from './annotations.api';
import { adoptAck, backoffMs, isRetryable } from './sync-rules';

type Listener = (event: { pending: number; stored?: Annotation }) => void;

/**
 * Sends the member's queued changes one at a time, in the order they were made. An acknowledged change (applied,
 * duplicate or stale) leaves the outbox and the server's copy is stored; a network failure leaves it queued and
 * tries again with backoff, at once when the browser comes back online or the socket reconnects.
 */
export class Outbox {
  private running = false;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<Listener>();
  pending = 0;

  constructor(readonly userId: string) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(stored?: Annotation) {
    for (const l of this.listeners) l({ pending: this.pending, stored });
  }

  /** Sends what is queued now (or right after the current round). */
  kick(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.drain().finally(() => {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** A change was just written to the outbox: count it at once, then send. */
  queued(): void {
    this.pending += 1;
    this.emit();
    this.kick();
  }

  private count(): Promise<number> {
    return annotationDb.outbox(this.userId).then(
      (q) => q.length,
      () => this.pending,
    );
  }

  stop(): void {
    clearTimeout(this.timer);
    this.listeners.clear();
  }

  private async drain(): Promise<void> {
    let queue = await annotationDb.outbox(this.userId).catch(() => []);
    this.pending = queue.length;
    this.emit();
    while (queue.length > 0) {
      // entries queued meanwhile are picked up by the next round (kick() while running)
      const [entry, ...rest] = queue;
      try {
        const res = await annotationsApi.put({
          idempotencyKey: entry.idempotencyKey,
          rev: entry.rev,
          annotation: entry.annotation,
        });
        const stored = await annotationDb.acknowledge(
          this.userId,
          entry.seq as number,
          (local, laterQueued) => adoptAck(local, res.annotation, res.outcome, laterQueued),
          entry.annotation.id,
        );
        this.failures = 0;
        this.pending = await this.count();
        this.emit(stored);
      } catch (error) {
        const status = error instanceof ApiError ? error.status : 0;
        if (status === 401) return; // signed out: the session layer takes over
        if (isRetryable(status)) {
          this.failures += 1;
          this.timer = setTimeout(() => this.kick(), backoffMs(this.failures));
          return;
        }
        // refused for good (validation, rights, a document gone): retrying cannot help
        console.warn('annotation change refused', status, error);
        await annotationDb.acknowledge(this.userId, entry.seq as number, null);
        this.pending = await this.count();
        this.emit();
      }
      queue = rest;
    }
  }
}

let current: Outbox | null = null;

/** One outbox per signed-in member in this tab; it wakes up when the network returns. */
export function outboxFor(userId: string): Outbox {
  if (current?.userId !== userId) {
    current?.stop();
    current = new Outbox(userId);
    const box = current;
    window.addEventListener('online', () => {
      if (current === box) box.kick();
    });
  }
  return current;
}

/** Logout: stop sending and forget the member's annotations on this device. */
export async function clearAnnotationsOnDevice(): Promise<void> {
  current?.stop();
  current = null;
  await annotationDb.clear();
}
