import { type CurrentSpeaker, type LiveSettings, remainingMs, timerPhase, type TimerPhase } from '@phonghop/shared';

export interface SpeakerClock {
  /** "04:59" while time is left; "+00:12" once over the limit. */
  text: string;
  phase: TimerPhase;
  remainingMs: number;
}

const two = (n: number) => String(n).padStart(2, '0');

function mmss(totalSeconds: number): string {
  return `${two(Math.floor(totalSeconds / 60))}:${two(totalSeconds % 60)}`;
}

/**
 * Time left, rounded up to the second (a fresh five-minute turn reads 05:00, and 00:00 is never shown while time is
 * left); past the limit, the time over with a plus sign, rounded down (+00:00 the instant the limit is reached).
 */
export function formatClock(remaining: number): string {
  if (remaining > 0) return mmss(Math.ceil(remaining / 1000));
  return `+${mmss(Math.floor(-remaining / 1000))}`;
}

/** The current speaker's timer at `nowMs` (server time: Date.now() + the session's clock offset). */
export function speakerClock(
  current: CurrentSpeaker,
  settings: Pick<LiveSettings, 'speakingLimitSec' | 'speakingWarnSec'>,
  nowMs: number,
): SpeakerClock {
  const limitMs = settings.speakingLimitSec * 1000;
  const now = new Date(nowMs);
  const remaining = remainingMs(current, limitMs, now);
  return { text: formatClock(remaining), phase: timerPhase(current, limitMs, now, settings.speakingWarnSec * 1000), remainingMs: remaining };
}
