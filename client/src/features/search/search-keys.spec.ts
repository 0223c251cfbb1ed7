import { describe, expect, it } from '@jest/globals';
import { isSearchShortcut, isTypingTarget, nextFocus } from './search-keys';

const key = (k: string, target: object | null = { tagName: 'BODY' }, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
  target: target as EventTarget | null,
});

describe('the "/" shortcut', () => {
  it('fires on "/" outside a field', () => {
    expect(isSearchShortcut(key('/'))).toBe(true);
    expect(isSearchShortcut(key('/', { tagName: 'A' }))).toBe(true);
  });

  it('leaves "/" to fields and editable text', () => {
    for (const tagName of ['INPUT', 'textarea', 'SELECT']) expect(isSearchShortcut(key('/', { tagName }))).toBe(false);
    expect(isSearchShortcut(key('/', { tagName: 'DIV', isContentEditable: true }))).toBe(false);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: false } as unknown as EventTarget)).toBe(false);
  });

  it('ignores other keys and "/" with a modifier', () => {
    expect(isSearchShortcut(key('?'))).toBe(false);
    expect(isSearchShortcut(key('/', undefined, { ctrlKey: true }))).toBe(false);
    expect(isSearchShortcut(key('/', undefined, { metaKey: true }))).toBe(false);
  });
});

describe('arrow keys through the results', () => {
  it('goes from the input into the list and back', () => {
    expect(nextFocus(-1, 'ArrowDown', 3)).toBe(0);
    expect(nextFocus(0, 'ArrowUp', 3)).toBe(-1);
    expect(nextFocus(1, 'ArrowDown', 3)).toBe(2);
  });

  it('stops at the ends instead of wrapping', () => {
    expect(nextFocus(2, 'ArrowDown', 3)).toBe(2);
    expect(nextFocus(-1, 'ArrowUp', 3)).toBe(-1);
  });

  it('jumps to the first and last result, but leaves Home and End to the input', () => {
    expect(nextFocus(1, 'Home', 3)).toBe(0);
    expect(nextFocus(0, 'End', 3)).toBe(2);
    expect(nextFocus(-1, 'Home', 3)).toBeNull();
  });

  it('does nothing without results or for other keys', () => {
    expect(nextFocus(-1, 'ArrowDown', 0)).toBeNull();
    expect(nextFocus(0, 'Enter', 3)).toBeNull();
  });
});
