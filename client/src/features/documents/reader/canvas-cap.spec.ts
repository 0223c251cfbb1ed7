import { describe, expect, it } from '@jest/globals';
import { canvasSize, MAX_CANVAS_PIXELS, MAX_CANVAS_SIDE, outputScale } from './canvas-cap';

const A4 = { width: 595, height: 842 };

describe('canvas cap', () => {
  it('draws at the screen’s pixel ratio when the page is small enough (HiDPI stays sharp)', () => {
    expect(outputScale(A4.width * 2, A4.height * 2, 2)).toBe(2);
    expect(outputScale(A4.width, A4.height, 1)).toBe(1);
    expect(outputScale(1248, 1766, 2)).toBe(2);
  });

  it('lowers the ratio so a zoomed-in page stays within the pixel budget', () => {
    const css = { width: A4.width * 4, height: A4.height * 4 };
    const ratio = outputScale(css.width, css.height, 2);
    expect(ratio).toBeLessThan(2);
    const size = canvasSize(css.width, css.height, ratio);
    expect(size.width * size.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    // and uses most of it: not a needlessly blurry page
    expect(size.width * size.height).toBeGreaterThan(MAX_CANVAS_PIXELS * 0.99);
  });

  it('keeps every side within the cap for a long, narrow page', () => {
    const ratio = outputScale(600, 20_000, 2);
    const size = canvasSize(600, 20_000, ratio);
    expect(size.height).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(size.width * size.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
  });

  it('goes below 1 for an enormous page rather than allocating it', () => {
    // a 600-dpi A0 scan shown at 100 %: 9933 × 14043 css px
    const ratio = outputScale(9933, 14043, 1);
    expect(ratio).toBeLessThan(1);
    const size = canvasSize(9933, 14043, ratio);
    expect(size.width * size.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
  });

  it('treats a missing or silly devicePixelRatio as 1', () => {
    expect(outputScale(100, 100, Number.NaN)).toBe(1);
    expect(outputScale(100, 100, 0)).toBe(1);
  });

  it('never returns a zero-sized canvas', () => {
    expect(canvasSize(0.2, 0.2, 1)).toEqual({ width: 1, height: 1 });
  });
});
