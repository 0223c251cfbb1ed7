/**
 * How large and how contrasted the app is drawn, chosen per device: older members read the pack on a 10" tablet,
 * often without their glasses. Kept in localStorage (a device setting, so logging out keeps it) and applied to
 * <html> before the first render: every size in the stylesheet is in rem, so one root font size scales them all.
 */
export const FONT_SCALES = [1, 1.125, 1.25, 1.5] as const;

export interface DisplayPrefs {
  fontScale: (typeof FONT_SCALES)[number];
  highContrast: boolean;
}

export const DEFAULT_DISPLAY_PREFS: DisplayPrefs = { fontScale: 1, highContrast: false };
export const DISPLAY_PREFS_KEY = 'phonghop.display';
const BASE_FONT_PX = 16;

/** Whatever is stored (nothing, an older shape, hand-edited junk) reads as valid preferences. */
export function parseDisplayPrefs(raw: string | null): DisplayPrefs {
  let value: unknown;
  try {
    value = raw ? JSON.parse(raw) : null;
  } catch {
    value = null;
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_DISPLAY_PREFS;
  const { fontScale, highContrast } = value as Record<string, unknown>;
  return {
    fontScale: typeof fontScale === 'number' && Number.isFinite(fontScale) ? nearestScale(fontScale) : DEFAULT_DISPLAY_PREFS.fontScale,
    highContrast: highContrast === true,
  };
}

function nearestScale(x: number): DisplayPrefs['fontScale'] {
  return FONT_SCALES.reduce((best, s) => (Math.abs(s - x) < Math.abs(best - x) ? s : best), FONT_SCALES[0]);
}

/** One step larger (+1) or smaller (−1), stopping at the ends. */
export function stepFontScale(current: DisplayPrefs['fontScale'], direction: 1 | -1): DisplayPrefs['fontScale'] {
  const i = FONT_SCALES.indexOf(current);
  return FONT_SCALES[Math.min(FONT_SCALES.length - 1, Math.max(0, i + direction))];
}

/** The part of <html> the preferences touch (an interface, so the rule is tested without a DOM). */
export interface DisplayRoot {
  style: { fontSize: string };
  dataset: Record<string, string | undefined>;
}

export function applyDisplayPrefs(prefs: DisplayPrefs, root: DisplayRoot): void {
  root.style.fontSize = prefs.fontScale === 1 ? '' : `${BASE_FONT_PX * prefs.fontScale}px`;
  if (prefs.highContrast) root.dataset.contrast = 'high';
  else delete root.dataset.contrast;
}
