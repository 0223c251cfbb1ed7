import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentDto } from '@phonghop/shared';
import { PageGoTo } from '../../../ui/PageGoTo';
import { docNumber } from '../doc-format';
import { PackStatus } from '../pack/PackStatus';
import { Icon } from './icons';
import { zoomPercent, type ZoomMode } from './zoom';

interface Props {
  doc: DocumentDto;
  prevDoc: DocumentDto | null;
  nextDoc: DocumentDto | null;
  docIndex: { index: number; total: number } | null;
  current: number;
  pageCount: number;
  scale: number;
  zoom: ZoomMode;
  panelOpen: boolean;
  searchOpen: boolean;
  onPage: (page: number) => void;
  onZoomStep: (dir: 1 | -1) => void;
  onZoom: (mode: ZoomMode) => void;
  onTogglePanel: () => void;
  onToggleSearch: () => void;
}

/** The reader's bar: back to the meeting, the document, previous/next document, pages, zoom, search, panel. */
export function ReaderToolbar(p: Props) {
  const { t } = useTranslation();
  const { doc } = p;
  const number = docNumber(doc);
  return (
    <header className="reader__bar" role="toolbar" aria-label={t('reader.toolbar')}>
      <div className="reader__row">
        <Link to={`/cuoc-hop/${doc.meetingId}`} className="btn btn--secondary" data-testid="reader-back">
          ← {t('reader.back')}
        </Link>
        <button type="button" className={`icon-btn ${p.panelOpen ? 'is-active' : ''}`} onClick={p.onTogglePanel} aria-pressed={p.panelOpen} aria-label={t('reader.panel')} title={t('reader.panel')} data-testid="toggle-panel">
          <Icon name="panel" />
        </button>
        <div className="reader__title">
          <span className="doc-type">{t(`documents.types.${doc.docType}`)}</span>
          {number && <span className="muted"> {t('documents.numberLine', { number })}</span>}
          <span className="reader__summary" data-testid="reader-title" title={doc.summary}>
            {doc.summary}
          </span>
        </div>
        <nav className="reader__docs" aria-label={t('reader.docs')}>
          <DocLink doc={p.prevDoc} dir="prev" />
          {p.docIndex && (
            <span className="muted small reader__doc-index" data-testid="doc-index">
              {t('reader.docIndex', { index: p.docIndex.index + 1, total: p.docIndex.total })}
            </span>
          )}
          <DocLink doc={p.nextDoc} dir="next" />
        </nav>
        <PackStatus />
      </div>
      <div className="reader__row reader__row--tools">
        <div className="reader__nav">
          <button type="button" className="icon-btn" onClick={() => p.onPage(p.current - 1)} disabled={p.current <= 1} aria-label={t('reader.prev')} title={t('reader.prev')} data-testid="reader-prev">
            ‹
          </button>
          <span className="reader__indicator" data-testid="page-indicator" data-page={p.current} aria-live="polite">
            {t('reader.pageOf', { page: p.current, total: p.pageCount || '…' })}
          </span>
          <button type="button" className="icon-btn" onClick={() => p.onPage(p.current + 1)} disabled={p.current >= p.pageCount} aria-label={t('reader.next')} title={t('reader.next')} data-testid="reader-next">
            ›
          </button>
          <GoToPage pageCount={p.pageCount} onGo={p.onPage} />
        </div>
        <div className="reader__zoom">
          <button type="button" className="icon-btn" onClick={() => p.onZoomStep(-1)} aria-label={t('reader.zoomOut')} title={t('reader.zoomOut')} data-testid="zoom-out">
            −
          </button>
          <span className="reader__zoom-value" data-testid="zoom-value">
            {zoomPercent(p.scale)}%
          </span>
          <button type="button" className="icon-btn" onClick={() => p.onZoomStep(1)} aria-label={t('reader.zoomIn')} title={t('reader.zoomIn')} data-testid="zoom-in">
            +
          </button>
          <button type="button" className={`btn btn--secondary btn--small ${p.zoom.kind === 'fitWidth' ? 'is-active' : ''}`} onClick={() => p.onZoom({ kind: 'fitWidth' })} aria-pressed={p.zoom.kind === 'fitWidth'} data-testid="zoom-fit">
            {t('reader.fitWidth')}
          </button>
          <button type="button" className={`btn btn--secondary btn--small ${p.zoom.kind === 'fitPage' ? 'is-active' : ''}`} onClick={() => p.onZoom({ kind: 'fitPage' })} aria-pressed={p.zoom.kind === 'fitPage'} data-testid="zoom-fit-page">
            {t('reader.fitPage')}
          </button>
        </div>
        <button type="button" className={`btn btn--secondary btn--small ${p.searchOpen ? 'is-active' : ''}`} onClick={p.onToggleSearch} aria-pressed={p.searchOpen} data-testid="toggle-search" title={t('reader.search.shortcut')}>
          <Icon name="search" /> {t('reader.search.open')}
        </button>
      </div>
    </header>
  );
}

function DocLink({ doc, dir }: { doc: DocumentDto | null; dir: 'prev' | 'next' }) {
  const { t } = useTranslation();
  const label = dir === 'prev' ? t('reader.prevDoc') : t('reader.nextDoc');
  const icon = <Icon name={dir === 'prev' ? 'prevDoc' : 'nextDoc'} />;
  if (!doc) {
    return (
      <span className="btn btn--secondary btn--small is-disabled" aria-disabled="true" data-testid={`${dir}-document`}>
        {dir === 'prev' && icon}
        {label}
        {dir === 'next' && icon}
      </span>
    );
  }
  return (
    <Link to={`/tai-lieu/${doc.id}`} className="btn btn--secondary btn--small" title={doc.summary} data-testid={`${dir}-document`} data-document-id={doc.id}>
      {dir === 'prev' && icon}
      {label}
      {dir === 'next' && icon}
    </Link>
  );
}

/** "Đến trang": anything but a page of this document is refused on the spot. */
function GoToPage({ pageCount, onGo }: { pageCount: number; onGo: (page: number) => void }) {
  const { t } = useTranslation();
  return (
    <PageGoTo
      onGo={onGo}
      max={pageCount}
      className="reader__goto"
      inputTestId="goto-input"
      submitTestId="goto-submit"
      small
      labels={{ field: t('reader.goTo'), placeholder: t('reader.goToShort'), go: t('reader.go'), invalid: t('reader.badPage', { total: pageCount }) }}
    />
  );
}
