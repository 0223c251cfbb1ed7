import { describe, expect, it } from '@jest/globals';
import { anchorAt, currentPage, layoutPages, pointOf, scrollTopForPage, visibleRange } from './page-layout';

const A4 = { width: 600, height: 800 };
const opts = { gap: 16, pad: 16, viewportWidth: 1000 };
const pages = (n: number) => Array.from({ length: n }, () => A4);

describe('page layout', () => {
  it('stacks pages a gap apart, centred, with padding around', () => {
    const l = layoutPages(pages(3), 1, opts);
    expect(l.tops).toEqual([16, 832, 1648]);
    expect(l.lefts).toEqual([200, 200, 200]);
    expect(l.contentHeight).toBe(16 + 3 * 800 + 2 * 16 + 16);
    expect(l.contentWidth).toBe(1000);
  });

  it('widens the content when zoomed past the viewer (horizontal scrolling)', () => {
    const l = layoutPages(pages(2), 2, opts);
    expect(l.widths[0]).toBe(1200);
    expect(l.contentWidth).toBe(1232);
    expect(l.lefts[0]).toBe(16);
  });

  it('handles pages of different sizes', () => {
    const l = layoutPages([A4, { width: 800, height: 600 }], 1, opts);
    expect(l.lefts).toEqual([200, 100]);
    expect(l.tops[1]).toBe(16 + 800 + 16);
  });

  it('finds the pages in view', () => {
    const l = layoutPages(pages(10), 1, opts);
    expect(visibleRange(l, 0, 700)).toEqual({ first: 1, last: 1 });
    expect(visibleRange(l, 700, 700)).toEqual({ first: 1, last: 2 });
    // inside the gap between 1 and 2: page 2 is the next one
    expect(visibleRange(l, 820, 10)).toEqual({ first: 2, last: 2 });
    expect(visibleRange(l, 99_999, 700)).toEqual({ first: 10, last: 10 });
  });

  it('the current page is the one showing most of itself, the earlier on a tie', () => {
    const l = layoutPages(pages(10), 1, opts);
    expect(currentPage(l, 0, 700)).toBe(1);
    expect(currentPage(l, 500, 700)).toBe(2); // 1 shows 316 px, 2 shows 368 px
    expect(currentPage(l, 500, 648)).toBe(1); // both show 316 px
  });

  it('at the very end the last page counts even when it shows less than the one before', () => {
    const l = layoutPages(pages(3), 0.5, opts); // pages 400 px high, viewport shows more than two
    const max = l.contentHeight - 700;
    expect(currentPage(l, max, 700)).toBe(3);
  });

  it('a page jumped to stays current while the scroll position is unchanged', () => {
    const l = layoutPages(pages(3), 0.5, opts);
    const max = l.contentHeight - 700;
    expect(currentPage(l, max, 700, { page: 2, scrollTop: max })).toBe(2);
    expect(currentPage(l, max - 50, 700, { page: 2, scrollTop: max })).toBe(currentPage(l, max - 50, 700));
    expect(currentPage(l, 0, 700, { page: 3, scrollTop: max })).toBe(1);
  });

  it('scrolls to a page’s top edge, clamped to the content', () => {
    const l = layoutPages(pages(5), 1, opts);
    expect(scrollTopForPage(l, 1, 700, 8)).toBe(8);
    expect(scrollTopForPage(l, 3, 700, 8)).toBe(l.tops[2] - 8);
    expect(scrollTopForPage(l, 99, 700, 8)).toBe(l.tops[4] - 8);
    const small = layoutPages(pages(5), 0.5, opts);
    expect(scrollTopForPage(small, 5, 700, 8)).toBe(small.contentHeight - 700);
    expect(scrollTopForPage(l, 0, 700, 8)).toBe(8);
  });

  it('an anchor keeps the same page point across zoom levels', () => {
    const a = layoutPages(pages(5), 1, opts);
    const b = layoutPages(pages(5), 2.5, opts);
    const anchor = anchorAt(a, a.lefts[2] + 150, a.tops[2] + 200)!;
    expect(anchor).toEqual({ page: 3, fx: 0.25, fy: 0.25 });
    const p = pointOf(b, anchor);
    expect(p.x).toBeCloseTo(b.lefts[2] + 0.25 * b.widths[2]);
    expect(p.y).toBeCloseTo(b.tops[2] + 0.25 * b.heights[2]);
  });

  it('an empty document has no pages in view', () => {
    const l = layoutPages([], 1, opts);
    expect(visibleRange(l, 0, 500)).toEqual({ first: 0, last: -1 });
    expect(currentPage(l, 0, 500)).toBe(0);
    expect(anchorAt(l, 0, 0)).toBeNull();
  });
});
