import '../documents/reader/reader.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../ui/Spinner';
import { A4, type Size } from '../documents/reader/page-layout';
import { PdfPage } from '../documents/reader/PdfPage';
import { usePdf } from '../documents/reader/use-pdf';
import type { PageRef } from './follow';

/**
 * One page of a document version, as large as fits its box (the parent gives the box its size). Page sizes learnt
 * from pdf.js are kept, so turning pages in a document of one format draws once per page.
 */
export function PresentedPage({ target, label }: { target: PageRef; label: string }) {
  const { t } = useTranslation();
  const { pdf, problem } = usePdf(target.documentId, target.version);
  const boxRef = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<Size>({ width: 0, height: 0 });
  const [sizes, setSizes] = useState<Record<string, Size>>({});
  const docKey = `${target.documentId}:${target.version}`;

  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setBox({ width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const onSize = useCallback(
    (n: number, s: Size) =>
      setSizes((all) => {
        const k = `${docKey}:${n}`;
        return all[k]?.width === s.width && all[k]?.height === s.height ? all : { ...all, [k]: s };
      }),
    [docKey],
  );

  const size = sizes[`${docKey}:${target.page}`] ?? A4;
  const scale = Math.floor(Math.min(box.width / size.width, box.height / size.height) * 1000) / 1000;

  return (
    <div className="presented-page" ref={boxRef} data-testid="presented-page" data-document-id={target.documentId} data-page={target.page}>
      {problem !== null ? (
        <p className="presented-page__message" role="alert">
          {problem === 'denied' ? t('errors.DOCUMENT_ACCESS_DENIED') : t('live.presentation.cannotOpen')}
        </p>
      ) : pdf && scale > 0 ? (
        <PdfPage pdf={pdf} pageNumber={target.page} scale={scale} size={size} active onSize={onSize} label={label} />
      ) : (
        <Spinner size="lg" label={t('live.presentation.loading')} />
      )}
    </div>
  );
}

/** "Trang 3/7" under the presented page. */
export function PageIndicator({ page, total }: { page: number; total: number | null }) {
  const { t } = useTranslation();
  return (
    <span className="page-indicator" data-testid="presented-page-indicator" data-page={page} aria-live="polite">
      {t('live.presentation.pageOf', { page, total: total ?? '…' })}
    </span>
  );
}
