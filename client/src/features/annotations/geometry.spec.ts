import { describe, expect, it } from '@jest/globals';
import { hitsRect, hitsStroke, pathData, pressureWidth, rectsOnPage, simplify, toPage, type Point } from './geometry';

const box = { left: 100, top: 50, width: 400, height: 800 };

describe('toPage', () => {
  it('maps a client position to page fractions, the same at any zoom', () => {
    expect(toPage(300, 450, box)).toEqual([0.5, 0.5]);
    expect(toPage(500, 450, { left: 100, top: 50, width: 800, height: 1600 })).toEqual([0.5, 0.25]);
  });
  it('clamps positions outside the page and keeps the pressure when given', () => {
    expect(toPage(0, 2000, box, 0.7)).toEqual([0, 1, 0.7]);
  });
});

describe('simplify', () => {
  it('drops points on a straight line and keeps the ends', () => {
    const line: Point[] = Array.from({ length: 50 }, (_, i) => [i / 100, i / 100]);
    expect(simplify(line, 0.001)).toEqual([line[0], line[49]]);
  });
  it('keeps a corner', () => {
    const corner: Point[] = [
      [0, 0],
      [0.1, 0],
      [0.2, 0],
      [0.2, 0.1],
      [0.2, 0.2],
    ];
    expect(simplify(corner, 0.001)).toEqual([
      [0, 0],
      [0.2, 0],
      [0.2, 0.2],
    ]);
  });
  it('leaves one or two points alone', () => {
    expect(simplify([[0.1, 0.1]], 0.01)).toEqual([[0.1, 0.1]]);
  });
});

describe('eraser hit-testing', () => {
  const stroke: Point[] = [
    [0.1, 0.1],
    [0.5, 0.1],
  ];
  it('touches a stroke within the radius plus half its width', () => {
    expect(hitsStroke(stroke, 0.01, [0.3, 0.11], 0.01)).toBe(true);
    expect(hitsStroke(stroke, 0.01, [0.3, 0.2], 0.01)).toBe(false);
  });
  it('measures vertical distance in page widths (a tall page stretches y)', () => {
    // 0.02 of the height on a page twice as tall as wide is 0.04 of the width
    expect(hitsStroke(stroke, 0.004, [0.3, 0.12], 0.03, 2)).toBe(false);
    expect(hitsStroke(stroke, 0.004, [0.3, 0.12], 0.03, 1)).toBe(true);
  });
  it('touches a single dot and a highlight rectangle', () => {
    expect(hitsStroke([[0.5, 0.5]], 0.01, [0.505, 0.5], 0.001)).toBe(true);
    expect(hitsRect({ x: 0.1, y: 0.1, w: 0.2, h: 0.02 }, [0.15, 0.11], 0)).toBe(true);
    expect(hitsRect({ x: 0.1, y: 0.1, w: 0.2, h: 0.02 }, [0.15, 0.2], 0.01)).toBe(false);
  });
});

describe('drawing helpers', () => {
  it('writes path data in a viewBox of 0 0 1 aspect', () => {
    expect(
      pathData(
        [
          [0, 0],
          [0.5, 0.5],
        ],
        2,
      ),
    ).toBe('M0.0000 0.0000 L0.5000 1.0000');
  });
  it('scales the width by the mean pressure, or not at all without one', () => {
    expect(
      pressureWidth(
        [
          [0, 0],
          [1, 1],
        ],
        0.01,
      ),
    ).toBe(0.01);
    expect(
      pressureWidth(
        [
          [0, 0, 0.5],
          [1, 1, 0.5],
        ],
        0.01,
      ),
    ).toBeCloseTo(0.01);
  });
  it('turns a selection’s client rects into page rects, dropping empty ones', () => {
    expect(
      rectsOnPage(
        [
          { left: 100, top: 50, width: 200, height: 80 },
          { left: 100, top: 50, width: 0, height: 10 },
        ],
        box,
      ),
    ).toEqual([{ x: 0, y: 0, w: 0.5, h: 0.1 }]);
  });
});
