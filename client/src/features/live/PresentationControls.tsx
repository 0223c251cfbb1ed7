import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { useLive } from './live-context';
import { PageGoTo } from './PageGoTo';
import { PageIndicator } from './PresentedPage';
import { docLabel, pageCountOf } from './presented-doc';
import { usePageKeys } from './use-page-keys';

/**
 * What the room sees, driven by the chair or the designated presenter: pick a document of the meeting, turn its
 * pages (buttons, go-to, ←/→), stop. A page past the end is left to the server to refuse ("Tài liệu chỉ có 7 trang").
 */
export function PresentationControls() {
  const { t } = useTranslation();
  const { view, docs, agenda, run, pending } = useLive();
  const selectId = useId();
  const presentation = view.state.presentation;
  const [picked, setPicked] = useState('');
  const fallback = presentation?.documentId ?? docs.find((d) => d.agendaItemId === view.state.currentItemId)?.id ?? docs[0]?.id ?? '';
  const selectedId = docs.some((d) => d.id === picked) ? picked : fallback;
  const selected = docs.find((d) => d.id === selectedId);
  const showing = presentation?.documentId === selectedId ? presentation : null;
  const version = showing?.version ?? selected?.current.version ?? 1;
  const total = selected ? pageCountOf(docs, { documentId: selectedId, version }) : null;
  const page = showing?.page ?? 0;
  const ended = view.state.status === 'ended';

  const go = (n: number) => {
    if (selected) void run('presentation:go-to-page', { documentId: selectedId, version, page: n }, 'page');
  };
  const canPrev = showing !== null && page > 1;
  const canNext = selected !== undefined && !ended && (total === null || page < total);
  usePageKeys(
    () => {
      if (canPrev) go(page - 1);
    },
    () => {
      if (canNext && showing) go(page + 1);
    },
  );

  // documents grouped under their agenda item, in agenda order; the rest last
  const groups = agenda.map((item) => ({ label: `${item.number}. ${item.title}`, docs: docs.filter((d) => d.agendaItemId === item.id) })).filter((g) => g.docs.length > 0);
  const others = docs.filter((d) => !agenda.some((i) => i.id === d.agendaItemId));

  return (
    <div className="presentation-controls" data-testid="presentation-controls">
      {docs.length === 0 ? (
        <p className="muted">{t('live.presentation.noDocs')}</p>
      ) : (
        <div className="field">
          <label htmlFor={selectId} className="field__label">
            {t('live.presentation.document')}
          </label>
          <select id={selectId} name="presentDocument" className="field__input" value={selectedId} onChange={(e) => setPicked(e.target.value)} data-testid="present-document">
            {groups.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.docs.map((d) => (
                  <option key={d.id} value={d.id}>
                    {docLabel(d)}
                  </option>
                ))}
              </optgroup>
            ))}
            {others.map((d) => (
              <option key={d.id} value={d.id}>
                {docLabel(d)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="live-actions presentation-controls__pages">
        {!showing && (
          <Button busy={pending.has('page')} disabled={!selected || ended} onClick={() => go(1)} data-testid="present-start">
            {t('live.presentation.show')}
          </Button>
        )}
        <button type="button" className="icon-btn" onClick={() => go(page - 1)} disabled={!canPrev} aria-label={t('live.presentation.prev')} title={t('live.presentation.prev')} data-testid="present-prev">
          ‹
        </button>
        {showing ? <PageIndicator page={showing.page} total={total} /> : <span className="page-indicator muted">{t('live.presentation.notShowing')}</span>}
        <button type="button" className="icon-btn" onClick={() => go(page + 1)} disabled={!canNext || !showing} aria-label={t('live.presentation.next')} title={t('live.presentation.next')} data-testid="present-next">
          ›
        </button>
        <PageGoTo onGo={go} testId="present-goto" disabled={!selected || ended} />
        <Button variant="danger" busy={pending.has('presentation:stop')} disabled={!presentation} onClick={() => void run('presentation:stop', {})} data-testid="present-stop">
          {t('live.presentation.stop')}
        </Button>
      </div>
    </div>
  );
}
