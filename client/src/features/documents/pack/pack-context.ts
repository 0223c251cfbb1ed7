import { createContext, useContext, useSyncExternalStore } from 'react';
import { INITIAL_PACK_STATE, type PackSyncEngine, type PackSyncState } from './pack-sync';

export const PackSyncContext = createContext<PackSyncEngine | null>(null);

const noop = () => () => {};
const initial = () => INITIAL_PACK_STATE;

/** The background pack download's state; idle outside <PackSyncProvider>. */
export function usePackSync(): PackSyncState {
  const engine = useContext(PackSyncContext);
  return useSyncExternalStore(engine?.subscribe ?? noop, engine?.getSnapshot ?? initial);
}
