import { useTranslation } from 'react-i18next';
import type { AgendaItemDto } from '@phonghop/shared';

interface Props {
  item: AgendaItemDto;
  editable: boolean;
  busy: boolean;
  canUp: boolean;
  canDown: boolean;
  onMove: (delta: -1 | 1) => void;
  onAddChild: () => void;
  onRemove: () => void;
  drag: {
    onDragStart: () => void;
    onDragOver: (e: React.DragEvent) => void;
    onDrop: () => void;
    onDragEnd: () => void;
    isTarget: boolean;
  };
}

/** One agenda line: number, title, presenter, minutes; ↑/↓ are the primary way to reorder, dragging the handle also works. */
export function AgendaItemRow({ item, editable, busy, canUp, canDown, onMove, onAddChild, onRemove, drag }: Props) {
  const { t } = useTranslation();
  const presenter = item.presenter?.fullName ?? item.presenterName;
  return (
    <li
      className={['agenda-row', item.parentId ? 'agenda-row--child' : '', drag.isTarget ? 'agenda-row--drop' : ''].filter(Boolean).join(' ')}
      data-testid="agenda-item"
      data-number={item.number}
      data-id={item.id}
      onDragOver={editable ? drag.onDragOver : undefined}
      onDrop={editable ? drag.onDrop : undefined}
    >
      {editable && (
        <span
          className="agenda-row__handle"
          draggable
          onDragStart={(e) => {
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', item.id);
            drag.onDragStart();
          }}
          onDragEnd={drag.onDragEnd}
          title={t('agenda.dragHint')}
          aria-hidden="true"
        >
          ⠿
        </span>
      )}
      <span className="agenda-row__number">{item.number}.</span>
      <div className="agenda-row__body">
        <p className="agenda-row__title">{item.title}</p>
        <p className="agenda-row__meta muted small">
          {presenter && <span>{t('agenda.presentedBy', { name: presenter })}</span>}
          <span>{t('agenda.minutesShort', { count: item.plannedMinutes })}</span>
          {!item.isPublic && <span className="badge badge--warn">{t('agenda.internal')}</span>}
        </p>
      </div>
      {editable && (
        <div className="agenda-row__actions">
          <button type="button" className="icon-btn" disabled={busy || !canUp} onClick={() => onMove(-1)} aria-label={t('agenda.moveUp', { number: item.number })} title={t('agenda.moveUpShort')} data-testid="agenda-up">
            ↑
          </button>
          <button type="button" className="icon-btn" disabled={busy || !canDown} onClick={() => onMove(1)} aria-label={t('agenda.moveDown', { number: item.number })} title={t('agenda.moveDownShort')} data-testid="agenda-down">
            ↓
          </button>
          {!item.parentId && (
            <button type="button" className="btn btn--secondary btn--small" disabled={busy} onClick={onAddChild} data-testid="agenda-add-child">
              {t('agenda.addChild')}
            </button>
          )}
          <button type="button" className="btn btn--danger btn--small" disabled={busy} onClick={onRemove} aria-label={t('agenda.removeLabel', { number: item.number })} data-testid="agenda-remove">
            {t('agenda.remove')}
          </button>
        </div>
      )}
    </li>
  );
}
