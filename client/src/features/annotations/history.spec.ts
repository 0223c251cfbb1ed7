import { describe, expect, it } from '@jest/globals';
import { emptyHistory, record, redo, undo, type History } from './history';

interface Mark {
  id: string;
  text: string;
}
const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('undo/redo', () => {
  it('undoing a drawing deletes it; redoing brings it back under a new id', () => {
    const newId = ids();
    let h: History<Mark> = record(emptyHistory<Mark>(), {
      before: null,
      after: { id: 'a', text: 'x' },
    });
    const u = undo(h, newId);
    expect(u?.apply).toEqual({ before: { id: 'a', text: 'x' }, after: null });
    h = u!.history;
    const r = redo(h, newId);
    expect(r?.apply).toEqual({
      before: null,
      after: { id: 'new-1', text: 'x' },
    });
    // undoing again deletes the new id, not the old one
    expect(undo(r!.history, newId)?.apply).toEqual({
      before: { id: 'new-1', text: 'x' },
      after: null,
    });
  });

  it('undoing an erase creates a new annotation, and later steps follow the new id', () => {
    const newId = ids();
    let h = record(emptyHistory<Mark>(), {
      before: { id: 'a', text: 'x' },
      after: { id: 'a', text: 'y' },
    });
    h = record(h, { before: { id: 'a', text: 'y' }, after: null });
    const u1 = undo(h, newId)!;
    expect(u1.apply).toEqual({
      before: null,
      after: { id: 'new-1', text: 'y' },
    });
    const u2 = undo(u1.history, newId)!;
    expect(u2.apply).toEqual({
      before: { id: 'new-1', text: 'y' },
      after: { id: 'new-1', text: 'x' },
    });
    const r1 = redo(u2.history, newId)!;
    expect(r1.apply.after).toEqual({ id: 'new-1', text: 'y' });
    const r2 = redo(r1.history, newId)!;
    expect(r2.apply).toEqual({
      before: { id: 'new-1', text: 'y' },
      after: null,
    });
    expect(redo(r2.history, newId)).toBeNull();
  });

  it('a new change clears what could be redone; nothing to undo gives null', () => {
    const newId = ids();
    expect(undo(emptyHistory<Mark>(), newId)).toBeNull();
    const h = undo(
      record(emptyHistory<Mark>(), {
        before: null,
        after: { id: 'a', text: 'x' },
      }),
      newId,
    )!.history;
    expect(h.undone).toHaveLength(1);
    expect(record(h, { before: null, after: { id: 'b', text: 'z' } }).undone).toHaveLength(0);
  });
});
