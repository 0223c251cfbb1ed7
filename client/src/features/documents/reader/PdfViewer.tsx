import { type ReactNode, type Ref, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { A4, anchorAt, currentPage, layoutPages, type PageLayout, pointOf, scrollTopForPage, type Size, visibleRange } from './page-layout';
import { PdfPage } from './PdfPage';
import type { PageHighlight } from './text-highlight';
import { useViewerGestures, type ViewerPoint } from './use-viewer-gestures';
import { doubleTapScale, fitWidthScale, resolveScale, type ZoomMode } from './zoom';

/** Gap between pages and padding around them (CSS px). */
export const GAP = 16;
export const PAD = 16;

export interface ViewerApi {
  goToPage(page: number): void;
  /** Scrolls `el` (inside a page) to the middle of the view, and keeps it there if the layout then changes. */
  reveal(el: HTMLElement): void;
  /** Changes the zoom keeping the page point at `focal` (default: the top of the view) where it is. */
  zoom(mode: ZoomMode, focal?: ViewerPoint | 'center'): void;
  focus(): void;
}

interface Props {
  pdf: PDFDocumentProxy;
  zoom: ZoomMode;
  onZoom: (mode: ZoomMode) => void;
  onScale: (scale: number) => void;
  initialPage: number;
  onCurrentPage: (page: number) => void;
  onRendered: (page: number) => void;
  highlights: ReadonlyMap<number, readonly PageHighlight[]>;
  onSelectedHighlight: (el: HTMLElement) => void;
  apiRef: Ref<ViewerApi>;
  /** What to draw over a page while it is drawn (annotations), given its size at scale 1. */
  renderOverlay?: (page: number, size: Size) => ReactNode;
}

/**
 * The scrolling column of pages. Every page has its slot (positions from page-layout.ts), but only the pages in
 * view and one on either side are drawn; the rest are empty boxes.
 */
export function PdfViewer({ pdf, zoom, onZoom, onScale, initialPage, onCurrentPage, onRendered, highlights, onSelectedHighlight, apiRef, renderOverlay }: Props) {
  const { t } = useTranslation();
  const viewerRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  // Sizes learnt from drawn pages; the others are assumed to be the size of page 1 (one request, not one per page).
  const [known, setKnown] = useState<ReadonlyArray<Size | undefined>>(() => new Array<Size | undefined>(pdf.numPages));
  const [first, setFirst] = useState<Size | null>(null);
  const sizes = useMemo(() => Array.from({ length: pdf.numPages }, (_, i) => known[i] ?? first ?? A4), [known, first, pdf.numPages]);
  const [viewport, setViewport] = useState<Size>({ width: 0, height: 0 });
  const [scroll, setScroll] = useState(0);

  const scale = viewport.width > 0 ? resolveScale(zoom, sizes[0] ?? A4, viewport, PAD) : 1;
  const layout = useMemo(() => layoutPages(sizes, scale, { gap: GAP, pad: PAD, viewportWidth: viewport.width }), [sizes, scale, viewport.width]);
  const range = visibleRange(layout, scroll, viewport.height);
  // The pages in view are drawn first; their neighbours (drawn ahead for smooth scrolling) wait until they are in,
  // so on a slow network the page the member looks at does not share the bandwidth with the next one.
  const [drawn, setDrawn] = useState<ReadonlySet<number>>(() => new Set());
  const onDrawn = useCallback((n: number, isDrawn: boolean) => {
    setDrawn((s) => {
      if (s.has(n) === isDrawn) return s;
      const next = new Set(s);
      if (isDrawn) next.add(n);
      else next.delete(n);
      return next;
    });
  }, []);
  let inViewDrawn = true;
  for (let p = range.first; p <= range.last; p++) if (!drawn.has(p)) inViewDrawn = false;
  const isActive = (n: number) => (n >= range.first && n <= range.last) || (inViewDrawn && (n === range.first - 1 || n === range.last + 1));

  // Mutable mirrors for event handlers (set after each commit).
  const layoutRef = useRef<PageLayout | null>(null);
  const scaleRef = useRef(scale);
  const focalRef = useRef<ViewerPoint | null>(null);
  const pinnedRef = useRef<{ page: number; scrollTop: number } | null>(null);
  const reportedRef = useRef(0);
  const positionedRef = useRef(false);
  const frameRef = useRef(0);
  // Where the view is, as of the last scroll event or our own scrolling: read before a layout change, since by the
  // time a layout effect runs the browser has already clamped scrollTop to the new (maybe shorter) content.
  const posRef = useRef({ top: 0, left: 0 });
  const scrollTo = (el: HTMLElement, top: number, left = el.scrollLeft) => {
    el.scrollTop = top;
    el.scrollLeft = left;
    posRef.current = { top: el.scrollTop, left: el.scrollLeft };
  };

  useEffect(() => {
    let cancelled = false;
    pdf.getPage(1).then(
      (page) => {
        const v = page.getViewport({ scale: 1 });
        if (!cancelled) setFirst({ width: v.width, height: v.height });
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [pdf]);

  const onSize = useCallback((n: number, s: Size) => {
    setKnown((all) => {
      const had = all[n - 1];
      if (had && Math.abs(had.width - s.width) < 0.5 && Math.abs(had.height - s.height) < 0.5) return all;
      const next = all.slice();
      next[n - 1] = s;
      return next;
    });
  }, []);

  useEffect(() => {
    const el = viewerRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewport({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const report = useCallback(() => {
    const el = viewerRef.current;
    const l = layoutRef.current;
    if (!el || !l) return;
    const page = currentPage(l, el.scrollTop, el.clientHeight, pinnedRef.current);
    if (page > 0 && page !== reportedRef.current) {
      reportedRef.current = page;
      onCurrentPage(page);
    }
  }, [onCurrentPage]);

  const onScroll = () => {
    const el = viewerRef.current;
    if (el) posRef.current = { top: el.scrollTop, left: el.scrollLeft };
    if (frameRef.current) return;
    frameRef.current = requestAnimationFrame(() => {
      frameRef.current = 0;
      const el = viewerRef.current;
      if (!el) return;
      setScroll(el.scrollTop);
      report();
    });
  };
  useEffect(() => () => cancelAnimationFrame(frameRef.current), []);

  // After the layout changes (zoom, rotation of the tablet, a page's true size), keep the same page point in view:
  // the pinch's focal point, else the top of the view. The first layout opens at the page the member left off.
  useLayoutEffect(() => {
    const el = viewerRef.current;
    const previous = layoutRef.current;
    layoutRef.current = layout;
    scaleRef.current = scale;
    if (!el || viewport.width === 0) return;
    if (!positionedRef.current) {
      positionedRef.current = true;
      scrollTo(el, scrollTopForPage(layout, initialPage, viewport.height, GAP / 2));
      return;
    }
    if (!previous || previous === layout) return;
    const focal = focalRef.current ?? { x: el.clientWidth / 2, y: 0 };
    focalRef.current = null;
    const before = posRef.current;
    const anchor = anchorAt(previous, before.left + focal.x, before.top + focal.y);
    if (!anchor) return;
    const p = pointOf(layout, anchor);
    scrollTo(el, Math.max(0, p.y - focal.y), Math.max(0, p.x - focal.x));
  }, [layout, scale, viewport, initialPage]);

  useEffect(() => onScale(scale), [scale, onScale]);

  const goToPage = useCallback(
    (page: number) => {
      const el = viewerRef.current;
      const l = layoutRef.current;
      if (!el || !l) return;
      const target = Math.min(Math.max(1, page), l.tops.length);
      scrollTo(el, scrollTopForPage(l, target, el.clientHeight, GAP / 2));
      pinnedRef.current = { page: target, scrollTop: el.scrollTop };
      report();
    },
    [report],
  );

  const zoomTo = useCallback(
    (mode: ZoomMode, focal?: ViewerPoint | 'center') => {
      const el = viewerRef.current;
      if (el && focal) focalRef.current = focal === 'center' ? { x: el.clientWidth / 2, y: el.clientHeight / 2 } : focal;
      onZoom(mode);
    },
    [onZoom],
  );

  const reveal = useCallback(
    (target: HTMLElement) => {
      target.scrollIntoView({ block: 'center', inline: 'center' });
      // The scroll event comes a frame later: a page size learned before it would re-anchor the view on the old
      // position (the top of the page goToPage went to) and push the revealed element out of sight.
      const el = viewerRef.current;
      if (el) posRef.current = { top: el.scrollTop, left: el.scrollLeft };
      report();
    },
    [report],
  );

  useImperativeHandle(
    apiRef,
    () => ({ goToPage, reveal, zoom: zoomTo, focus: () => viewerRef.current?.focus({ preventScroll: true }) }),
    [goToPage, reveal, zoomTo],
  );

  useViewerGestures(viewerRef, contentRef, {
    scale: () => scaleRef.current,
    onZoom: (s, focal) => zoomTo({ kind: 'custom', scale: s }, focal),
    onDoubleTap: (focal) => {
      const el = viewerRef.current;
      if (!el) return;
      const fit = fitWidthScale(sizes[0] ?? A4, { width: el.clientWidth, height: el.clientHeight }, PAD);
      zoomTo({ kind: 'custom', scale: doubleTapScale(scaleRef.current, fit) }, focal);
    },
  });

  const label = (n: number) => t('reader.pageLabel', { page: n });
  return (
    <div ref={viewerRef} className="pdf-viewer" data-testid="pdf-viewer" onScroll={onScroll} tabIndex={0} aria-label={t('reader.viewer')}>
      <div ref={contentRef} className="pdf-viewer__content" style={{ width: `${layout.contentWidth}px`, height: `${layout.contentHeight}px` }}>
        {viewport.width > 0 &&
          sizes.map((size, i) => {
            const n = i + 1;
            const active = isActive(n);
            return (
              <PdfPage
                key={n}
                pdf={pdf}
                pageNumber={n}
                scale={scale}
                size={size}
                top={layout.tops[i]}
                left={layout.lefts[i]}
                active={active}
                label={label(n)}
                onSize={onSize}
                onRendered={onRendered}
                onDrawn={onDrawn}
                highlights={highlights.get(n)}
                onSelectedHighlight={onSelectedHighlight}
                renderOverlay={renderOverlay}
              />
            );
          })}
      </div>
    </div>
  );
}
