interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

/** Where "/" is a character being typed, not the shortcut: form fields and editable text (minutes, notes). */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName.toUpperCase()) || el.isContentEditable === true;
}

/** "/" pressed outside a field, without a modifier: jump to the search box (as on GitHub or Gmail). */
export function isSearchShortcut(e: KeyLike): boolean {
  return e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target);
}

/**
 * The result to focus after an arrow key: -1 is the query input above the list. Down from the input enters the
 * list, up from the first result goes back to the input, and the ends do not wrap (a tablet user keeps their place).
 */
export function nextFocus(current: number, key: string, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
      return Math.max(current - 1, -1);
    case 'Home':
      return current === -1 ? null : 0;
    case 'End':
      return current === -1 ? null : count - 1;
    default:
      return null;
  }
}
