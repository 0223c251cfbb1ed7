import type { AgendaItemDto } from '@phonghop/shared';

export type OrderEntry = { id: string; parentId: string | null };

/** The current order as the server wants it back: roots in order, each followed by its children. */
export function currentOrder(items: readonly AgendaItemDto[]): OrderEntry[] {
  const byPos = (x: AgendaItemDto, y: AgendaItemDto) => x.position - y.position;
  const roots = items.filter((i) => !i.parentId).sort(byPos);
  return roots.flatMap((r) => [
    { id: r.id, parentId: null },
    ...items
      .filter((i) => i.parentId === r.id)
      .sort(byPos)
      .map((c) => ({ id: c.id, parentId: r.id })),
  ]);
}

/** Siblings (same parent) in order. */
function siblings(order: OrderEntry[], parentId: string | null): string[] {
  return order.filter((e) => e.parentId === parentId).map((e) => e.id);
}

/** Rebuilds the flat order from root ids and a children map. */
function rebuild(roots: string[], children: Map<string, string[]>): OrderEntry[] {
  return roots.flatMap((r) => [{ id: r, parentId: null }, ...(children.get(r) ?? []).map((c) => ({ id: c, parentId: r }))]);
}

function split(order: OrderEntry[]) {
  const roots = siblings(order, null);
  const children = new Map(roots.map((r) => [r, siblings(order, r)]));
  return { roots, children };
}

/** Moves an item up (-1) or down (+1) among its siblings; null when it is already at the edge. */
export function moveItem(order: OrderEntry[], id: string, delta: -1 | 1): OrderEntry[] | null {
  const entry = order.find((e) => e.id === id);
  if (!entry) return null;
  return placeAmongSiblings(order, id, (list, index) => index + delta, entry.parentId);
}

/** Drops `id` at the place of `targetId` (same parent only: drag never changes the nesting). */
export function dropItem(order: OrderEntry[], id: string, targetId: string): OrderEntry[] | null {
  const entry = order.find((e) => e.id === id);
  const target = order.find((e) => e.id === targetId);
  if (!entry || !target || entry.parentId !== target.parentId || id === targetId) return null;
  return placeAmongSiblings(order, id, (list) => list.indexOf(targetId), entry.parentId);
}

function placeAmongSiblings(order: OrderEntry[], id: string, to: (list: string[], index: number) => number, parentId: string | null): OrderEntry[] | null {
  const { roots, children } = split(order);
  const list = parentId === null ? roots : (children.get(parentId) ?? []);
  const index = list.indexOf(id);
  const next = to(list, index);
  if (index < 0 || next < 0 || next >= list.length || next === index) return null;
  const moved = [...list];
  moved.splice(index, 1);
  moved.splice(next, 0, id);
  if (parentId === null) return rebuild(moved, children);
  return rebuild(roots, new Map(children).set(parentId, moved));
}
