import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { documentsApi } from '../documents.api';
import { type LoadProgress, openPdf } from './pdf';
import { classifyPdfError, type PdfProblem } from './pdf-errors';

export interface PdfState {
  pdf: PDFDocumentProxy | null;
  error: unknown;
  problem: PdfProblem | null;
  progress: LoadProgress | null;
}

const EMPTY: PdfState = { pdf: null, error: null, problem: null, progress: null };

/**
 * Opens one document version with the reader's pdf.js settings (pack copy or range requests, nothing from the
 * PDF ever runs); used by the reader and the live room. `version` undefined: not known yet, nothing opened.
 */
export function usePdf(documentId: string, version: number | undefined): PdfState {
  const key = version === undefined ? null : `${documentId}:${version}`;
  const [state, setState] = useState<PdfState & { key: string | null }>({ ...EMPTY, key: null });

  useEffect(() => {
    if (version === undefined) return;
    const k = `${documentId}:${version}`;
    let cancelled = false;
    const load = openPdf(documentsApi.fileUrl(documentId, version), (progress) => {
      if (!cancelled) setState((s) => (s.key === k && s.pdf ? s : { ...EMPTY, key: k, progress }));
    });
    load.promise.then(
      (pdf) => {
        if (!cancelled) setState((s) => ({ key: k, pdf, error: null, problem: null, progress: s.key === k ? s.progress : null }));
      },
      (error: unknown) => {
        // a destroyed load rejects too: only a live one's failure is news
        if (!cancelled) setState({ key: k, pdf: null, error, problem: classifyPdfError(error), progress: null });
      },
    );
    return () => {
      cancelled = true;
      // pdf.js may reject the teardown of a document still loading (its requests cut short): nothing to tell anyone
      load.destroy().catch(() => undefined);
    };
  }, [documentId, version]);

  return state.key === key && key !== null ? state : EMPTY;
}
