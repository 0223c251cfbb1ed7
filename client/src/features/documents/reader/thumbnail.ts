import type { PDFDocumentProxy } from 'pdfjs-dist';
import { leasePage } from './pdf';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Draws a small image of a page (an object URL of a JPEG; the caller revokes it). One at a time, after whatever the
 * pages themselves are drawing, and skipped if the thumbnail scrolled away while it waited (`wanted`). The canvas
 * is freed as soon as the image is made, so thumbnails hold no canvas.
 */
export function renderThumbnail(pdf: PDFDocumentProxy, pageNumber: number, cssWidth: number, wanted: () => boolean): Promise<string | null> {
  const job = queue.then(async () => {
    if (!wanted()) return null;
    const lease = leasePage(pdf, pageNumber);
    const canvas = document.createElement('canvas');
    try {
      const page = await lease.page;
      const base = page.getViewport({ scale: 1 });
      const ratio = Math.min(2, window.devicePixelRatio || 1);
      const viewport = page.getViewport({ scale: (cssWidth * ratio) / base.width });
      canvas.width = Math.max(1, Math.floor(viewport.width));
      canvas.height = Math.max(1, Math.floor(viewport.height));
      await lease.busy(() => page.render({ canvas, viewport }).promise);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
      return blob ? URL.createObjectURL(blob) : null;
    } finally {
      canvas.width = 0;
      canvas.height = 0;
      lease.release();
    }
  });
  queue = job.catch(() => undefined);
  return job;
}
