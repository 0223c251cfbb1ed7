/**
 * Text search inside a document, on pdf.js text content. A page's items are joined as pdf.js joins them (an item
 * that ends a line adds a space) and normalised for matching — NFC (pdf.js may hand out decomposed Vietnamese
 * diacritics), lower case, runs of white space as one — while every normalised character remembers where it came
 * from (item, offset), so a hit can be highlighted on the text layer, whose spans are those very items.
 * Diacritics are significant: "họp" (meet) and "hợp" (fit) are different words.
 */
export interface TextItemLike {
  str: string;
  hasEOL?: boolean;
}

/** A place in a page's text: item index (among items with text, as the text layer numbers its spans) and offset. */
export interface Pos {
  item: number;
  offset: number;
}

export interface PageIndex {
  text: string;
  /** Per code unit of `text`: where its source starts, and where it ends (exclusive). */
  from: Pos[];
  to: Pos[];
}

export interface Hit {
  page: number;
  from: Pos;
  /** Exclusive: offset just after the last matched character in item `to.item`. */
  to: Pos;
}

// A base character with the combining marks that follow it, or stray marks on their own.
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
const INVISIBLE = /^[\u00ad\u200b-\u200d\u2060\ufeff]+$/;

function normCluster(cluster: string): string {
  if (INVISIBLE.test(cluster)) return '';
  if (/^\s+$/u.test(cluster)) return ' ';
  return cluster.normalize('NFC').toLocaleLowerCase('vi');
}

/** The query as it is matched: same normalisation as the text, trimmed. */
export function normalizeQuery(query: string): string {
  let out = '';
  for (const m of query.matchAll(CLUSTER)) {
    const c = normCluster(m[0]);
    if (c === ' ' && (out === '' || out.endsWith(' '))) continue;
    out += c;
  }
  return out.trim();
}

export function indexPageText(items: readonly TextItemLike[]): PageIndex {
  let text = '';
  const from: Pos[] = [];
  const to: Pos[] = [];
  const push = (s: string, a: Pos, b: Pos) => {
    if (s === ' ' && (text === '' || text.endsWith(' '))) return;
    text += s;
    for (let k = 0; k < s.length; k++) {
      from.push(a);
      to.push(b);
    }
  };
  items.forEach((item, i) => {
    for (const m of item.str.matchAll(CLUSTER)) {
      const start = m.index;
      const c = normCluster(m[0]);
      if (c) push(c, { item: i, offset: start }, { item: i, offset: start + m[0].length });
    }
    if (item.hasEOL) push(' ', { item: i, offset: item.str.length }, { item: i, offset: item.str.length });
  });
  return { text, from, to };
}

/** Non-overlapping matches of an already normalised query, as [start, end) in `index.text`. */
export function findMatches(index: PageIndex, normalizedQuery: string): Array<[number, number]> {
  if (!normalizedQuery) return [];
  const out: Array<[number, number]> = [];
  let at = index.text.indexOf(normalizedQuery);
  while (at !== -1) {
    out.push([at, at + normalizedQuery.length]);
    at = index.text.indexOf(normalizedQuery, at + normalizedQuery.length);
  }
  return out;
}

export function pageHits(page: number, index: PageIndex, normalizedQuery: string): Hit[] {
  return findMatches(index, normalizedQuery).map(([start, end]) => ({ page, from: index.from[start], to: index.to[end - 1] }));
}

/** The part of each text-layer span a hit covers: [item, start, end) with offsets into that item's string. */
export function hitRanges(hit: Pick<Hit, 'from' | 'to'>, itemLength: (item: number) => number): Array<{ item: number; start: number; end: number }> {
  const out: Array<{ item: number; start: number; end: number }> = [];
  for (let i = hit.from.item; i <= hit.to.item; i++) {
    const start = i === hit.from.item ? hit.from.offset : 0;
    const end = i === hit.to.item ? hit.to.offset : itemLength(i);
    if (end > start) out.push({ item: i, start, end });
  }
  return out;
}

/** Next (1) or previous (−1) hit, wrapping around; from "none selected" (−1) to the first or the last. */
export function stepHit(selected: number, total: number, dir: 1 | -1): number {
  if (total <= 0) return -1;
  if (selected < 0 || selected >= total) return dir > 0 ? 0 : total - 1;
  return (selected + dir + total) % total;
}

/** The first hit on or after `page` (search starts where the reader is), else the first of all; −1 for none. */
export function firstHitFrom(hits: readonly Pick<Hit, 'page'>[], page: number): number {
  if (hits.length === 0) return -1;
  const i = hits.findIndex((h) => h.page >= page);
  return i === -1 ? 0 : i;
}
