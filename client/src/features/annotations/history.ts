/**
 * Undo/redo of the member's own changes in this session. Each step remembers the annotation before and after
 * (null: did not exist / deleted). A delete on the server is final (ADR 13), so bringing an annotation back —
 * undoing an erase, redoing a drawing that was undone — gives it a new id; later steps follow the new id.
 */
export interface Step<T extends { id: string }> {
  before: T | null;
  after: T | null;
}

export interface History<T extends { id: string }> {
  done: Step<T>[];
  undone: Step<T>[];
}

const LIMIT = 200;

export const emptyHistory = <T extends { id: string }>(): History<T> => ({
  done: [],
  undone: [],
});

export function record<T extends { id: string }>(h: History<T>, step: Step<T>): History<T> {
  return { done: [...h.done, step].slice(-LIMIT), undone: [] };
}

/** What to write now to move from `from` to `to`, and the step as it must be kept (ids renamed). */
interface Move<T extends { id: string }> {
  /** The state to write: `to` (maybe under a new id), or a delete of `from`. */
  apply: Step<T>;
  renamed: { from: string; to: string } | null;
}

function move<T extends { id: string }>(from: T | null, to: T | null, newId: () => string): Move<T> {
  if (to && !from) {
    // it was deleted: comes back as a new annotation
    const revived = { ...to, id: newId() };
    return {
      apply: { before: null, after: revived },
      renamed: { from: to.id, to: revived.id },
    };
  }
  return { apply: { before: from, after: to }, renamed: null };
}

function rename<T extends { id: string }>(steps: Step<T>[], from: string, to: string): Step<T>[] {
  const r = (a: T | null) => (a && a.id === from ? { ...a, id: to } : a);
  return steps.map((s) => ({ before: r(s.before), after: r(s.after) }));
}

export function undo<T extends { id: string }>(h: History<T>, newId: () => string): { history: History<T>; apply: Step<T> } | null {
  const step = h.done.at(-1);
  if (!step) return null;
  const m = move(step.after, step.before, newId);
  let done = h.done.slice(0, -1);
  let undone = [...h.undone, step];
  if (m.renamed) {
    done = rename(done, m.renamed.from, m.renamed.to);
    undone = rename(undone, m.renamed.from, m.renamed.to);
  }
  return { history: { done, undone }, apply: m.apply };
}

export function redo<T extends { id: string }>(h: History<T>, newId: () => string): { history: History<T>; apply: Step<T> } | null {
  const step = h.undone.at(-1);
  if (!step) return null;
  const m = move(step.before, step.after, newId);
  let done = [...h.done, step];
  let undone = h.undone.slice(0, -1);
  if (m.renamed) {
    done = rename(done, m.renamed.from, m.renamed.to);
    undone = rename(undone, m.renamed.from, m.renamed.to);
  }
  return { history: { done, undone }, apply: m.apply };
}
