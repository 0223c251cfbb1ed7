import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { CurrentSpeakerCard } from './CurrentSpeakerCard';
import { useLive, useSubstituteFormat } from './live-context';
import { personName } from './seats';
import { SpeakerQueue } from './SpeakerQueue';

/** The member's side of speaking: the floor and its timer, their place in the queue, ask to speak or withdraw. */
export function MemberSpeakerBox() {
  const { t } = useTranslation();
  const { view, room, run, pending } = useLive();
  const format = useSubstituteFormat();
  const { queue } = view.state.speakers;
  const live = view.state.status === 'in_progress' || view.state.status === 'paused';
  const mayAsk = room.me.role === 'chair' || room.me.role === 'member';
  const position = queue.findIndex((q) => q.userId === room.me.userId) + 1;

  return (
    <section className="card live-panel" aria-labelledby="member-speakers-title" data-testid="member-speakers">
      <h2 id="member-speakers-title">{t('live.speakers.title')}</h2>
      <CurrentSpeakerCard />
      {mayAsk && (
        <div className="live-actions">
          {position > 0 ? (
            <>
              <p className="speaker-position" data-testid="my-queue-position" data-position={position}>
                {t('live.speakers.position', { position })}
              </p>
              <Button variant="secondary" busy={pending.has('speaker:withdraw')} onClick={() => void run('speaker:withdraw', {})} data-testid="speaker-withdraw">
                {t('live.speakers.withdraw')}
              </Button>
            </>
          ) : (
            <Button
              busy={pending.has('speaker:request')}
              disabled={!live || view.state.speakers.current?.userId === room.me.userId}
              onClick={() => void run('speaker:request', {})}
              data-testid="speaker-request"
            >
              {t('live.speakers.request')}
            </Button>
          )}
          {!live && <p className="muted small">{t('live.speakers.notLive')}</p>}
        </div>
      )}
      <SpeakerQueue
        queue={queue}
        className="speaker-queue speaker-queue--readonly"
        row={(q, i) => (
          <li key={q.userId} className={`speaker-queue__row ${q.userId === room.me.userId ? 'is-me' : ''}`} data-testid="speaker-queue-row" data-user-id={q.userId}>
            <span className="speaker-queue__pos">{i + 1}</span>
            <span className="speaker-queue__name">{personName(room.seats, q.userId, format, t('live.someone'))}</span>
          </li>
        )}
      />
    </section>
  );
}
