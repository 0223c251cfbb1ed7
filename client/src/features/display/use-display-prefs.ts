import { useCallback, useState } from 'react';
import { applyDisplayPrefs, DISPLAY_PREFS_KEY, type DisplayPrefs, parseDisplayPrefs } from './display-prefs';

function read(): DisplayPrefs {
  try {
    return parseDisplayPrefs(localStorage.getItem(DISPLAY_PREFS_KEY));
  } catch {
    return parseDisplayPrefs(null); // storage blocked (private mode): the defaults, not a crash
  }
}

/** Before the first render (main.tsx), so a large-text tablet never flashes small text. */
export function applyStoredDisplayPrefs(): void {
  applyDisplayPrefs(read(), document.documentElement);
}

/** The device's preferences, applied and stored on every change. */
export function useDisplayPrefs(): [DisplayPrefs, (next: DisplayPrefs) => void] {
  const [prefs, setPrefs] = useState(read);
  const update = useCallback((next: DisplayPrefs) => {
    setPrefs(next);
    applyDisplayPrefs(next, document.documentElement);
    try {
      localStorage.setItem(DISPLAY_PREFS_KEY, JSON.stringify(next));
    } catch {
      // not stored: it still holds until the page is reloaded
    }
  }, []);
  return [prefs, update];
}
