import { useEffect, useEffectEvent } from 'react';

export interface ReaderKeys {
  prevPage: () => void;
  nextPage: () => void;
  firstPage: () => void;
  lastPage: () => void;
  zoomIn: () => void;
  zoomOut: () => void;
  openSearch: () => void;
  escape: () => void;
}

function typing(target: EventTarget | null): boolean {
  const el = target instanceof HTMLElement ? target : null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/**
 * ←/→ and PageUp/PageDown (what presentation clickers send) turn pages, Home/End go to either end, + and − zoom,
 * Ctrl+F (⌘F) opens the document search instead of the browser's, Esc closes what is open.
 */
export function useReaderKeys(keys: ReaderKeys): void {
  const handle = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      keys.openSearch();
      return;
    }
    if (e.key === 'Escape') {
      keys.escape();
      return;
    }
    if (typing(e.target) || document.querySelector('dialog[open]')) return;
    const act = (fn: () => void) => {
      e.preventDefault();
      fn();
    };
    if (e.key === '+' || e.key === '=') act(keys.zoomIn);
    else if (e.key === '-' || e.key === '_') act(keys.zoomOut);
    else if (mod || e.shiftKey) return;
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') act(keys.prevPage);
    else if (e.key === 'ArrowRight' || e.key === 'PageDown') act(keys.nextPage);
    else if (e.key === 'Home') act(keys.firstPage);
    else if (e.key === 'End') act(keys.lastPage);
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => handle(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
