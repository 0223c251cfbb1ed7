import {
  getDocument,
  GlobalWorkerOptions,
  PDFDataRangeTransport,
  type OnProgressParameters,
  type PDFDocumentLoadingTask,
  type PDFDocumentProxy,
  type PDFPageProxy,
} from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { packStore } from '../pack/pack-store';
import { MAX_CANVAS_PIXELS } from './canvas-cap';

// The worker is bundled by Vite and served from our origin (CSP: worker-src 'self').
GlobalWorkerOptions.workerSrc = workerUrl;

/** Copied into the build by the pdfjs-assets Vite plugin: same origin, no CDN. */
const ASSETS = `${import.meta.env.BASE_URL}pdfjs/`;

type DocumentInitParameters = Extract<Parameters<typeof getDocument>[0], { enableXfa?: boolean }>;

/**
 * Options for every document. Nothing in a PDF ever runs:
 * - `isEvalSupported: false` is what pdf.js ≤ 5 needed; pdf.js 6 removed its eval path together with the option
 *   (neither pdf.mjs nor the worker contains `eval` or `new Function`), and the CSP (script-src 'self', no
 *   'unsafe-eval') would refuse it anyway.
 * - no scripting: scripting is a viewer-component option (`enableScripting`), and this reader uses no pdf.js viewer
 *   component, never loads pdf.sandbox (QuickJS; the build leaves it out) and renders no annotation or form layer,
 *   so a document's JavaScript actions have nothing to run in; XFA is off.
 * - images larger than the canvas budget are scaled down in the worker (`canvasMaxAreaInBytes`), so a 600-dpi scan
 *   arrives at a size a tablet can hold.
 */
const COMMON: DocumentInitParameters = {
  enableXfa: false,
  cMapUrl: `${ASSETS}cmaps/`,
  cMapPacked: true,
  standardFontDataUrl: `${ASSETS}standard_fonts/`,
  wasmUrl: `${ASSETS}wasm/`,
  canvasMaxAreaInBytes: MAX_CANVAS_PIXELS * 4,
};

export interface LoadProgress {
  loaded: number;
  total: number | null;
  /** 'device': read from the meeting pack already on this tablet; 'network': by range requests. */
  source: 'device' | 'network';
}

export interface PdfLoad {
  promise: Promise<PDFDocumentProxy>;
  destroy(): Promise<void>;
}

/** Serves pdf.js's range requests from a Blob (the pack's copy in Cache Storage), read slice by slice. */
class BlobRangeTransport extends PDFDataRangeTransport {
  private aborted = false;

  constructor(private readonly blob: Blob) {
    super(blob.size, null);
  }
  override requestDataRange(begin: number, end: number): void {
    this.blob
      .slice(begin, end)
      .arrayBuffer()
      .then(
        // A slice read after the document was closed (the member moved on) has no reader left to take it: pdf.js
        // would throw, uncaught, into the page.
        (buffer) => this.aborted || this.onDataRange(begin, new Uint8Array(buffer)),
        (error: unknown) => this.aborted || console.error('pack read failed', error),
      );
  }
  override abort(): void {
    this.aborted = true;
    super.abort();
  }
}

async function packCopy(url: string): Promise<Blob | null> {
  try {
    const response = await packStore.match(url);
    return response ? await response.blob() : null;
  } catch {
    return null;
  }
}

/**
 * Opens a document version: from the meeting pack when this tablet already holds it (no network at all), else by
 * HTTP range requests so page 1 is drawn before the whole file has arrived.
 */
export function openPdf(url: string, onProgress?: (progress: LoadProgress) => void): PdfLoad {
  let task: PDFDocumentLoadingTask | null = null;
  let destroyed = false;
  performance.mark('pdf:open', { detail: url }); // read by bench/viewer.mjs
  const promise = (async () => {
    const blob = await packCopy(url);
    if (destroyed) throw Object.assign(new Error('Loading cancelled.'), { name: 'AbortException' });
    if (blob) {
      task = getDocument({ ...COMMON, range: new BlobRangeTransport(blob), disableAutoFetch: true });
      onProgress?.({ loaded: blob.size, total: blob.size, source: 'device' });
    } else {
      task = getDocument({
        ...COMMON,
        url,
        withCredentials: true,
        disableAutoFetch: true,
        // Only the ranges a page needs: a streaming first request would pull the whole file alongside them
        // (measured by bench/first-page). The full pack arrives separately, in the background (pack-sync).
        disableStream: true,
        rangeChunkSize: 65536,
      });
      task.onProgress = (p: OnProgressParameters) => onProgress?.({ loaded: p.loaded, total: p.total > 0 ? p.total : null, source: 'network' });
    }
    return task.promise;
  })();
  return {
    promise,
    destroy: async () => {
      destroyed = true;
      await task?.destroy();
    },
  };
}

/*
 * Pages in use. A page is held while a canvas, its text layer or its thumbnail is being drawn or shown; when the
 * last holder lets go, page.cleanup() frees what pdf.js keeps for it (operator lists, decoded images).
 *
 * The worker keeps caches per document too (parsed objects, fonts) that grow with every page seen. After a few
 * dozen pages have been let go, and at a moment when nothing is being drawn, pdf.cleanup() empties them (as
 * pdf.js's own viewer does when idle); drawing that starts meanwhile waits for it, since pdf.js forbids cleaning
 * up under a running render.
 */
const CLEANUP_AFTER_RELEASES = 32;

interface DocPages {
  held: Map<number, number>;
  /** Renders (canvas, text layer, thumbnail, search text) running now. */
  busy: number;
  releasedSinceCleanup: number;
  cleaning: Promise<void> | null;
}
const docs = new WeakMap<PDFDocumentProxy, DocPages>();

function pagesOf(pdf: PDFDocumentProxy): DocPages {
  let d = docs.get(pdf);
  if (!d) docs.set(pdf, (d = { held: new Map(), busy: 0, releasedSinceCleanup: 0, cleaning: null }));
  return d;
}

function maybeCleanup(pdf: PDFDocumentProxy, d: DocPages): void {
  if (d.cleaning || d.busy > 0 || d.releasedSinceCleanup < CLEANUP_AFTER_RELEASES) return;
  d.releasedSinceCleanup = 0;
  d.cleaning = pdf
    .cleanup()
    .catch(() => undefined) // a page still rendering after all, or the document closed: next time
    .finally(() => {
      d.cleaning = null;
    });
}

export interface PageLease {
  page: Promise<PDFPageProxy>;
  /** Runs drawing work on the page, never while the document is being cleaned up. */
  busy<T>(work: () => Promise<T>): Promise<T>;
  release(): void;
}

export function leasePage(pdf: PDFDocumentProxy, pageNumber: number): PageLease {
  const d = pagesOf(pdf);
  d.held.set(pageNumber, (d.held.get(pageNumber) ?? 0) + 1);
  let released = false;
  return {
    page: pdf.getPage(pageNumber),
    async busy<T>(work: () => Promise<T>): Promise<T> {
      while (d.cleaning) await d.cleaning;
      d.busy++;
      try {
        return await work();
      } finally {
        d.busy--;
        maybeCleanup(pdf, d);
      }
    },
    release(): void {
      if (released) return;
      released = true;
      const left = (d.held.get(pageNumber) ?? 1) - 1;
      if (left > 0) {
        d.held.set(pageNumber, left);
        return;
      }
      d.held.delete(pageNumber);
      d.releasedSinceCleanup++;
      pdf.getPage(pageNumber).then(
        (page) => {
          page.cleanup();
          maybeCleanup(pdf, d);
        },
        () => undefined, // the document was closed meanwhile: nothing left to free
      );
    },
  };
}
