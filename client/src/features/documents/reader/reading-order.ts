import type { AgendaDto, DocumentDto } from '@phonghop/shared';

/**
 * The meeting's documents in the order the agenda lists them (as the meeting page shows them): each item's
 * documents in turn, then those attached to no item. The reader's "previous / next document" walks this.
 */
export function readingOrder<D extends Pick<DocumentDto, 'id' | 'agendaItemId'>>(agenda: Pick<AgendaDto, 'items'>, docs: readonly D[]): D[] {
  const itemIds = new Set(agenda.items.map((i) => i.id));
  const ordered = agenda.items.flatMap((item) => docs.filter((d) => d.agendaItemId === item.id));
  return [...ordered, ...docs.filter((d) => !d.agendaItemId || !itemIds.has(d.agendaItemId))];
}

/** The documents before and after `id` in that order (null at either end, or when `id` is not in it). */
export function neighbours<D extends { id: string }>(order: readonly D[], id: string): { prev: D | null; next: D | null; index: number } {
  const index = order.findIndex((d) => d.id === id);
  if (index === -1) return { prev: null, next: null, index };
  return { prev: order[index - 1] ?? null, next: order[index + 1] ?? null, index };
}
