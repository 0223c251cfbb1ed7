/**
 * How many device pixels a page canvas may have. iOS Safari refuses canvases above 16 Mi pixels in total (and a
 * tablet's GPU memory runs out long before desktop limits), so a zoomed-in page or a 600-dpi scan is drawn at a
 * lower pixel ratio instead of failing or evicting the other pages.
 */
export const MAX_CANVAS_PIXELS = 16 * 1024 * 1024;
/** Longest canvas side (device pixels): older Android WebViews lose canvases above 8192 on either side. */
export const MAX_CANVAS_SIDE = 8192;

/**
 * Device pixels per CSS pixel for a page drawn at cssWidth × cssHeight: the screen's ratio (sharp on HiDPI) unless
 * that would break either cap, then the largest ratio within both. Never below what fits (a tiny ratio is still drawn).
 */
export function outputScale(cssWidth: number, cssHeight: number, devicePixelRatio: number, maxPixels = MAX_CANVAS_PIXELS, maxSide = MAX_CANVAS_SIDE): number {
  const wanted = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  if (!(cssWidth > 0 && cssHeight > 0)) return wanted;
  const byArea = Math.sqrt(maxPixels / (cssWidth * cssHeight));
  const bySide = maxSide / Math.max(cssWidth, cssHeight);
  return Math.min(wanted, byArea, bySide);
}

/** The canvas size in device pixels for that ratio (floored, at least 1×1) — what the caps are checked against. */
export function canvasSize(cssWidth: number, cssHeight: number, ratio: number): { width: number; height: number } {
  return { width: Math.max(1, Math.floor(cssWidth * ratio)), height: Math.max(1, Math.floor(cssHeight * ratio)) };
}
