/** The document outline (bookmarks) as a flat, indented list, and where each entry points. */
export interface OutlineSource {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineSource[];
}

export interface OutlineRow {
  key: string;
  title: string;
  depth: number;
  dest: string | unknown[] | null;
}

/** Depth-first, children under their parent; entries without a destination (web links) are left out. */
export function flattenOutline(items: readonly OutlineSource[], depth = 0, prefix = ''): OutlineRow[] {
  return items.flatMap((item, i) => {
    const key = `${prefix}${i}`;
    const own: OutlineRow[] = item.dest ? [{ key, title: item.title.trim() || '…', depth, dest: item.dest }] : [];
    return [...own, ...flattenOutline(item.items ?? [], depth + 1, `${key}.`)];
  });
}

export interface DestinationResolver {
  getDestination(id: string): Promise<unknown[] | null>;
  getPageIndex(ref: { num: number; gen: number }): Promise<number>;
}

const isRef = (v: unknown): v is { num: number; gen: number } =>
  typeof v === 'object' && v !== null && Number.isInteger((v as { num?: unknown }).num) && Number.isInteger((v as { gen?: unknown }).gen);

/** The 1-based page a destination (named or explicit) leads to, or null when it leads nowhere in this file. */
export async function destinationPage(pdf: DestinationResolver, dest: string | unknown[] | null, pageCount: number): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit.length === 0) return null;
    const target = explicit[0];
    let page: number | null = null;
    if (isRef(target)) page = (await pdf.getPageIndex(target)) + 1;
    else if (Number.isInteger(target)) page = (target as number) + 1;
    return page !== null && page >= 1 && page <= pageCount ? page : null;
  } catch {
    return null;
  }
}
