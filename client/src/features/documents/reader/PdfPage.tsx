import { memo, type ReactNode, useEffect, useRef, useState, type CSSProperties } from 'react';
import { TextLayer, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import { canvasSize, outputScale } from './canvas-cap';
import type { Size } from './page-layout';
import { leasePage } from './pdf';
import { applyHighlights, clearHighlights, type PageHighlight } from './text-highlight';

interface Props {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  scale: number;
  /** The page's size at scale 1 (an estimate until the page itself is known). */
  size: Size;
  /** Drawn only while active (visible ±1): a canvas and a text layer exist only then. */
  active: boolean;
  label: string;
  /** Position inside the reader's content box (absent: in normal flow). */
  top?: number;
  left?: number;
  onSize?: (pageNumber: number, size: Size) => void;
  onRendered?: (pageNumber: number) => void;
  /** Whether the page shows a drawing (or gave up trying): the reader draws the neighbours once these are in. */
  onDrawn?: (pageNumber: number, drawn: boolean) => void;
  highlights?: readonly PageHighlight[];
  onSelectedHighlight?: (el: HTMLElement) => void;
  /**
   * Drawn over the page while it is active (the member's annotations). The callback, not its element: a stable prop
   * keeps this memoised page from re-rendering on every scroll of the viewer.
   */
  renderOverlay?: (page: number, size: Size) => ReactNode;
}

const NO_HIGHLIGHTS: readonly PageHighlight[] = [];

const isCancel = (err: unknown) => {
  const name = (err as { name?: string } | null)?.name;
  return name === 'RenderingCancelledException' || name === 'AbortException';
};

/** Gives a canvas's bitmap back at once (browsers free it lazily otherwise) and takes it out of the page. */
function freeCanvas(canvas: HTMLCanvasElement): void {
  canvas.width = 0;
  canvas.height = 0;
  canvas.remove();
}

/**
 * One page: always sized (so scrolling is stable), drawn only while `active`. The canvas is sized within the pixel
 * cap (canvas-cap.ts) at the screen's pixel ratio; on a zoom the previous drawing stays, stretched, until the new
 * one is ready, then is freed. Leaving the view frees the canvas, the text layer and pdf.js's page resources.
 */
export const PdfPage = memo(function PdfPage({ pdf, pageNumber, scale, size, active, label, top, left, onSize, onRendered, onDrawn, highlights = NO_HIGHLIGHTS, onSelectedHighlight, renderOverlay }: Props) {
  const rootRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  // The text layer lives in a ref, not in state: React keeps a component's previous state until it renders again,
  // and a page that scrolled away may never render again — its spans would stay in memory for good.
  const layerRef = useRef<TextLayer | null>(null);
  const [textVersion, setTextVersion] = useState(0);

  // The drawing.
  useEffect(() => {
    const root = rootRef.current;
    const host = hostRef.current;
    if (!root || !host) return;
    if (!active) {
      for (const c of host.querySelectorAll('canvas')) freeCanvas(c);
      delete root.dataset.drawn;
      root.dataset.rendered = 'false';
      onDrawn?.(pageNumber, false);
      return;
    }
    // Another page in this slot (the live room turns pages in place): its old drawing must not pass for this one.
    if (root.dataset.drawn !== String(pageNumber)) {
      for (const c of host.querySelectorAll('canvas')) freeCanvas(c);
      root.dataset.rendered = 'false';
    }
    let cancelled = false;
    let task: RenderTask | null = null;
    const canvas = document.createElement('canvas');
    canvas.className = 'pdf-page__canvas';
    canvas.setAttribute('aria-hidden', 'true');
    const lease = leasePage(pdf, pageNumber);
    void (async () => {
      try {
        const page = await lease.page;
        if (cancelled) return;
        const base = page.getViewport({ scale: 1 });
        onSize?.(pageNumber, { width: base.width, height: base.height });
        const viewport = page.getViewport({ scale });
        const px = canvasSize(viewport.width, viewport.height, outputScale(viewport.width, viewport.height, window.devicePixelRatio));
        canvas.width = px.width;
        canvas.height = px.height;
        await lease.busy(() => {
          if (cancelled) return Promise.resolve();
          task = page.render({ canvas, viewport, transform: [px.width / viewport.width, 0, 0, px.height / viewport.height, 0, 0] });
          return task.promise;
        });
        if (cancelled) return;
        for (const old of host.querySelectorAll('canvas')) freeCanvas(old);
        host.append(canvas);
        root.dataset.drawn = String(pageNumber);
        root.dataset.rendered = 'true';
        onDrawn?.(pageNumber, true);
        onRendered?.(pageNumber);
      } catch (err) {
        if (cancelled || isCancel(err)) return;
        root.dataset.rendered = 'error';
        onDrawn?.(pageNumber, true);
        console.error(`page ${pageNumber}:`, err);
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
      if (canvas.parentNode !== host) freeCanvas(canvas); // never shown
      lease.release();
    };
  }, [pdf, pageNumber, scale, active, onSize, onRendered, onDrawn]);

  // Unmounted: whatever is still drawn goes now.
  useEffect(() => {
    const host = hostRef.current;
    return () => {
      if (host) for (const c of host.querySelectorAll('canvas')) freeCanvas(c);
    };
  }, []);

  // The text layer (selectable, searchable): positioned in page fractions and scaled by CSS, so zooming keeps it.
  useEffect(() => {
    const div = textRef.current;
    if (!active || !div) return;
    let cancelled = false;
    let layer: TextLayer | null = null;
    const lease = leasePage(pdf, pageNumber);
    void (async () => {
      try {
        const page = await lease.page;
        if (cancelled) return;
        // Created inside busy(): making it starts the worker's text extraction, which loads fonts — never while
        // the document's caches are being cleaned up.
        const created = await lease.busy(async () => {
          if (cancelled) return null;
          layer = new TextLayer({ textContentSource: page.streamTextContent(), container: div, viewport: page.getViewport({ scale: 1 }) });
          await layer.render();
          return layer;
        });
        if (cancelled || !created) return;
        layerRef.current = created;
        setTextVersion((v) => v + 1);
      } catch (err) {
        if (!cancelled && !isCancel(err)) console.error(`text of page ${pageNumber}:`, err);
      }
    })();
    return () => {
      cancelled = true;
      layer?.cancel();
      layerRef.current = null;
      div.replaceChildren();
      setTextVersion((v) => v + 1);
      lease.release();
    };
  }, [pdf, pageNumber, active]);

  // Search hits on the text layer.
  useEffect(() => {
    const layer = layerRef.current;
    if (!layer || highlights.length === 0) return;
    const selected = applyHighlights(layer.textDivs, layer.textContentItemsStr, highlights);
    if (selected) onSelectedHighlight?.(selected);
    return () => clearHighlights(layer.textDivs, layer.textContentItemsStr);
  }, [textVersion, highlights, onSelectedHighlight]);

  const style = {
    width: `${Math.max(1, Math.floor(size.width * scale))}px`,
    height: `${Math.max(1, Math.floor(size.height * scale))}px`,
    ...(top !== undefined ? { position: 'absolute', top: `${top}px`, left: `${left ?? 0}px` } : {}),
    '--scale-factor': scale,
    '--total-scale-factor': scale,
    '--scale-round-x': '1px',
    '--scale-round-y': '1px',
  } as CSSProperties;

  return (
    <div ref={rootRef} className="pdf-page" data-testid="pdf-page" data-page-number={pageNumber} data-active={active} style={style} aria-label={label} role="region">
      <div ref={hostRef} className="pdf-page__drawing" />
      <div ref={textRef} className="textLayer" />
      {active && renderOverlay?.(pageNumber, size)}
    </div>
  );
});
