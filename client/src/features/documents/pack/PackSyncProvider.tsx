import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useCurrentUser } from '../../auth/session-context';
import { useRealtime, useSocketEvent } from '../../../realtime/realtime-context';
import type { AppSocket } from '../../../realtime/socket';
import { meetingsApi } from '../../meetings/meetings.api';
import { warmOfflineCopies } from '../../offline/offline';
import { documentsApi } from '../documents.api';
import { PackSyncContext } from './pack-context';
import { packStore } from './pack-store';
import { downloadPackFile, PackSyncEngine } from './pack-sync';

/** The engine wired to the browser: REST lists, Cache Storage, fetch, and the socket for delivery reports. */
function createBrowserPackSync() {
  const current: { socket: AppSocket | null; userId: string } = { socket: null, userId: '' };
  const engine = new PackSyncEngine({
    // 'all': the packs of ended meetings stay until they are archived (packMeetings picks the statuses)
    listMeetings: (signal) => meetingsApi.list('all', signal),
    listDocuments: (meetingId, signal) => documentsApi.list(meetingId, signal),
    store: packStore,
    download: downloadPackFile,
    prepare: () => (current.userId ? packStore.claimFor(current.userId) : Promise.resolve()),
    report: async (meetingId, items) => {
      const socket = current.socket;
      if (!socket?.connected) return false;
      const ack = await socket.timeout(10_000).emitWithAck('pack:report-delivery', { meetingId, items });
      return ack.ok;
    },
  });
  const bind = (socket: AppSocket | null, userId: string) => {
    current.socket = socket;
    current.userId = userId;
  };
  return { engine, bind };
}

/** Several facts often arrive together (publish = meeting + documents): plan once for the burst. */
const DEBOUNCE_MS = 400;

/**
 * Keeps the meeting pack of the signed-in member on this tablet: syncs once the socket is connected (app load,
 * login, every reconnect) and again on `meeting:published` / `meeting:updated` / `document:*` facts.
 * Mounted inside <RealtimeProvider>; unmounting (logout) stops the running download.
 */
export function PackSyncProvider({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const { socket, connection } = useRealtime();
  const [{ engine, bind }] = useState(createBrowserPackSync);
  useEffect(() => bind(socket, user.id), [bind, socket, user.id]);

  const enabled = !user.mustChangePassword;
  useEffect(() => {
    if (!enabled) return;
    engine.start();
    return () => engine.stop();
  }, [engine, enabled]);

  // Connected (first time or again): plan, download what is missing, re-report what is stored.
  useEffect(() => {
    if (!enabled || connection !== 'connected') return;
    engine.requestSync();
    warmOfflineCopies(); // and the records the meeting page and the reader need, for when the Wi-Fi drops
  }, [engine, enabled, connection]);

  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const resync = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => engine.requestSync(), DEBOUNCE_MS);
  };

  useSocketEvent('meeting:published', resync);
  useSocketEvent('meeting:updated', resync);
  useSocketEvent('meeting:cancelled', resync);
  useSocketEvent('document:added', resync);
  useSocketEvent('document:updated', resync);
  useSocketEvent('document:removed', ({ documentId }) => {
    void engine.forgetDocument(documentId).finally(resync);
  });

  return <PackSyncContext.Provider value={engine}>{children}</PackSyncContext.Provider>;
}
