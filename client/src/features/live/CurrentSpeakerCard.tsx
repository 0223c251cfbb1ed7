import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive, useSubstituteFormat } from './live-context';
import { personName } from './seats';
import { SpeakerTimer } from './SpeakerTimer';

/** Who has the floor and their timer; `children` are the chair's timer buttons. */
export function CurrentSpeakerCard({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const { view, room } = useLive();
  const format = useSubstituteFormat();
  const current = view.state.speakers.current;
  if (!current) {
    return (
      <p className="muted current-speaker current-speaker--none" data-testid="current-speaker" data-user-id="">
        {t('live.speakers.nobody')}
      </p>
    );
  }
  const name = personName(room.seats, current.userId, format, t('live.someone'));
  return (
    <div className="current-speaker" data-testid="current-speaker" data-user-id={current.userId}>
      <div className="current-speaker__who">
        <span className="current-speaker__label">{current.userId === room.me.userId ? t('live.speakers.youAreSpeaking') : t('live.speakers.current')}</span>
        <span className="current-speaker__name">{name}</span>
      </div>
      <SpeakerTimer current={current} settings={room.settings} offsetMs={view.clockOffsetMs} />
      {children}
    </div>
  );
}
