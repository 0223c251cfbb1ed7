import { createContext, useContext, useEffect, useEffectEvent } from 'react';
import type { ServerToClientEvents } from '@phonghop/shared';
import type { AppSocket } from './socket';

export type ConnectionState = 'connected' | 'disconnected';

export interface RealtimeApi {
  socket: AppSocket | null;
  connection: ConnectionState;
}

export const RealtimeContext = createContext<RealtimeApi>({ socket: null, connection: 'disconnected' });

export function useRealtime(): RealtimeApi {
  return useContext(RealtimeContext);
}

/** Subscribes to a server event for the lifetime of the component; the handler always sees fresh props. */
export function useSocketEvent<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): void {
  const { socket } = useRealtime();
  const onEvent = useEffectEvent((...args: Parameters<ServerToClientEvents[E]>) => {
    (handler as (...a: Parameters<ServerToClientEvents[E]>) => void)(...args);
  });
  useEffect(() => {
    if (!socket) return;
    const listener = ((...args: Parameters<ServerToClientEvents[E]>) => onEvent(...args)) as ServerToClientEvents[E];
    // Socket.IO's typed `on` cannot follow a generic event name; the cast keeps the public hook typed.
    (socket.on as (e: E, l: ServerToClientEvents[E]) => void)(event, listener);
    return () => {
      (socket.off as (e: E, l: ServerToClientEvents[E]) => void)(event, listener);
    };
  }, [socket, event]);
}
