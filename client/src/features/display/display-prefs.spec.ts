import { describe, expect, it } from '@jest/globals';
import { applyDisplayPrefs, DEFAULT_DISPLAY_PREFS, type DisplayRoot, parseDisplayPrefs, stepFontScale } from './display-prefs';

describe('display preferences', () => {
  it('reads what was stored, and defaults for nothing, junk or an older shape', () => {
    expect(parseDisplayPrefs('{"fontScale":1.25,"highContrast":true}')).toEqual({ fontScale: 1.25, highContrast: true });
    expect(parseDisplayPrefs(null)).toEqual(DEFAULT_DISPLAY_PREFS);
    expect(parseDisplayPrefs('not json')).toEqual(DEFAULT_DISPLAY_PREFS);
    expect(parseDisplayPrefs('"big"')).toEqual(DEFAULT_DISPLAY_PREFS);
    expect(parseDisplayPrefs('{"fontScale":"2","highContrast":"yes"}')).toEqual(DEFAULT_DISPLAY_PREFS);
    // a size between two steps (or beyond the last) snaps to the nearest one offered
    expect(parseDisplayPrefs('{"fontScale":1.2}').fontScale).toBe(1.25);
    expect(parseDisplayPrefs('{"fontScale":9}').fontScale).toBe(1.5);
  });

  it('steps the text size up and down, stopping at the smallest and the largest', () => {
    expect(stepFontScale(1, 1)).toBe(1.125);
    expect(stepFontScale(1.25, 1)).toBe(1.5);
    expect(stepFontScale(1.5, 1)).toBe(1.5);
    expect(stepFontScale(1.125, -1)).toBe(1);
    expect(stepFontScale(1, -1)).toBe(1);
  });

  it('scales the root font (every size is in rem) and marks high contrast on <html>; the default leaves both alone', () => {
    const root: DisplayRoot = { style: { fontSize: '' }, dataset: {} };
    applyDisplayPrefs({ fontScale: 1.25, highContrast: true }, root);
    expect(root).toEqual({ style: { fontSize: '20px' }, dataset: { contrast: 'high' } });
    applyDisplayPrefs(DEFAULT_DISPLAY_PREFS, root);
    expect(root).toEqual({ style: { fontSize: '' }, dataset: {} });
  });
});
