import type { Annotation, AnnotationDraft, ChangeOutcome } from '@phonghop/shared';

/** One change waiting in the outbox; `seq` keeps the order of writing. */
export interface OutboxEntry {
  seq?: number;
  userId: string;
  idempotencyKey: string;
  rev: number;
  annotation: AnnotationDraft;
  queuedAt: string;
}

/** The draft fields of a stored annotation: what a change sends. */
export function draftOf(a: Annotation): AnnotationDraft {
  const { ownerId: _o, rev: _r, updatedAt: _u, fromPreviousVersion: _f, ...draft } = a;
  return draft;
}

/**
 * A local change: the next rev of the annotation (or 1), stored at once on the tablet, and its outbox entry. The
 * server keeps the highest rev (shared/src/annotations/apply-change.ts), so retries and reordering apply once.
 */
export function localChange(
  current: Annotation | undefined,
  draft: AnnotationDraft,
  ctx: { userId: string; now: string; key: string },
): { annotation: Annotation; entry: OutboxEntry } {
  const rev = (current?.rev ?? 0) + 1;
  const annotation: Annotation = {
    ...draft,
    ownerId: ctx.userId,
    rev,
    updatedAt: ctx.now,
    fromPreviousVersion: current?.fromPreviousVersion ?? false,
  };
  return {
    annotation,
    entry: {
      userId: ctx.userId,
      idempotencyKey: ctx.key,
      rev,
      annotation: draft,
      queuedAt: ctx.now,
    },
  };
}

/**
 * Merges a copy from the server (a list, a live event) into the local one. A tombstone is final on both sides;
 * otherwise the higher rev wins and an equal rev takes the server's copy (its `updatedAt`, its carry-over mark).
 * A local rev above the server's is a change still in the outbox: kept.
 */
export function mergeRemote(local: Annotation | undefined, remote: Annotation): Annotation {
  if (!local) return remote;
  if (local.deleted) return local;
  if (remote.deleted) return remote;
  return remote.rev >= local.rev ? remote : local;
}

/**
 * The server's answer to an outbox entry. Applied, duplicate or stale, the entry is done and the server's copy is
 * the truth — unless a later change of the same annotation is still queued (its higher rev is what we show), and
 * never over a deletion the server reports.
 */
export function adoptAck(local: Annotation | undefined, server: Annotation, _outcome: ChangeOutcome, laterQueued: boolean): Annotation {
  if (!local || server.deleted || !laterQueued) return server;
  return mergeRemote(local, server);
}

/** Wait before the next attempt after `failures` failed ones: 1 s, 2 s, 4 s … up to 30 s. */
export function backoffMs(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}

/** Whether a failed PUT is worth retrying: the network, the server being down or busy. Other refusals are final. */
export function isRetryable(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** The annotations to draw: not deleted, own first then others', in drawing order. */
export function visible(all: Iterable<Annotation>): Annotation[] {
  return [...all].filter((a) => !a.deleted).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
}
