import './reader.css';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useResource } from '../../../api/use-resource';
import { useErrorMessage } from '../../../i18n/use-error-message';
import { Alert } from '../../../ui/Alert';
import { Spinner } from '../../../ui/Spinner';
import { docNumber } from '../doc-format';
import { documentsApi } from '../documents.api';
import { openPdf } from './pdf';
import { PdfPage } from './PdfPage';
import { useVisiblePage } from './use-visible-page';

type Size = { width: number; height: number };
const A4: Size = { width: 595, height: 842 };
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/** A plain first reader: paged scroll, visible page ±1 drawn, selectable text, "Trang 3/14", go-to, fit width. */
export default function ReaderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const describeError = useErrorMessage();
  const doc = useResource(`doc:${id}`, (signal) => documentsApi.get(id, signal));
  const version = doc.data?.current.version;
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [sizes, setSizes] = useState<Record<number, Size>>({});
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [width, setWidth] = useState(800);
  const [goTo, setGoTo] = useState('');
  const viewerRef = useRef<HTMLDivElement>(null);
  const openedRef = useRef<string | null>(null);
  const { current, observe } = useVisiblePage();

  useEffect(() => {
    if (!version) return;
    const task = openPdf(documentsApi.fileUrl(id, version));
    task.promise.then(setPdf, (err: unknown) => setLoadError(err));
    return () => {
      void task.destroy();
      setPdf(null);
    };
  }, [id, version]);

  useEffect(() => {
    const el = viewerRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    ro.observe(el);
    return () => ro.disconnect();
  }, [pdf]);

  const onSize = useCallback((n: number, s: Size) => setSizes((all) => (all[n]?.width === s.width && all[n]?.height === s.height ? all : { ...all, [n]: s })), []);
  const onRendered = useCallback(() => {
    const key = `${id}:${version}`;
    if (!version || openedRef.current === key) return;
    openedRef.current = key;
    documentsApi.opened(id, version).catch(() => undefined);
  }, [id, version]);

  const first = sizes[1] ?? A4;
  const fitScale = Math.max(0.25, (width - 32) / first.width);
  const scale = zoom === 'fit' ? fitScale : zoom;
  const pageCount = pdf?.numPages ?? doc.data?.current.pageCount ?? 0;

  const scrollTo = (n: number) => {
    const page = Math.max(1, Math.min(pageCount, n));
    document.querySelector(`[data-testid="pdf-page"][data-page-number="${page}"]`)?.scrollIntoView({ block: 'start', behavior: 'auto' });
  };
  const submitGoTo = (e: FormEvent) => {
    e.preventDefault();
    const n = Number.parseInt(goTo, 10);
    if (Number.isFinite(n)) scrollTo(n);
    setGoTo('');
  };
  const zoomStep = (dir: 1 | -1) => {
    const now = scale;
    const next = dir > 0 ? ZOOMS.find((z) => z > now + 0.01) : [...ZOOMS].reverse().find((z) => z < now - 0.01);
    if (next) setZoom(next);
  };

  const d = doc.data;
  const error = doc.error ?? loadError;
  return (
    <div className="reader">
      <div className="reader__bar" role="toolbar" aria-label={t('reader.toolbar')}>
        <Link to={d ? `/cuoc-hop/${d.meetingId}` : '/'} className="btn btn--secondary" data-testid="reader-back">
          ← {t('reader.back')}
        </Link>
        <div className="reader__title">
          {d && (
            <>
              <span className="doc-type">{t(`documents.types.${d.docType}`)}</span>
              {docNumber(d) && <span className="muted"> {t('documents.numberLine', { number: docNumber(d) })}</span>}
              <span className="reader__summary">{d.summary}</span>
            </>
          )}
        </div>
        <div className="reader__nav">
          <button type="button" className="icon-btn" onClick={() => scrollTo(current - 1)} disabled={current <= 1} aria-label={t('reader.prev')} title={t('reader.prev')} data-testid="reader-prev">
            ‹
          </button>
          <span className="reader__indicator" data-testid="page-indicator" aria-live="polite">
            {t('reader.pageOf', { page: current, total: pageCount || '…' })}
          </span>
          <button type="button" className="icon-btn" onClick={() => scrollTo(current + 1)} disabled={current >= pageCount} aria-label={t('reader.next')} title={t('reader.next')} data-testid="reader-next">
            ›
          </button>
          <form onSubmit={submitGoTo} className="reader__goto">
            <label className="visually-hidden" htmlFor="reader-goto">
              {t('reader.goTo')}
            </label>
            <input id="reader-goto" name="goToPage" className="field__input field__input--compact" inputMode="numeric" placeholder={t('reader.goToShort')} value={goTo} onChange={(e) => setGoTo(e.target.value)} size={4} />
          </form>
        </div>
        <div className="reader__zoom">
          <button type="button" className="icon-btn" onClick={() => zoomStep(-1)} aria-label={t('reader.zoomOut')} title={t('reader.zoomOut')}>
            −
          </button>
          <button type="button" className={`btn btn--secondary btn--small ${zoom === 'fit' ? 'is-active' : ''}`} onClick={() => setZoom('fit')} aria-pressed={zoom === 'fit'} data-testid="zoom-fit">
            {t('reader.fitWidth')}
          </button>
          <span className="reader__zoom-value">{Math.round(scale * 100)}%</span>
          <button type="button" className="icon-btn" onClick={() => zoomStep(1)} aria-label={t('reader.zoomIn')} title={t('reader.zoomIn')}>
            +
          </button>
        </div>
      </div>
      {error !== null && <Alert>{describeError(error)}</Alert>}
      <div className="reader__viewer" ref={viewerRef} data-testid="pdf-viewer">
        {!pdf && error === null && (
          <div className="center-block">
            <Spinner size="lg" label={t('reader.loading')} />
          </div>
        )}
        {pdf &&
          Array.from({ length: pdf.numPages }, (_, i) => i + 1).map((n) => (
            <div key={n} ref={observe(n)} className="pdf-page-slot">
              <PdfPage
                pdf={pdf}
                pageNumber={n}
                scale={scale}
                size={sizes[n] ?? first}
                active={Math.abs(n - current) <= 1}
                onSize={onSize}
                onRendered={onRendered}
                label={t('reader.pageLabel', { page: n })}
              />
            </div>
          ))}
      </div>
    </div>
  );
}
