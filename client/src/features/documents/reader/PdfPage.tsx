import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { TextLayer, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import { outputScale } from './pdf';

interface Props {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  scale: number;
  /** Estimated size (css px at scale 1) until the page itself is known. */
  size: { width: number; height: number };
  active: boolean;
  onSize: (pageNumber: number, size: { width: number; height: number }) => void;
  onRendered: (pageNumber: number) => void;
  label: string;
}

/** One page slot: always sized (so scrolling is stable), drawn only while `active` (visible page ±1). */
export function PdfPage({ pdf, pageNumber, scale, size, active, onSize, onRendered, label }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [rendered, setRendered] = useState(false);

  useEffect(() => {
    const canvas = canvasRef.current;
    const textDiv = textRef.current;
    if (!active || !canvas || !textDiv) return;
    let cancelled = false;
    let task: RenderTask | null = null;
    let textLayer: TextLayer | null = null;
    void (async () => {
      try {
        const page = await pdf.getPage(pageNumber);
        if (cancelled) return;
        const base = page.getViewport({ scale: 1 });
        onSize(pageNumber, { width: base.width, height: base.height });
        const viewport = page.getViewport({ scale });
        const ratio = outputScale(viewport.width, viewport.height, window.devicePixelRatio);
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        task = page.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
        await task.promise;
        if (cancelled) return;
        textDiv.replaceChildren();
        textLayer = new TextLayer({ textContentSource: page.streamTextContent(), container: textDiv, viewport });
        await textLayer.render();
        if (cancelled) return;
        setRendered(true);
        onRendered(pageNumber);
      } catch (err) {
        if (!cancelled && (err as { name?: string } | null)?.name !== 'RenderingCancelledException') console.error(err);
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
      textLayer?.cancel();
      // Free the bitmap and the text spans of pages that scrolled away.
      canvas.width = 0;
      canvas.height = 0;
      textDiv.replaceChildren();
      setRendered(false);
    };
  }, [pdf, pageNumber, scale, active, onSize, onRendered]);

  const style = {
    width: `${Math.floor(size.width * scale)}px`,
    height: `${Math.floor(size.height * scale)}px`,
    '--scale-factor': scale,
    '--total-scale-factor': scale,
    '--scale-round-x': '1px',
    '--scale-round-y': '1px',
  } as CSSProperties;

  return (
    <div className="pdf-page" data-testid="pdf-page" data-page-number={pageNumber} data-rendered={rendered ? 'true' : 'false'} style={style} aria-label={label} role="region">
      <canvas ref={canvasRef} className="pdf-page__canvas" aria-hidden="true" />
      <div ref={textRef} className="textLayer" />
    </div>
  );
}
