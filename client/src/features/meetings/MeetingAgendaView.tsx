import { useTranslation } from 'react-i18next';
import type { AgendaDto, DocumentDto } from '@phonghop/shared';
import { AgendaStatusBadge } from '../agenda/AgendaStatusBadge';
import { MemberDocumentRow } from '../documents/MemberDocumentRow';

/** The agenda as members read it: numbered items, presenter, minutes, and each item's documents. */
export function MeetingAgendaView({ agenda, docs }: { agenda: AgendaDto; docs: DocumentDto[] }) {
  const { t } = useTranslation();
  const itemIds = new Set(agenda.items.map((i) => i.id));
  const others = docs.filter((d) => !d.agendaItemId || !itemIds.has(d.agendaItemId));
  return (
    <section className="card stack" aria-labelledby="member-agenda-title">
      <div className="section-header">
        <h2 id="member-agenda-title">{t('agenda.title')}</h2>
        <AgendaStatusBadge status={agenda.status} />
      </div>
      {agenda.items.length === 0 && <p className="muted">{t('agenda.empty')}</p>}
      <ol className="member-agenda" data-testid="agenda-list">
        {agenda.items.map((item) => {
          const itemDocs = docs.filter((d) => d.agendaItemId === item.id);
          const presenter = item.presenter?.fullName ?? item.presenterName;
          return (
            <li key={item.id} className={`member-agenda__item ${item.parentId ? 'is-child' : ''}`} data-testid="agenda-item" data-number={item.number}>
              <div className="member-agenda__head">
                <span className="agenda-row__number">{item.number}.</span>
                <div>
                  <p className="agenda-row__title">{item.title}</p>
                  <p className="muted small agenda-row__meta">
                    {presenter && <span>{t('agenda.presentedBy', { name: presenter })}</span>}
                    <span>{t('agenda.minutesShort', { count: item.plannedMinutes })}</span>
                    {!item.isPublic && <span className="badge badge--warn">{t('agenda.internal')}</span>}
                  </p>
                </div>
              </div>
              {itemDocs.length > 0 && (
                <ul className="member-docs">
                  {itemDocs.map((d) => (
                    <MemberDocumentRow key={d.id} doc={d} />
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      {others.length > 0 && (
        <div className="stack" data-testid="other-documents">
          <h3>{t('documents.otherDocuments')}</h3>
          <ul className="member-docs">
            {others.map((d) => (
              <MemberDocumentRow key={d.id} doc={d} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
