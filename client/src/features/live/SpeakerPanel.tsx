import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { vnTime } from '../meetings/vn-time';
import { CurrentSpeakerCard } from './CurrentSpeakerCard';
import { useLive, useSubstituteFormat } from './live-context';
import { personName } from './seats';
import { SpeakerQueue } from './SpeakerQueue';

/** The chair's speaker list: who has the floor (timer and its buttons) and the queue, in order, with its buttons. */
export function SpeakerPanel() {
  const { t } = useTranslation();
  const { view, room, run, pending } = useLive();
  const format = useSubstituteFormat();
  const { queue, current } = view.state.speakers;
  const live = view.state.status === 'in_progress' || view.state.status === 'paused';
  const name = (userId: string) => personName(room.seats, userId, format, t('live.someone'));

  return (
    <section className="card live-panel" aria-labelledby="live-speakers-title" data-testid="speaker-panel">
      <h2 id="live-speakers-title">{t('live.speakers.title')}</h2>
      <CurrentSpeakerCard>
        {current && (
          <div className="live-actions">
            {current.pausedAt ? (
              <Button variant="secondary" busy={pending.has('speaker:resume-timer')} onClick={() => void run('speaker:resume-timer', {})} data-testid="timer-resume">
                {t('live.speakers.resumeTimer')}
              </Button>
            ) : (
              <Button variant="secondary" busy={pending.has('speaker:pause-timer')} onClick={() => void run('speaker:pause-timer', {})} data-testid="timer-pause">
                {t('live.speakers.pauseTimer')}
              </Button>
            )}
            <Button variant="secondary" busy={pending.has('speaker:add-minute')} onClick={() => void run('speaker:add-minute', {})} data-testid="timer-add-minute">
              {t('live.speakers.addMinute')}
            </Button>
            <Button variant="danger" busy={pending.has('speaker:end-turn')} onClick={() => void run('speaker:end-turn', {})} data-testid="end-turn">
              {t('live.speakers.endTurn')}
            </Button>
          </div>
        )}
      </CurrentSpeakerCard>
      <SpeakerQueue
        queue={queue}
        className="speaker-queue"
        row={(q, i) => (
          <li key={q.userId} className="speaker-queue__row" data-testid="speaker-queue-row" data-user-id={q.userId} data-position={i + 1}>
            <span className="speaker-queue__pos">{i + 1}</span>
            <span className="speaker-queue__who">
              <span className="speaker-queue__name">{name(q.userId)}</span>
              <span className="muted small">{t('live.speakers.requestedAt', { time: vnTime(q.requestedAt) })}</span>
            </span>
            <span className="speaker-queue__actions">
              <Button busy={pending.has(`grant:${q.userId}`)} disabled={!live} onClick={() => void run('speaker:grant', { userId: q.userId }, `grant:${q.userId}`)} data-testid="speaker-grant">
                {t('live.speakers.grant')}
              </Button>
              <Button variant="secondary" busy={pending.has(`skip:${q.userId}`)} disabled={!live || queue.length < 2} onClick={() => void run('speaker:skip', { userId: q.userId }, `skip:${q.userId}`)} data-testid="speaker-skip">
                {t('live.speakers.skip')}
              </Button>
              <button
                type="button"
                className="icon-btn"
                disabled={!live || i === 0 || pending.has(`move:${q.userId}`)}
                onClick={() => void run('speaker:move', { userId: q.userId, direction: 'up' }, `move:${q.userId}`)}
                aria-label={t('live.speakers.moveUp', { name: name(q.userId) })}
                title={t('live.speakers.moveUp', { name: name(q.userId) })}
                data-testid="speaker-up"
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-btn"
                disabled={!live || i === queue.length - 1 || pending.has(`move:${q.userId}`)}
                onClick={() => void run('speaker:move', { userId: q.userId, direction: 'down' }, `move:${q.userId}`)}
                aria-label={t('live.speakers.moveDown', { name: name(q.userId) })}
                title={t('live.speakers.moveDown', { name: name(q.userId) })}
                data-testid="speaker-down"
              >
                ↓
              </button>
            </span>
          </li>
        )}
      />
    </section>
  );
}
