import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { Spinner } from '../../../ui/Spinner';
import { destinationPage, flattenOutline, type OutlineRow, type OutlineSource } from './outline';

/** The document's own table of contents (its bookmarks); tap an entry to go to its page. */
export function OutlineList({ pdf, onGo }: { pdf: PDFDocumentProxy; onGo: (page: number) => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<OutlineRow[] | null>(null);

  useEffect(() => {
    let cancelled = false;
    pdf.getOutline().then(
      (outline: OutlineSource[] | null) => {
        if (!cancelled) setRows(flattenOutline(outline ?? []));
      },
      () => {
        if (!cancelled) setRows([]);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [pdf]);

  if (rows === null) return <Spinner label={t('app.loading')} />;
  if (rows.length === 0) return <p className="muted reader-panel__empty">{t('reader.noOutline')}</p>;
  const go = (row: OutlineRow) => {
    void destinationPage(pdf, row.dest, pdf.numPages).then((page) => {
      if (page !== null) onGo(page);
    });
  };
  return (
    <ul className="outline" data-testid="outline">
      {rows.map((row) => (
        <li key={row.key}>
          <button type="button" className="outline__item" style={{ paddingInlineStart: `${12 + row.depth * 16}px` }} onClick={() => go(row)} data-testid="outline-item">
            {row.title}
          </button>
        </li>
      ))}
    </ul>
  );
}
