export interface OrderEntry {
  id: string;
  parentId: string | null;
}

/**
 * Validates a requested order against the current items: the same ids, each once; parents are top-level items
 * of this agenda (two levels only); an item that has children cannot become a child. Returns positions.
 */
export function planReorder(
  current: ReadonlyArray<{ id: string; parentId: string | null }>,
  order: readonly OrderEntry[],
): { ok: true; positions: Array<{ id: string; parentId: string | null; position: number }> } | { ok: false; code: 'AGENDA_ORDER_MISMATCH' | 'AGENDA_NESTING_TOO_DEEP' } {
  const ids = new Set(current.map((i) => i.id));
  const seen = new Set<string>();
  for (const e of order) {
    if (!ids.has(e.id) || seen.has(e.id)) return { ok: false, code: 'AGENDA_ORDER_MISMATCH' };
    seen.add(e.id);
  }
  if (seen.size !== ids.size) return { ok: false, code: 'AGENDA_ORDER_MISMATCH' };
  const parentOf = new Map(order.map((e) => [e.id, e.parentId]));
  for (const e of order) {
    if (e.parentId === null) continue;
    if (!ids.has(e.parentId) || e.parentId === e.id) return { ok: false, code: 'AGENDA_ORDER_MISMATCH' };
    if (parentOf.get(e.parentId) !== null) return { ok: false, code: 'AGENDA_NESTING_TOO_DEEP' };
  }
  const counters = new Map<string | null, number>();
  const positions = order.map((e) => {
    const next = (counters.get(e.parentId) ?? 0) + 1;
    counters.set(e.parentId, next);
    return { id: e.id, parentId: e.parentId, position: next };
  });
  return { ok: true, positions };
}
