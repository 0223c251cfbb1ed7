import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDateTimeLong, type MinutesDto } from '@phonghop/shared';
import { vnTime } from '../meetings/vn-time';
import { ItemBlock } from './ItemBlock';
import { attendanceRows, itemSections } from './minutes-view';
import { NoteField } from './NoteField';
import { VoteFactView } from './VoteFactView';

/** The minutes laid out as the document reads: header, I. attendance, II. items, III. other business. */
export function MinutesDocument({
  minutes: m,
  notes,
  editable,
  onChange,
}: {
  minutes: MinutesDto;
  notes: Readonly<Record<string, string>>;
  editable: boolean;
  onChange: (key: string, value: string) => void;
}) {
  const { t } = useTranslation();
  // `m` changes with the facts, not with each keystroke in a note
  const { items, unplaced } = useMemo(() => itemSections(m), [m]);
  const rows = useMemo(() => attendanceRows(m), [m]);
  const nameOf = (id: string) => m.people[id]?.fullName ?? id;
  const started = m.facts.started?.at ?? null;
  const ended = m.facts.ended?.at ?? null;
  return (
    <article className="card minutes-doc" data-testid="minutes-document">
      <header className="minutes-doc__header">
        <div>
          {m.header.parentOrg && <p>{m.header.parentOrg}</p>}
          <p>
            <strong>{m.header.org}</strong>
          </p>
          {editable ? (
            <NoteField noteKey="doc-number" label={t('minutes.docNumber', { suffix: m.header.docSuffix })} value={notes['doc-number'] ?? ''} editable onChange={onChange} rows={1} />
          ) : (
            <p>{t('minutes.docNumberLine', { number: notes['doc-number'] || '…', suffix: m.header.docSuffix })}</p>
          )}
        </div>
        <h2 className="minutes-doc__title">
          {t('minutes.heading')}
          <span>{m.meeting.title}</span>
        </h2>
      </header>

      <section aria-labelledby="minutes-time">
        <h3 id="minutes-time">{t('minutes.sections.time')}</h3>
        <p data-testid="minutes-times">
          {started ? t('minutes.startedAt', { time: formatVnDateTimeLong(new Date(started)) }) : t('minutes.notStarted')}
          {ended && ` · ${t('minutes.endedAt', { time: vnTime(ended) })}`}
        </p>
        <p>{t('minutes.location', { place: m.meeting.location })}</p>
      </section>

      <section aria-labelledby="minutes-attendance">
        <h3 id="minutes-attendance">{t('minutes.sections.attendance')}</h3>
        <ul className="minutes-attendance" data-testid="minutes-attendance">
          {rows.map((r) => (
            <li key={`${r.role}:${r.userId}`} data-testid="minutes-person" data-state={r.state}>
              <span>
                <strong>{r.name}</strong>
                {r.position && <span className="muted">, {r.position}</span>} · {t(`meetingRoles.${r.role}`)}
                {r.substituteFor && <span className="muted"> · {t('minutes.substituteFor', { name: r.substituteFor })}</span>}
              </span>
              <span className={`minutes-state minutes-state--${r.state}`}>
                {t(`live.attendance.states.${r.state}`)}
                {r.state === 'absent' && r.reason && ` (${t('minutes.reason', { reason: r.reason })})`}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="minutes-items">
        <h3 id="minutes-items">{t('minutes.sections.items')}</h3>
        {items.map((item) => (
          <ItemBlock key={item.itemId} minutes={m} item={item} notes={notes} editable={editable} onChange={onChange} />
        ))}
        {unplaced.votes.map((v) => (
          <VoteFactView key={v.voteId} vote={v} ballots={m.namedBallots[v.voteId]} nameOf={nameOf} />
        ))}
      </section>

      <section aria-labelledby="minutes-other">
        <h3 id="minutes-other">{t('minutes.sections.other')}</h3>
        <NoteField noteKey="other-business" label={t('minutes.otherBusiness')} value={notes['other-business'] ?? ''} editable={editable} onChange={onChange} rows={4} />
        {!editable && !notes['other-business'] && <p className="muted">{t('minutes.noOtherBusiness')}</p>}
      </section>
    </article>
  );
}
