/** The item after the current one in agenda order (sub-items included); the first when none is open yet. */
export function nextAgendaItem<T extends { id: string }>(items: readonly T[], currentItemId: string | null): T | null {
  if (currentItemId === null) return items[0] ?? null;
  const i = items.findIndex((item) => item.id === currentItemId);
  // an item removed from the agenda since it was opened: start over from the top
  if (i < 0) return items[0] ?? null;
  return items[i + 1] ?? null;
}
