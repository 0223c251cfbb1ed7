import { useTranslation } from 'react-i18next';
import type { MinutesDto } from '@phonghop/shared';
import { clockText } from '../votes/vote-format';
import { vnTime } from '../meetings/vn-time';
import { conclusionKey, type ItemSection, turnKey } from './minutes-view';
import { NoteField } from './NoteField';
import { VoteFactView } from './VoteFactView';

interface NotesProps {
  notes: Readonly<Record<string, string>>;
  editable: boolean;
  onChange: (key: string, value: string) => void;
}

/** One agenda item: the log's facts (times, speakers in order, votes) read-only, the summaries and conclusion as text. */
export function ItemBlock({ minutes, item, notes, editable, onChange }: { minutes: MinutesDto; item: ItemSection } & NotesProps) {
  const { t } = useTranslation();
  const nameOf = (id: string) => minutes.people[id]?.fullName ?? id;
  return (
    <section className="minutes-item" data-testid="minutes-item" data-item-id={item.itemId} aria-labelledby={`item-${item.itemId}`}>
      <h3 id={`item-${item.itemId}`}>
        {item.number}. {item.title}
      </h3>
      <p className="muted" data-testid="minutes-item-times">
        {item.startedAt
          ? t('minutes.item.times', { start: vnTime(item.startedAt), end: item.endedAt ? vnTime(item.endedAt) : '…' })
          : t('minutes.item.notReached')}
        {item.presenterName && ` · ${t('minutes.item.presenter', { name: item.presenterName })}`}
      </p>
      {item.turns.length > 0 && (
        <>
          <h4>{t('minutes.item.speakers')}</h4>
          <ol className="minutes-turns">
            {item.turns.map((turn) => (
              <li key={turn.seq} className="minutes-turn" data-testid="minutes-turn">
                <p>
                  <strong>{nameOf(turn.userId)}</strong>
                  <span className="muted">
                    {' '}
                    · {vnTime(turn.startedAt)}
                    {turn.durationMs !== null && ` · ${clockText(turn.durationMs / 1000)}`}
                  </span>
                </p>
                <NoteField noteKey={turnKey(turn)} label={t('minutes.item.summary')} value={notes[turnKey(turn)] ?? ''} editable={editable} onChange={onChange} rows={2} />
              </li>
            ))}
          </ol>
        </>
      )}
      {item.votes.map((v) => (
        <VoteFactView key={v.voteId} vote={v} ballots={minutes.namedBallots[v.voteId]} nameOf={nameOf} />
      ))}
      <NoteField
        noteKey={conclusionKey(item.itemId)}
        label={t('minutes.item.conclusion')}
        value={notes[conclusionKey(item.itemId)] ?? ''}
        editable={editable}
        onChange={onChange}
      />
    </section>
  );
}
