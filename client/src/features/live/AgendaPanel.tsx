import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { vnTime } from '../meetings/vn-time';
import { nextAgendaItem } from './agenda-progress';
import { useLive } from './live-context';

/** The chair's agenda: the current item highlighted, "Mục tiếp theo", any item opened by a tap, actual times. */
export function AgendaPanel() {
  const { t } = useTranslation();
  const { view, agenda, run, pending } = useLive();
  const { currentItemId, itemTimes, status } = view.state;
  const live = status === 'in_progress' || status === 'paused';
  const next = nextAgendaItem(agenda, currentItemId);
  const open = (itemId: string) => void run('agenda:open-item', { itemId }, `open:${itemId}`);

  return (
    <section className="card live-panel" aria-labelledby="live-agenda-title" data-testid="agenda-panel">
      <div className="section-header">
        <h2 id="live-agenda-title">{t('live.agenda.title')}</h2>
        {next ? (
          <Button busy={pending.has(`open:${next.id}`)} disabled={!live} onClick={() => open(next.id)} data-testid="agenda-next">
            {t('live.agenda.next')}
          </Button>
        ) : (
          agenda.length > 0 && <span className="muted small">{t('live.agenda.done')}</span>
        )}
      </div>
      {!live && status !== 'ended' && <p className="muted small">{t('live.agenda.startFirst')}</p>}
      {agenda.length === 0 && <p className="muted">{t('live.agenda.empty')}</p>}
      <ol className="live-agenda">
        {agenda.map((item) => {
          const times = itemTimes[item.id];
          const current = item.id === currentItemId;
          return (
            <li key={item.id} className={item.parentId ? 'is-child' : undefined}>
              <button
                type="button"
                className={`live-agenda__item ${current ? 'is-current' : ''} ${times?.endedAt && !current ? 'is-done' : ''}`}
                aria-current={current ? 'step' : undefined}
                disabled={!live || pending.has(`open:${item.id}`)}
                onClick={() => open(item.id)}
                data-testid="live-agenda-item"
                data-id={item.id}
                data-number={item.number}
                data-current={current}
              >
                <span className="live-agenda__number">{item.number}.</span>
                <span className="live-agenda__body">
                  <span className="live-agenda__title">{item.title}</span>
                  <span className="live-agenda__meta small">
                    {current && <span className="badge badge--on">{t('live.agenda.current')}</span>}
                    {times?.startedAt && <span>{t('live.agenda.started', { time: vnTime(times.startedAt) })}</span>}
                    {times?.endedAt && !current && <span>{t('live.agenda.ended', { time: vnTime(times.endedAt) })}</span>}
                    {!times && <span className="muted">{t('live.agenda.planned', { count: item.plannedMinutes })}</span>}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
