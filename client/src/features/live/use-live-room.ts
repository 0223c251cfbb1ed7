import { useEffect, useState, useSyncExternalStore } from 'react';
import { useRealtime } from '../../realtime/realtime-context';
import type { DisplayedLiveView } from './last-known';
import { LiveRoomStore } from './live-store';

/**
 * The live state of one meeting, kept in step with the server: joins on every (re)connect, and catches up when the
 * tablet comes back from the background (timers and sockets may have been frozen meanwhile). Mount it under a
 * `key` of the meeting id: the store belongs to one meeting.
 */
export function useLiveRoom(meetingId: string): { store: LiveRoomStore; view: DisplayedLiveView } {
  const { socket } = useRealtime();
  const [store] = useState(() => new LiveRoomStore(meetingId));

  useEffect(() => {
    if (!socket) return;
    return store.attach(socket);
  }, [store, socket]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void store.resync();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [store]);

  const view = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { store, view };
}
