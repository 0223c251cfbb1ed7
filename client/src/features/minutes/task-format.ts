/** "2026-12-22" → "22/12/2026". */
export function isoDateText(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/** Tasks as a list reads best: overdue first, then by deadline, finished ones last. */
export function sortTasks<T extends { status: string; deadline: string; createdAt: string }>(tasks: readonly T[]): T[] {
  const rank = (s: string) => (s === 'overdue' ? 0 : s === 'done' ? 2 : 1);
  return [...tasks].sort((a, b) => rank(a.status) - rank(b.status) || a.deadline.localeCompare(b.deadline) || a.createdAt.localeCompare(b.createdAt));
}

/** The list with `task` in place of its earlier copy (same id); the others as they were. */
export function withTask<T extends { id: string }>(list: readonly T[], task: T): T[] {
  return list.map((x) => (x.id === task.id ? task : x));
}
