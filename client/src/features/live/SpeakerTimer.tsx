import { useTranslation } from 'react-i18next';
import type { CurrentSpeaker, LiveSettings } from '@phonghop/shared';
import { speakerClock } from './speaker-clock';
import { useServerNow } from './use-server-now';

const TICK_MS = 250;

/** The speaking timer: time left (mm:ss), amber near the limit, red with +mm:ss once over, still while paused. */
export function SpeakerTimer({ current, settings, offsetMs }: { current: CurrentSpeaker; settings: LiveSettings; offsetMs: number }) {
  const { t } = useTranslation();
  const now = useServerNow(offsetMs, TICK_MS);
  const clock = speakerClock(current, settings, now);
  return (
    <div className={`speaker-timer speaker-timer--${clock.phase}`} data-testid="speaker-timer" data-phase={clock.phase} role="timer">
      <span className="speaker-timer__value" data-testid="speaker-timer-value">
        {clock.text}
      </span>
      <span className="speaker-timer__phase">{t(`live.speakers.phase.${clock.phase}`)}</span>
    </div>
  );
}
