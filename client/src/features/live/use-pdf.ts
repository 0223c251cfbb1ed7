import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { documentsApi } from '../documents/documents.api';
import { openPdf } from '../documents/reader/pdf';

/** Opens one document version with the reader's pdf.js settings (range requests, no eval, no scripting). */
export function usePdf(documentId: string, version: number): { pdf: PDFDocumentProxy | null; error: unknown } {
  const key = `${documentId}:${version}`;
  const [loaded, setLoaded] = useState<{ key: string; pdf: PDFDocumentProxy | null; error: unknown } | null>(null);

  useEffect(() => {
    let cancelled = false;
    const task = openPdf(documentsApi.fileUrl(documentId, version));
    task.promise.then(
      (pdf) => {
        if (!cancelled) setLoaded({ key: `${documentId}:${version}`, pdf, error: null });
      },
      (error: unknown) => {
        // a destroyed task rejects too: only a live one's failure is news
        if (!cancelled) setLoaded({ key: `${documentId}:${version}`, pdf: null, error });
      },
    );
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [documentId, version]);

  const current = loaded?.key === key ? loaded : null;
  return { pdf: current?.pdf ?? null, error: current?.error ?? null };
}
