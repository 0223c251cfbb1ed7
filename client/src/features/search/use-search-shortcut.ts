import { useEffect, useEffectEvent } from 'react';
import { isSearchShortcut } from './search-keys';

/** Calls `onShortcut` when "/" is pressed outside a field (see isSearchShortcut); `enabled` false detaches it. */
export function useSearchShortcut(onShortcut: () => void, enabled = true): void {
  const run = useEffectEvent(onShortcut);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !isSearchShortcut(e)) return;
      e.preventDefault();
      run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
