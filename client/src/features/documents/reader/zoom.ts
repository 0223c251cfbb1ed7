import type { Size } from './page-layout';

/** Zoom limits: a quarter (page overview) to five times (a footnote on a small tablet). */
export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 5;
/** The + / − buttons and keys walk these, starting from wherever pinching left the scale. */
export const ZOOM_STEPS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4, 5] as const;

export type ZoomMode = { kind: 'fitWidth' } | { kind: 'fitPage' } | { kind: 'custom'; scale: number };

export const FIT_WIDTH: ZoomMode = { kind: 'fitWidth' };
export const FIT_PAGE: ZoomMode = { kind: 'fitPage' };

export function clampZoom(scale: number): number {
  if (!Number.isFinite(scale)) return 1;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, scale));
}

/** The scale at which `page` fills the viewer's width (less the padding on both sides). */
export function fitWidthScale(page: Size, viewport: Size, pad: number): number {
  return clampZoom((viewport.width - 2 * pad) / page.width);
}

/** The scale at which the whole of `page` is in view. */
export function fitPageScale(page: Size, viewport: Size, pad: number): number {
  return clampZoom(Math.min((viewport.width - 2 * pad) / page.width, (viewport.height - 2 * pad) / page.height));
}

export function resolveScale(mode: ZoomMode, page: Size, viewport: Size, pad: number): number {
  switch (mode.kind) {
    case 'fitWidth':
      return fitWidthScale(page, viewport, pad);
    case 'fitPage':
      return fitPageScale(page, viewport, pad);
    case 'custom':
      return clampZoom(mode.scale);
  }
}

/** The next step up (dir 1) or down (dir −1) from `scale`; stays put at the limits. */
export function stepZoom(scale: number, dir: 1 | -1): number {
  const eps = 0.005;
  if (dir > 0) return ZOOM_STEPS.find((z) => z > scale + eps) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((z) => z < scale - eps) ?? MIN_ZOOM;
}

/** Two fingers moved from `startDistance` apart to `distance`: the scale follows their spread. */
export function pinchScale(startScale: number, startDistance: number, distance: number): number {
  if (!(startDistance > 0) || !(distance > 0)) return clampZoom(startScale);
  return clampZoom((startScale * distance) / startDistance);
}

/** Double tap: from (about) fit-width or smaller in to twice that, from anything larger back to fit-width. */
export function doubleTapScale(scale: number, fitWidth: number): number {
  return scale < fitWidth * 1.5 ? clampZoom(fitWidth * 2) : clampZoom(fitWidth);
}

/** Ctrl + wheel (touchpad pinch on a laptop): a smooth factor per wheel delta. */
export function wheelScale(scale: number, deltaY: number): number {
  return clampZoom(scale * Math.exp(-deltaY / 300));
}

/** The percentage shown beside the zoom buttons. */
export function zoomPercent(scale: number): number {
  return Math.round(scale * 100);
}

/** Where two pointers are: their distance and midpoint. */
export function spread(a: { x: number; y: number }, b: { x: number; y: number }): { distance: number; x: number; y: number } {
  return { distance: Math.hypot(a.x - b.x, a.y - b.y), x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/** A tap that follows the previous one closely enough in time and place to be a double tap. */
export function isDoubleTap(previous: { t: number; x: number; y: number } | null, next: { t: number; x: number; y: number }, maxMs = 300, maxPx = 40): boolean {
  return previous !== null && next.t - previous.t <= maxMs && Math.hypot(next.x - previous.x, next.y - previous.y) <= maxPx;
}
