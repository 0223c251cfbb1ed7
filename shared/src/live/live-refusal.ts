import type { ErrorCode } from '../errors/error-codes.js';
import { type LiveEvent, type LiveState, speakerActionOf } from './live-state.js';
import { reduceSpeakerQueue, type SpeakerQueueErrorCode } from './speaker-queue.js';

const SPEAKER_REFUSALS: Readonly<Record<SpeakerQueueErrorCode, ErrorCode>> = {
  ALREADY_QUEUED: 'SPEAKER_ALREADY_QUEUED',
  ALREADY_SPEAKING: 'SPEAKER_ALREADY_SPEAKING',
  NOT_IN_QUEUE: 'SPEAKER_NOT_IN_QUEUE',
  NO_CURRENT_SPEAKER: 'NO_CURRENT_SPEAKER',
  ALREADY_PAUSED: 'TIMER_ALREADY_PAUSED',
  NOT_PAUSED: 'TIMER_NOT_PAUSED',
  ALREADY_FIRST: 'SPEAKER_ALREADY_FIRST',
  ALREADY_LAST: 'SPEAKER_ALREADY_LAST',
};

const needsLiveMeeting = (type: LiveEvent['type']) => type.startsWith('speaker.') || type === 'agenda.item-opened';

/**
 * Why an event would change nothing in `state` (the reducer's no-op), as the error code the command is refused
 * with: the server refuses such commands instead of logging empty events, and tablets can grey out the buttons.
 */
export function liveRefusal(state: LiveState, event: LiveEvent): ErrorCode {
  const live = state.status === 'in_progress' || state.status === 'paused';
  if (needsLiveMeeting(event.type) && !live) return 'MEETING_NOT_LIVE';
  if (event.type.startsWith('presentation.') && state.status === 'ended') return 'MEETING_NOT_LIVE';
  if (event.type.startsWith('speaker.')) {
    const result = reduceSpeakerQueue(state.speakers, speakerActionOf(event as Extract<LiveEvent, { type: `speaker.${string}` }>), new Date(event.at));
    if (!result.ok) return SPEAKER_REFUSALS[result.code];
  }
  if (event.type === 'attendance.marked') return 'ATTENDANCE_UNCHANGED';
  return 'INVALID_STATUS_TRANSITION';
}
