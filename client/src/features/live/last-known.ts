import type { LiveView } from '@phonghop/shared';

/**
 * The last live state a tablet saw of a meeting, kept on the device so that with no network the room still shows
 * where the meeting stood (issue 6, offline): the agenda item, the speaker, the votes. Only for display: the
 * session always joins afresh when the socket connects, and the server's state replaces this one.
 */
export interface LastKnown {
  seq: number;
  state: LiveView['state'];
  room: NonNullable<LiveView['room']>;
  /** When it was last the server's state (ms since epoch). */
  savedAt: number;
}

const PREFIX = 'phonghop.live.';
export const lastKnownKey = (meetingId: string) => `${PREFIX}${meetingId}`;

/** What to keep from a view: only a joined one (room known) that is live, i.e. the server's state just now. */
export function toLastKnown(view: LiveView, now: number): LastKnown | null {
  if (view.connection !== 'live' || !view.room) return null;
  return { seq: view.seq, state: view.state, room: view.room, savedAt: now };
}

/** A stored value read back; anything malformed or of another meeting counts as nothing. */
export function parseLastKnown(raw: string | null, meetingId: string): LastKnown | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<LastKnown>;
    if (typeof value.seq !== 'number' || typeof value.savedAt !== 'number' || !value.state || !value.room) return null;
    if (value.room.meetingId !== meetingId) return null;
    return value as LastKnown;
  } catch {
    return null;
  }
}

/**
 * The view a screen shows: the session's once it has joined, else (still connecting, or offline since the app
 * started) the last known state with the session's connection, marked `stale`.
 */
export type DisplayedLiveView = LiveView & {
  /** Set while the screen shows the last known state (not joined yet): when that was the server's state. */
  staleSince: number | null;
};

export function displayedView(session: LiveView, last: LastKnown | null): DisplayedLiveView {
  if (session.room || !last) return { ...session, staleSince: null };
  return { ...session, seq: last.seq, state: last.state, room: last.room, staleSince: last.savedAt };
}

/** The stored keys of every meeting (logout removes them all). */
export function isLastKnownKey(key: string): boolean {
  return key.startsWith(PREFIX);
}
