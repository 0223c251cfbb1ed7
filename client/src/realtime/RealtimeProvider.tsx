import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/session-context';
import { useToast } from '../ui/Toast';
import { RealtimeContext, useSocketEvent, type ConnectionState } from './realtime-context';
import { createSocket, handshakeErrorCode, type AppSocket } from './socket';

/** Mounted only while signed in: opens the socket, tracks its state, and reacts to session-wide events. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  // Created once, connected by the effect below (and again after a StrictMode remount).
  const [socket] = useState<AppSocket>(createSocket);
  const [connection, setConnection] = useState<ConnectionState>('disconnected');
  const { refresh } = useSession();

  useEffect(() => {
    let retry: number | undefined;
    const scheduleManualReconnect = () => {
      window.clearTimeout(retry);
      retry = window.setTimeout(() => socket.connect(), 3000);
    };
    const onConnect = () => setConnection('connected');
    const onDisconnect = (reason: string) => {
      setConnection('disconnected');
      // The server closed us on purpose (usually a revoked session): check the session, then try again.
      if (reason === 'io server disconnect') {
        void refresh();
        scheduleManualReconnect();
      }
    };
    const onConnectError = (error: Error) => {
      setConnection('disconnected');
      if (socket.active) return; // transport trouble: Socket.IO retries by itself
      if (handshakeErrorCode(error) === 'UNAUTHENTICATED') void refresh();
      scheduleManualReconnect();
    };
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    socket.connect();
    return () => {
      window.clearTimeout(retry);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.disconnect();
    };
  }, [socket, refresh]);

  const api = useMemo(() => ({ socket, connection }), [socket, connection]);
  return (
    <RealtimeContext.Provider value={api}>
      <SessionEvents />
      {children}
    </RealtimeContext.Provider>
  );
}

function SessionEvents() {
  const { signedOut } = useSession();
  const toast = useToast();
  const { t } = useTranslation();

  useSocketEvent('session:revoked', ({ reason }) => signedOut(reason));
  useSocketEvent('system:announced', ({ message, fromName }) =>
    toast.show({ tone: 'announcement', title: t('announce.received', { name: fromName }), message }),
  );
  return null;
}
