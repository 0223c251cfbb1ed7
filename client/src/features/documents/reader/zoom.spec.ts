import { describe, expect, it } from '@jest/globals';
import {
  clampZoom,
  doubleTapScale,
  fitPageScale,
  fitWidthScale,
  isDoubleTap,
  MAX_ZOOM,
  MIN_ZOOM,
  pinchScale,
  resolveScale,
  spread,
  stepZoom,
  wheelScale,
  zoomPercent,
} from './zoom';

const A4 = { width: 595, height: 842 };
const landscape = { width: 1280, height: 700 };
const portrait = { width: 800, height: 1180 };

describe('zoom', () => {
  it('fit width fills the viewer’s width less the padding', () => {
    expect(fitWidthScale(A4, landscape, 16)).toBeCloseTo((1280 - 32) / 595);
    expect(fitWidthScale(A4, portrait, 16)).toBeCloseTo((800 - 32) / 595);
  });

  it('fit page is limited by the height in landscape and by the width in portrait', () => {
    expect(fitPageScale(A4, landscape, 16)).toBeCloseTo((700 - 32) / 842);
    expect(fitPageScale(A4, portrait, 16)).toBeCloseTo((800 - 32) / 595);
    expect(fitPageScale(A4, landscape, 16)).toBeLessThan(fitWidthScale(A4, landscape, 16));
  });

  it('resolves each mode', () => {
    expect(resolveScale({ kind: 'fitWidth' }, A4, landscape, 16)).toBe(fitWidthScale(A4, landscape, 16));
    expect(resolveScale({ kind: 'fitPage' }, A4, landscape, 16)).toBe(fitPageScale(A4, landscape, 16));
    expect(resolveScale({ kind: 'custom', scale: 9 }, A4, landscape, 16)).toBe(MAX_ZOOM);
  });

  it('clamps to the limits and survives nonsense', () => {
    expect(clampZoom(0.01)).toBe(MIN_ZOOM);
    expect(clampZoom(100)).toBe(MAX_ZOOM);
    expect(clampZoom(Number.NaN)).toBe(1);
    expect(fitWidthScale(A4, { width: 10, height: 10 }, 16)).toBe(MIN_ZOOM);
  });

  it('steps from any scale to the next step up or down', () => {
    expect(stepZoom(1, 1)).toBe(1.25);
    expect(stepZoom(1, -1)).toBe(0.75);
    expect(stepZoom(1.1, 1)).toBe(1.25);
    expect(stepZoom(1.1, -1)).toBe(1);
    expect(stepZoom(MAX_ZOOM, 1)).toBe(MAX_ZOOM);
    expect(stepZoom(MIN_ZOOM, -1)).toBe(MIN_ZOOM);
  });

  it('pinching follows the fingers’ spread, within the limits', () => {
    expect(pinchScale(1, 100, 200)).toBe(2);
    expect(pinchScale(2, 200, 100)).toBe(1);
    expect(pinchScale(4, 100, 1000)).toBe(MAX_ZOOM);
    expect(pinchScale(1.5, 0, 100)).toBe(1.5);
  });

  it('double tap zooms in to twice fit-width and back', () => {
    expect(doubleTapScale(2, 2)).toBe(4);
    expect(doubleTapScale(4, 2)).toBe(2);
    expect(doubleTapScale(1, 2)).toBe(4);
  });

  it('ctrl+wheel zooms in on a negative delta and out on a positive one', () => {
    expect(wheelScale(1, -100)).toBeGreaterThan(1);
    expect(wheelScale(1, 100)).toBeLessThan(1);
    expect(wheelScale(1, 0)).toBe(1);
  });

  it('two pointers: distance and midpoint', () => {
    expect(spread({ x: 0, y: 0 }, { x: 30, y: 40 })).toEqual({ distance: 50, x: 15, y: 20 });
  });

  it('a double tap is two taps close in time and place', () => {
    expect(isDoubleTap(null, { t: 0, x: 0, y: 0 })).toBe(false);
    expect(isDoubleTap({ t: 0, x: 0, y: 0 }, { t: 250, x: 10, y: 10 })).toBe(true);
    expect(isDoubleTap({ t: 0, x: 0, y: 0 }, { t: 400, x: 0, y: 0 })).toBe(false);
    expect(isDoubleTap({ t: 0, x: 0, y: 0 }, { t: 100, x: 100, y: 0 })).toBe(false);
  });

  it('shows whole percentages', () => {
    expect(zoomPercent(2.0976)).toBe(210);
  });
});
