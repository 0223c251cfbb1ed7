/** Page-relative geometry: every mark is stored in 0..1 of the page's width and height (ADR 13). */
export type Point = readonly [number, number] | readonly [number, number, number];

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);
/** Shorter numbers in the outbox and in IndexedDB; 1e-4 of a page is far below a pixel. */
const round = (v: number) => Math.round(v * 10000) / 10000;

/** A pointer's client position on a page box → page fractions (with the pressure when the device gives one). */
export function toPage(clientX: number, clientY: number, box: Box, pressure?: number): Point {
  const x = round(clamp01((clientX - box.left) / box.width));
  const y = round(clamp01((clientY - box.top) / box.height));
  return pressure === undefined ? [x, y] : [x, y, round(clamp01(pressure))];
}

/** Distance between p and the segment a–b, in a space where y is scaled by `aspect` (height / width). */
function segmentDistance(p: Point, a: Point, b: Point, aspect: number): number {
  const [px, py] = [p[0], p[1] * aspect];
  const [ax, ay] = [a[0], a[1] * aspect];
  const [bx, by] = [b[0], b[1] * aspect];
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * Ramer–Douglas–Peucker: drops the points a stroke does not need (a pen at 120 Hz gives thousands), keeping the
 * shape within `epsilon` of the page width. The ends always stay.
 */
export function simplify(points: readonly Point[], epsilon: number, aspect = 1): Point[] {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [number, number];
    let worst = -1;
    let index = -1;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistance(points[i], points[from], points[to], aspect);
      if (d > worst) {
        worst = d;
        index = i;
      }
    }
    if (index > 0 && worst > epsilon) {
      keep[index] = 1;
      stack.push([from, index], [index, to]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Whether the eraser at p (radius in page widths) touches a stroke drawn with `width`. */
export function hitsStroke(points: readonly Point[], width: number, p: Point, radius: number, aspect = 1): boolean {
  const reach = radius + width / 2;
  if (points.length === 1) return segmentDistance(p, points[0], points[0], aspect) <= reach;
  for (let i = 1; i < points.length; i++) if (segmentDistance(p, points[i - 1], points[i], aspect) <= reach) return true;
  return false;
}

/** Whether the eraser at p touches a rectangle (a text highlight). */
export function hitsRect(r: { x: number; y: number; w: number; h: number }, p: Point, radius: number): boolean {
  return p[0] >= r.x - radius && p[0] <= r.x + r.w + radius && p[1] >= r.y - radius && p[1] <= r.y + r.h + radius;
}

/** SVG path data in a viewBox of 0 0 1 aspect. */
export function pathData(points: readonly Point[], aspect: number): string {
  if (points.length === 0) return '';
  const f = (v: number) => v.toFixed(4);
  const [first, ...rest] = points;
  const start = `M${f(first[0])} ${f(first[1] * aspect)}`;
  // a dot: a zero-length line still shows with round caps
  if (rest.length === 0) return `${start} L${f(first[0])} ${f(first[1] * aspect)}`;
  return `${start} ${rest.map((q) => `L${f(q[0])} ${f(q[1] * aspect)}`).join(' ')}`;
}

/** The stroke's width on screen: the chosen width scaled by the mean pressure when the device reported one. */
export function pressureWidth(points: readonly Point[], width: number): number {
  const pressures = points.map((q) => q[2]).filter((v): v is number => v !== undefined);
  if (pressures.length === 0) return width;
  const mean = pressures.reduce((a, b) => a + b, 0) / pressures.length;
  return width * (0.5 + mean);
}

/** Client rects of a text selection → page-fraction rects (clipped to the page, empty ones dropped). */
export function rectsOnPage(
  rects: ReadonlyArray<{
    left: number;
    top: number;
    width: number;
    height: number;
  }>,
  box: Box,
) {
  const out: Array<{ x: number; y: number; w: number; h: number }> = [];
  for (const r of rects) {
    const x0 = clamp01((r.left - box.left) / box.width);
    const y0 = clamp01((r.top - box.top) / box.height);
    const x1 = clamp01((r.left + r.width - box.left) / box.width);
    const y1 = clamp01((r.top + r.height - box.top) / box.height);
    if (x1 - x0 > 0.001 && y1 - y0 > 0.001)
      out.push({
        x: round(x0),
        y: round(y0),
        w: Math.floor((x1 - x0) * 10000) / 10000,
        h: Math.floor((y1 - y0) * 10000) / 10000,
      });
  }
  return out;
}
