import { describe, expect, it } from '@jest/globals';
import { applyChange } from './apply-change.js';

const state = (rev: number, changeKey: string, extra: { deleted?: boolean; text?: string } = {}) => ({
  rev,
  changeKey,
  deleted: extra.deleted ?? false,
  text: extra.text ?? `rev ${rev}`,
});

/** Applies changes in the given order, as the server would, and returns what is stored. */
function replay(changes: Array<ReturnType<typeof state>>) {
  let stored: ReturnType<typeof state> | null = null;
  for (const c of changes) stored = applyChange(stored, c).row;
  return stored;
}

describe('applyChange', () => {
  it('stores the first change of an annotation', () => {
    expect(applyChange(null, state(1, 'a'))).toEqual({ row: state(1, 'a'), changed: true, outcome: 'applied' });
  });

  it('applies a higher rev', () => {
    expect(applyChange(state(1, 'a'), state(2, 'b'))).toEqual({ row: state(2, 'b'), changed: true, outcome: 'applied' });
  });

  it('acknowledges a retry of the stored change once, without change', () => {
    expect(applyChange(state(2, 'b'), state(2, 'b'))).toEqual({ row: state(2, 'b'), changed: false, outcome: 'duplicate' });
  });

  it('ignores an older rev that arrives after a newer one (reordering), and says it is stale', () => {
    expect(applyChange(state(3, 'c'), state(2, 'b'))).toEqual({ row: state(3, 'c'), changed: false, outcome: 'stale' });
  });

  it('keeps the stored change when a different change claims the same rev', () => {
    expect(applyChange(state(2, 'b', { text: 'first' }), state(2, 'x', { text: 'second' }))).toMatchObject({ changed: false, outcome: 'stale', row: { text: 'first' } });
  });

  it('ends at the same state whatever the order and the retries', () => {
    const changes = [state(1, 'a'), state(2, 'b'), state(3, 'c'), state(4, 'd')];
    const shuffled = [changes[2], changes[0], changes[3], changes[1], changes[3], changes[0]];
    expect(replay(shuffled)).toEqual(replay(changes));
  });

  it('a tombstone wins over an older edit that arrives late', () => {
    expect(applyChange(state(3, 'del', { deleted: true }), state(2, 'edit'))).toMatchObject({ changed: false, row: { deleted: true, rev: 3 } });
  });

  it('a tombstone is final: an edit with a higher rev after the delete is acknowledged and ignored', () => {
    expect(applyChange(state(3, 'del', { deleted: true }), state(9, 'late-edit'))).toEqual({
      row: state(3, 'del', { deleted: true }),
      changed: false,
      outcome: 'stale',
    });
  });

  it('stores a tombstone for an annotation the server never saw (drawn and erased offline)', () => {
    expect(applyChange(null, state(2, 'del', { deleted: true }))).toMatchObject({ changed: true, row: { deleted: true } });
  });
});
