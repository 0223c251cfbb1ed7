import { useEffect, useState, useSyncExternalStore } from 'react';
import { ApiError } from '../../api/http';
import { Autosaver } from './autosave';
import { minutesApi } from './minutes.api';

/** A short quiet spell: a secretary typing during the meeting should never lose more than a sentence. */
const AUTOSAVE_DELAY_MS = 800;

/** One Autosaver per loaded copy of the minutes (a reload starts a new one from the server's version). */
export function useAutosave(meetingId: string, initial: { version: number; notes: Record<string, string> }) {
  const [saver] = useState(
    () =>
      new Autosaver(initial, {
        delayMs: AUTOSAVE_DELAY_MS,
        save: (version, notes) => minutesApi.save(meetingId, { version, notes }),
        isConflict: (e) => e instanceof ApiError && e.code === 'MINUTES_VERSION_CONFLICT',
      }),
  );
  useEffect(() => {
    // leaving the page with text still waiting: send it now rather than drop it
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (saver.dirty) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      if (saver.dirty) void saver.flush();
      saver.dispose();
    };
  }, [saver]);
  const view = useSyncExternalStore(saver.subscribe, () => saver.view);
  return { saver, view };
}
