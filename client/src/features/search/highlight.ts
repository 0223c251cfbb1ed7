import type { SearchHighlight } from '@phonghop/shared';

export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * Cuts `text` into plain and marked runs from the server's highlight ranges. The ranges are clamped to the text,
 * sorted, and overlapping or touching ones merged, so a bad range can never duplicate or drop a character.
 */
export function markSegments(text: string, ranges: readonly SearchHighlight[]): Segment[] {
  const spans = ranges
    .map(({ start, end }) => ({ start: clamp(start, text.length), end: clamp(end, text.length) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  const out: Segment[] = [];
  let at = 0;
  for (const { start, end } of merged) {
    if (start > at) out.push({ text: text.slice(at, start), marked: false });
    out.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), marked: false });
  return out;
}

function clamp(n: number, length: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 0), length) : 0;
}
