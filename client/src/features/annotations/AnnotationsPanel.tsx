import { useTranslation } from 'react-i18next';
import { useAnnotationContext } from './annotation-context';
import { draftOf, visible } from './sync-rules';

/** Every annotation of this version: go to it, share it with the meeting or stop, delete it (own ones only). */
export function AnnotationsPanel({ onGo, onClose }: { onGo: (page: number) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const { api, names } = useAnnotationContext();
  const rows = visible(api.all.values()).sort((a, b) => a.page - b.page);
  return (
    <aside className="reader-panel annot-panel" aria-label={t('annotations.list')} data-testid="annotations-panel">
      <div className="annot-panel__head">
        <strong>{t('annotations.list')}</strong>
        <button type="button" className="btn btn--secondary btn--small" onClick={onClose}>
          {t('annotations.close')}
        </button>
      </div>
      {rows.length === 0 && <p className="muted annot-panel__empty">{t('annotations.listEmpty')}</p>}
      <ul className="annot-panel__list">
        {rows.map((a) => {
          const mine = a.ownerId === api.userId;
          return (
            <li
              key={a.id}
              className="annot-panel__row"
              data-testid="annotation-row"
              data-annotation-id={a.id}
              data-kind={a.kind}
              data-shared={a.shared}
              data-mine={mine}
              data-from-previous={a.fromPreviousVersion}
            >
              <button type="button" className="annot-panel__go" onClick={() => onGo(a.page)}>
                <span className="annot-panel__kind">{t(`annotations.kinds.${a.kind}`)}</span> · {t('annotations.onPage', { page: a.page })}
                {a.fromPreviousVersion && (
                  <span className="annot-badge" data-testid="annotation-from-previous">
                    {' '}
                    · {t('annotations.fromPrevious')}
                  </span>
                )}
                {a.kind === 'note' && <span className="annot-panel__text">{a.text}</span>}
                {a.kind === 'highlight' && <span className="annot-panel__text">{a.quote}</span>}
                <span className="muted small">{mine ? (a.shared ? t('annotations.isShared') : t('annotations.mine')) : t('annotations.sharedBy', { name: names.get(a.ownerId) ?? '' })}</span>
              </button>
              {mine && (
                <div className="annot-panel__actions">
                  <button
                    type="button"
                    className="btn btn--secondary btn--small"
                    onClick={() => api.update({ ...draftOf(a), shared: !a.shared })}
                    aria-pressed={a.shared}
                    data-testid="annotation-share"
                  >
                    {a.shared ? t('annotations.unshare') : t('annotations.share')}
                  </button>
                  <button type="button" className="btn btn--secondary btn--small" onClick={() => api.remove(a.id)} data-testid="annotation-delete">
                    {t('annotations.delete')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
