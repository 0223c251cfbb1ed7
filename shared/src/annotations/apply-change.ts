import type { ChangeOutcome } from './annotation.schemas.js';

/** The fields the merge rule looks at. */
export interface Revisioned {
  rev: number;
  deleted: boolean;
  /** Idempotency key of the change that produced this state. */
  changeKey: string;
}

export interface ApplyResult<T> {
  row: T;
  changed: boolean;
  outcome: ChangeOutcome;
}

/**
 * Last-writer-by-rev merge of one change into the stored annotation. The highest rev wins, so a retry or a
 * late, reordered change applies once. A tombstone is final: an edit after a delete (a second tablet that had
 * not heard of the erase, even with a higher rev) is acknowledged and ignored; undoing an erase is a new id.
 */
export function applyChange<T extends Revisioned>(stored: T | null, incoming: T): ApplyResult<T> {
  if (!stored) return { row: incoming, changed: true, outcome: 'applied' };
  const unchanged = (): ApplyResult<T> => ({
    row: stored,
    changed: false,
    outcome: stored.changeKey === incoming.changeKey ? 'duplicate' : 'stale',
  });
  if (stored.deleted) return unchanged();
  if (incoming.rev <= stored.rev) return unchanged();
  return { row: incoming, changed: true, outcome: 'applied' };
}
