import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaDto, AgendaItemDto, CreateAgendaItemRequest } from '@phonghop/shared';
import { useResource } from '../../api/use-resource';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Spinner } from '../../ui/Spinner';
import type { StepProps } from '../meetings/prep/PrepPage';
import { AddAgendaItemForm } from './AddAgendaItemForm';
import { agendaApi } from './agenda.api';
import { currentOrder, dropItem, moveItem, type OrderEntry } from './agenda-order';
import { AgendaItemRow } from './AgendaItemRow';
import { AgendaStatusBadge } from './AgendaStatusBadge';
import { ApproveAgendaButton } from './ApproveAgendaButton';

/** Chương trình: numbered items and sub-items, reordered with ↑/↓ or drag; any change sends it back to the chair. */
export function AgendaStep({ meeting, onMeeting, reload }: StepProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const agenda = useResource(`${meeting.id}:${meeting.agendaStatus}`, (signal) => agendaApi.get(meeting.id, signal));
  const [parent, setParent] = useState<AgendaItemDto | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const editable = meeting.can.edit;

  const apply = async (action: () => Promise<AgendaDto>) => {
    setError(null);
    setBusy(true);
    try {
      const next = await action();
      agenda.set(next);
      if (next.status !== meeting.agendaStatus) reload();
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const items = agenda.data?.items ?? [];
  const order = currentOrder(items);
  const reorder = (next: OrderEntry[] | null) => {
    if (next) void apply(() => agendaApi.reorder(meeting.id, { order: next }));
  };
  const add = (body: CreateAgendaItemRequest) => apply(() => agendaApi.add(meeting.id, body)).then((ok) => {
    if (ok) setParent(null);
    return ok;
  });

  return (
    <section className="card stack" aria-labelledby="agenda-title">
      <div className="section-header">
        <h2 id="agenda-title">{t('prep.steps.agenda')}</h2>
        {agenda.data && <AgendaStatusBadge status={agenda.data.status} />}
        <span className="spacer" />
        <ApproveAgendaButton meeting={meeting} onApproved={onMeeting} />
      </div>
      {agenda.data?.status === 'approved' && agenda.data.approvedBy && (
        <p className="muted">{t('agenda.approvedBy', { name: agenda.data.approvedBy.fullName })}</p>
      )}
      {editable && agenda.data?.status !== 'draft' && <Alert tone="info">{t('agenda.changeResets')}</Alert>}
      {error !== null && <Alert>{describeError(error)}</Alert>}
      {agenda.error !== null && <Alert>{describeError(agenda.error)}</Alert>}
      {agenda.loading && !agenda.data && <Spinner label={t('app.loading')} />}
      {agenda.data && items.length === 0 && <p className="muted">{t('agenda.empty')}</p>}
      {items.length > 0 && (
        <ol className="agenda-list" data-testid="agenda-list">
          {items.map((item) => {
            const siblings = order.filter((e) => e.parentId === item.parentId);
            const index = siblings.findIndex((e) => e.id === item.id);
            return (
              <AgendaItemRow
                key={item.id}
                item={item}
                editable={editable}
                busy={busy}
                canUp={index > 0}
                canDown={index < siblings.length - 1}
                onMove={(delta) => reorder(moveItem(order, item.id, delta))}
                onAddChild={() => {
                  setParent(item);
                  titleRef.current?.focus();
                }}
                onRemove={() => void apply(() => agendaApi.remove(meeting.id, item.id))}
                drag={{
                  isTarget: dropTarget === item.id && dragging !== item.id,
                  onDragStart: () => setDragging(item.id),
                  onDragEnd: () => {
                    setDragging(null);
                    setDropTarget(null);
                  },
                  onDragOver: (e) => {
                    const from = order.find((o) => o.id === dragging);
                    if (!from || from.parentId !== item.parentId) return;
                    e.preventDefault();
                    if (dropTarget !== item.id) setDropTarget(item.id);
                  },
                  onDrop: () => {
                    if (dragging) reorder(dropItem(order, dragging, item.id));
                    setDragging(null);
                    setDropTarget(null);
                  },
                }}
              />
            );
          })}
        </ol>
      )}
      {editable && (
        <AddAgendaItemForm participants={meeting.participants} parent={parent} onCancelParent={() => setParent(null)} onAdd={add} titleRef={titleRef} />
      )}
    </section>
  );
}
