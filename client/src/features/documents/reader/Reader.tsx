import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgendaDto, DocumentDto } from '@phonghop/shared';
import { useResource } from '../../../api/use-resource';
import { Alert } from '../../../ui/Alert';
import { Spinner } from '../../../ui/Spinner';
import { agendaApi } from '../../agenda/agenda.api';
import { AnnotationLayer } from '../../annotations/AnnotationLayer';
import { AnnotationsPanel } from '../../annotations/AnnotationsPanel';
import { AnnotationsProvider, type ToolState } from '../../annotations/AnnotationsProvider';
import { AnnotationTools } from '../../annotations/AnnotationTools';
import { useCurrentUser } from '../../auth/session-context';
import { formatBytes } from '../doc-format';
import { documentsApi } from '../documents.api';
import { ProgressBar } from '../ProgressBar';
import { OutlineList } from './OutlineList';
import { A4 } from './page-layout';
import type { LoadProgress } from './pdf';
import type { Size } from './page-layout';
import type { PdfProblem } from './pdf-errors';
import { PdfViewer, type ViewerApi } from './PdfViewer';
import { browserPositions, positionKey, resumePage } from './reading-position';
import { neighbours, readingOrder } from './reading-order';
import { ReaderToolbar } from './ReaderToolbar';
import { SearchBar } from './SearchBar';
import type { Hit } from './search';
import { Thumbnails } from './Thumbnails';
import { useDocumentSearch } from './use-document-search';
import { usePdf } from './use-pdf';
import { useReaderKeys } from './use-reader-keys';
import { FIT_WIDTH, stepZoom, type ZoomMode } from './zoom';

type Panel = 'thumbnails' | 'outline';
/** Thumbnails' placeholders are A4 until drawn. */
const A4_ASPECT = A4.height / A4.width;

/** One document version in the reader: toolbar, optional search bar and side panel, the pages. */
export function Reader({ doc, onRetry }: { doc: DocumentDto; onRetry: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const version = doc.current.version;
  const { pdf, problem, error, progress } = usePdf(doc.id, version);
  const [positions] = useState(browserPositions);
  const key = positionKey(user.id, doc.id, version);
  const [saved] = useState(() => positions.get(key));
  const [current, setCurrent] = useState(() => resumePage(saved, doc.current.pageCount));
  const [zoom, setZoom] = useState<ZoomMode>(FIT_WIDTH);
  const [scale, setScale] = useState(1);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [searchOpen, setSearchOpen] = useState(false);
  const viewer = useRef<ViewerApi>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const pendingHit = useRef(false);
  const opened = useRef(false);

  const order = useResource(`reader-order:${doc.meetingId}`, (signal) =>
    Promise.all([agendaApi.get(doc.meetingId, signal), documentsApi.list(doc.meetingId, signal)]).then(([agenda, docs]: [AgendaDto, DocumentDto[]]) => readingOrder(agenda, docs)),
  );
  const near = order.data ? neighbours(order.data, doc.id) : null;

  const pageCount = pdf?.numPages ?? doc.current.pageCount;
  const goToPage = useCallback((page: number) => viewer.current?.goToPage(page), []);

  const onCurrentPage = useCallback(
    (page: number) => {
      setCurrent(page);
      positions.set(key, page);
    },
    [positions, key],
  );

  const onRendered = useCallback(() => {
    if (opened.current) return;
    opened.current = true;
    performance.mark('reader:first-page'); // read by bench/viewer.mjs
    documentsApi.opened(doc.id, version).catch(() => undefined);
  }, [doc.id, version]);

  const onJump = useCallback((hit: Hit) => {
    pendingHit.current = true;
    viewer.current?.goToPage(hit.page);
  }, []);
  const search = useDocumentSearch(pdf, current, onJump);
  const onSelectedHighlight = useCallback((el: HTMLElement) => {
    if (!pendingHit.current) return;
    pendingHit.current = false;
    viewer.current?.reveal(el);
  }, []);

  const openSearch = () => {
    setSearchOpen(true);
    // the bar may be mounting: focus once it is there
    requestAnimationFrame(() => searchInput.current?.select());
  };
  const closeSearch = () => {
    setSearchOpen(false);
    search.clear();
    viewer.current?.focus();
  };
  // the member's marks over each drawn page, in page fractions (aspect: height / width)
  const renderOverlay = useCallback((n: number, size: Size) => <AnnotationLayer page={n} aspect={size.height / size.width} />, []);

  const zoomStep = (dir: 1 | -1) => viewer.current?.zoom({ kind: 'custom', scale: stepZoom(scale, dir) }, 'center');
  const zoomMode = (mode: ZoomMode) => viewer.current?.zoom(mode);

  useReaderKeys({
    prevPage: () => goToPage(current - 1),
    nextPage: () => goToPage(current + 1),
    firstPage: () => goToPage(1),
    lastPage: () => goToPage(pageCount),
    zoomIn: () => zoomStep(1),
    zoomOut: () => zoomStep(-1),
    openSearch,
    escape: () => (searchOpen ? closeSearch() : setPanel(null)),
  });

  const screen = (tools: ToolState) => (
    <main className="reader" id="main" data-testid="reader" data-document-id={doc.id}>
      <ReaderToolbar
        doc={doc}
        prevDoc={near?.prev ?? null}
        nextDoc={near?.next ?? null}
        docIndex={near && near.index >= 0 && order.data ? { index: near.index, total: order.data.length } : null}
        current={current}
        pageCount={pageCount}
        scale={scale}
        zoom={zoom}
        panelOpen={panel !== null}
        searchOpen={searchOpen}
        onPage={goToPage}
        onZoomStep={zoomStep}
        onZoom={zoomMode}
        onTogglePanel={() => setPanel((p) => (p ? null : 'thumbnails'))}
        onToggleSearch={() => (searchOpen ? closeSearch() : openSearch())}
      />
      <AnnotationTools tools={tools} />
      {searchOpen && <SearchBar state={search.state} inputRef={searchInput} onSearch={search.search} onStep={search.step} onClose={closeSearch} />}
      <div className="reader__body">
        {panel && pdf && (
          <aside className="reader-panel" data-testid="reader-panel" aria-label={t('reader.panel')}>
            <div className="reader-panel__tabs" role="tablist">
              <button type="button" role="tab" aria-selected={panel === 'thumbnails'} className={panel === 'thumbnails' ? 'is-active' : ''} onClick={() => setPanel('thumbnails')} data-testid="panel-thumbnails">
                {t('reader.thumbnails')}
              </button>
              <button type="button" role="tab" aria-selected={panel === 'outline'} className={panel === 'outline' ? 'is-active' : ''} onClick={() => setPanel('outline')} data-testid="panel-outline">
                {t('reader.outline')}
              </button>
            </div>
            <div className="reader-panel__body" role="tabpanel">
              {panel === 'thumbnails' ? <Thumbnails pdf={pdf} current={current} aspect={A4_ASPECT} onGo={goToPage} /> : <OutlineList pdf={pdf} onGo={goToPage} />}
            </div>
          </aside>
        )}
        {pdf ? (
          <PdfViewer
            pdf={pdf}
            zoom={zoom}
            onZoom={setZoom}
            onScale={setScale}
            initialPage={resumePage(saved, pdf.numPages)}
            onCurrentPage={onCurrentPage}
            onRendered={onRendered}
            highlights={search.highlights}
            onSelectedHighlight={onSelectedHighlight}
            apiRef={viewer}
            renderOverlay={renderOverlay}
          />
        ) : problem ? (
          <ReaderProblem problem={problem} error={error} meetingId={doc.meetingId} onRetry={onRetry} />
        ) : (
          <Loading progress={progress} />
        )}
        {tools.listOpen && <AnnotationsPanel onGo={goToPage} onClose={tools.toggleList} />}
      </div>
    </main>
  );
  return (
    <AnnotationsProvider userId={user.id} meetingId={doc.meetingId} documentId={doc.id} version={version}>
      {screen}
    </AnnotationsProvider>
  );
}

/** "Đang mở tài liệu…" with what has arrived so far (pdf.js reports the bytes of the ranges it fetched). */
function Loading({ progress }: { progress: LoadProgress | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'vi';
  const total = progress?.total ?? null;
  return (
    <div className="reader__message" data-testid="reader-loading">
      <Spinner size="lg" label={t('reader.loading')} />
      <p>{t('reader.loading')}</p>
      {progress && (
        <>
          <p className="muted small" data-testid="reader-progress">
            {progress.source === 'device'
              ? t('reader.fromDevice')
              : total
                ? t('reader.loaded', { loaded: formatBytes(progress.loaded, lang), total: formatBytes(total, lang) })
                : t('reader.loadedSoFar', { loaded: formatBytes(progress.loaded, lang) })}
          </p>
          {total ? <ProgressBar value={(progress.loaded / total) * 100} label={t('reader.loading')} /> : null}
        </>
      )}
    </div>
  );
}

function ReaderProblem({ problem, error, meetingId, onRetry }: { problem: PdfProblem; error: unknown; meetingId: string; onRetry: () => void }) {
  const { t } = useTranslation();
  const message = problem === 'denied' ? t('errors.DOCUMENT_ACCESS_DENIED') : t(`reader.problems.${problem}`);
  const retry = problem === 'network' || problem === 'unknown';
  return (
    <div className="reader__message" data-testid="reader-problem" data-problem={problem}>
      <Alert>
        {message}
        {problem === 'unknown' && error instanceof Error && <span className="small muted"> ({error.message})</span>}
      </Alert>
      <div className="reader__message-actions">
        <Link to={`/cuoc-hop/${meetingId}`} className="btn btn--secondary">
          {t('reader.back')}
        </Link>
        {retry && (
          <button type="button" className="btn btn--primary" onClick={onRetry}>
            {t('reader.retry')}
          </button>
        )}
      </div>
    </div>
  );
}
