import { getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// The worker is bundled by Vite and served from our origin (CSP: worker-src 'self').
GlobalWorkerOptions.workerSrc = workerUrl;

/** Copied into the build by the pdfjs-assets Vite plugin: same origin, no CDN. */
const ASSETS = `${import.meta.env.BASE_URL}pdfjs/`;

/** Largest canvas we draw (device pixels): keeps tablets from running out of GPU memory at high zoom. */
export const MAX_CANVAS_PIXELS = 16 * 1024 * 1024;

/**
 * Opens a document version with range requests, so page 1 is drawn before the whole file has arrived.
 * Never evaluates code (CSP script-src 'self'): pdf.js 6 removed its eval path and the `isEvalSupported` option
 * with it (neither pdf.mjs nor the worker contains `new Function`/`eval`); no scripting, no XFA.
 */
export function openPdf(url: string): PDFDocumentLoadingTask {
  return getDocument({
    url,
    withCredentials: true,
    disableAutoFetch: true,
    // Only the ranges a page needs: a streaming first request would pull the whole file alongside them
    // (measured by bench/first-page). The full pack arrives separately, in the background (pack-sync).
    disableStream: true,
    rangeChunkSize: 65536,
    enableXfa: false,
    cMapUrl: `${ASSETS}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${ASSETS}standard_fonts/`,
    wasmUrl: `${ASSETS}wasm/`,
  });
}

/** Device pixel ratio for a page of css size w×h, lowered so the canvas stays under the pixel cap. */
export function outputScale(cssWidth: number, cssHeight: number, devicePixelRatio: number): number {
  const ratio = Math.max(1, devicePixelRatio || 1);
  const pixels = cssWidth * cssHeight * ratio * ratio;
  return pixels <= MAX_CANVAS_PIXELS ? ratio : Math.sqrt(MAX_CANVAS_PIXELS / (cssWidth * cssHeight));
}
