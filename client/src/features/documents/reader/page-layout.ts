/**
 * Where every page of the document sits in the viewer, at one scale: a column of pages, centred, `gap` apart,
 * `pad` from the edges. The viewer positions the pages from this and the scroll position is read back through it
 * (visible pages, current page, zoom anchors), so what is drawn and what is computed cannot disagree.
 */
export interface Size {
  width: number;
  height: number;
}

/** The page size (PDF points) assumed until pdf.js has told the real one. */
export const A4: Size = { width: 595, height: 842 };

export interface PageLayout {
  scale: number;
  /** Per page (index = page number − 1), in CSS pixels. */
  tops: number[];
  lefts: number[];
  widths: number[];
  heights: number[];
  contentWidth: number;
  contentHeight: number;
}

export interface LayoutOptions {
  gap: number;
  pad: number;
  /** The viewer's inner width: narrower pages are centred in it. */
  viewportWidth: number;
}

/** A point on a page as fractions of its size (may lie a little outside 0..1 when taken in a gap). */
export interface PageAnchor {
  page: number;
  fx: number;
  fy: number;
}

export function layoutPages(sizes: readonly Size[], scale: number, { gap, pad, viewportWidth }: LayoutOptions): PageLayout {
  const n = sizes.length;
  const tops = new Array<number>(n);
  const lefts = new Array<number>(n);
  const widths = new Array<number>(n);
  const heights = new Array<number>(n);
  let y = pad;
  let widest = 0;
  for (let i = 0; i < n; i++) {
    widths[i] = Math.max(1, Math.floor(sizes[i].width * scale));
    heights[i] = Math.max(1, Math.floor(sizes[i].height * scale));
    tops[i] = y;
    y += heights[i] + gap;
    widest = Math.max(widest, widths[i]);
  }
  const contentWidth = Math.max(viewportWidth, widest + 2 * pad);
  for (let i = 0; i < n; i++) lefts[i] = Math.floor((contentWidth - widths[i]) / 2);
  return { scale, tops, lefts, widths, heights, contentWidth, contentHeight: n === 0 ? 2 * pad : y - gap + pad };
}

/** Index of the first page whose bottom is below y (n when none). */
function firstEndingBelow(layout: PageLayout, y: number): number {
  let lo = 0;
  let hi = layout.tops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (layout.tops[mid] + layout.heights[mid] > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Pages (1-based, inclusive) that intersect the viewport; never empty for a non-empty document. */
export function visibleRange(layout: PageLayout, scrollTop: number, viewportHeight: number): { first: number; last: number } {
  const n = layout.tops.length;
  if (n === 0) return { first: 0, last: -1 };
  const bottom = scrollTop + viewportHeight;
  const first = Math.min(firstEndingBelow(layout, scrollTop), n - 1);
  let last = first;
  while (last + 1 < n && layout.tops[last + 1] < bottom) last++;
  return { first: first + 1, last: last + 1 };
}

/**
 * The page the reader is on: the one showing the most of itself in the viewport (the earlier one on a tie). At the
 * very end of the document, the last page visible (it may never fill the viewport otherwise). `pinned`: a page the
 * reader jumped to, kept while the scroll position is where the jump left it.
 */
export function currentPage(layout: PageLayout, scrollTop: number, viewportHeight: number, pinned?: { page: number; scrollTop: number } | null): number {
  const { first, last } = visibleRange(layout, scrollTop, viewportHeight);
  if (last < first) return 0;
  if (pinned && Math.abs(pinned.scrollTop - scrollTop) < 2 && pinned.page >= first && pinned.page <= last) return pinned.page;
  const maxScroll = Math.max(0, layout.contentHeight - viewportHeight);
  if (scrollTop >= maxScroll - 1 && maxScroll > 0) return last;
  let best = first;
  let bestShown = -1;
  for (let p = first; p <= last; p++) {
    const top = layout.tops[p - 1];
    const shown = Math.min(top + layout.heights[p - 1], scrollTop + viewportHeight) - Math.max(top, scrollTop);
    if (shown > bestShown) [best, bestShown] = [p, shown];
  }
  return best;
}

/** The scroll position that shows page `page` from its top edge (a gap's width above it), clamped. */
export function scrollTopForPage(layout: PageLayout, page: number, viewportHeight: number, margin: number): number {
  const n = layout.tops.length;
  if (n === 0) return 0;
  const p = Math.min(Math.max(1, Math.round(page)), n);
  return clampScroll(layout.tops[p - 1] - margin, layout.contentHeight, viewportHeight);
}

export function clampScroll(value: number, contentSize: number, viewportSize: number): number {
  return Math.max(0, Math.min(value, Math.max(0, contentSize - viewportSize)));
}

/** The page point under content coordinates (x, y): the page whose box (with the gap after it) contains y. */
export function anchorAt(layout: PageLayout, x: number, y: number): PageAnchor | null {
  const n = layout.tops.length;
  if (n === 0) return null;
  let i = firstEndingBelow(layout, y);
  if (i >= n) i = n - 1;
  return { page: i + 1, fx: (x - layout.lefts[i]) / layout.widths[i], fy: (y - layout.tops[i]) / layout.heights[i] };
}

/** Content coordinates of an anchor in (another) layout. */
export function pointOf(layout: PageLayout, anchor: PageAnchor): { x: number; y: number } {
  const i = Math.min(Math.max(anchor.page, 1), layout.tops.length) - 1;
  return { x: layout.lefts[i] + anchor.fx * layout.widths[i], y: layout.tops[i] + anchor.fy * layout.heights[i] };
}
