import { useTranslation } from 'react-i18next';
import { formatVnDocumentDate } from '@phonghop/shared';
import type { InvitationDto } from '../meetings.api';

/** The giấy mời laid out like the paper one (QĐ 45/2018/QĐ-TTg): header, title, subject, time, place, attendees. */
export function InvitationPreview({ inv }: { inv: InvitationDto }) {
  const { t, i18n } = useTranslation();
  // The giấy mời is an official Vietnamese document: its own wording stays Vietnamese whatever the UI language.
  const tv = i18n.getFixedT('vi');
  return (
    <article className="invitation" data-testid="invitation-preview" lang="vi">
      <header className="invitation__header">
        <div className="invitation__org">
          <p className="invitation__org-name">{inv.organizer.toLocaleUpperCase('vi')}</p>
          <p className="invitation__rule" aria-hidden="true" />
        </div>
        <div className="invitation__motto">
          <p className="invitation__nation">{tv('invitation.nation')}</p>
          <p className="invitation__motto-line">{tv('invitation.motto')}</p>
          <p className="invitation__rule invitation__rule--wide" aria-hidden="true" />
          <p className="invitation__date">…, {formatVnDocumentDate(new Date())}</p>
        </div>
      </header>
      <h3 className="invitation__title">{inv.title}</h3>
      <p className="invitation__subject">{inv.subject}</p>
      <section className="invitation__body">
        <p>
          <strong>{tv('invitation.invited')}</strong>
        </p>
        <ul className="invitation__attendees">
          {inv.attendees.map((a, i) => (
            <li key={i}>
              {[a.fullName, a.position, a.unit].filter(Boolean).join(', ')}
              {a.substituteFor && <em> {tv('invitation.substituteFor', { name: a.substituteFor })}</em>} — {a.role}
            </li>
          ))}
        </ul>
        {inv.chair && (
          <p>
            <strong>{tv('invitation.chair')}</strong> {inv.chair.fullName}
            {inv.chair.position && `, ${inv.chair.position}`}
          </p>
        )}
        <p>
          <strong>{tv('invitation.time')}</strong> {inv.time}
        </p>
        <p>
          <strong>{tv('invitation.location')}</strong> {inv.location}
        </p>
        {inv.content && (
          <p>
            <strong>{tv('invitation.content')}</strong> {inv.content}
          </p>
        )}
        {inv.agenda.length > 0 && (
          <ol className="invitation__agenda">
            {inv.agenda.map((a) => (
              <li key={a.number} className={a.number.includes('.') ? 'is-child' : undefined}>
                {a.number}. {a.title}
              </li>
            ))}
          </ol>
        )}
        {inv.preparation && (
          <p>
            <strong>{tv('invitation.preparation')}</strong> {inv.preparation}
          </p>
        )}
        <p className="invitation__closing">{tv('invitation.closing')}</p>
      </section>
      <p className="muted small invitation__note">{t('publish.previewNote')}</p>
    </article>
  );
}
