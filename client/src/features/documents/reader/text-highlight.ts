import { hitRanges, type Pos } from './search';

export interface PageHighlight {
  from: Pos;
  to: Pos;
  selected: boolean;
}

/**
 * Marks search hits on a rendered text layer, as pdf.js's own viewer does: the matched part of each span is wrapped
 * in `<span class="highlight">` (the selected hit also `selected`). Returns the first element of the selected hit.
 */
export function applyHighlights(divs: readonly HTMLElement[], strs: readonly string[], hits: readonly PageHighlight[]): HTMLElement | null {
  const byItem = new Map<number, Array<{ start: number; end: number; selected: boolean }>>();
  for (const hit of hits) {
    for (const r of hitRanges(hit, (i) => strs[i]?.length ?? 0)) {
      const list = byItem.get(r.item) ?? [];
      list.push({ start: r.start, end: r.end, selected: hit.selected });
      byItem.set(r.item, list);
    }
  }
  let selectedEl: HTMLElement | null = null;
  for (const [item, ranges] of byItem) {
    const div = divs[item];
    const str = strs[item];
    if (!div || str === undefined) continue;
    ranges.sort((a, b) => a.start - b.start);
    const doc = div.ownerDocument;
    const parts: Array<Node | string> = [];
    let at = 0;
    for (const r of ranges) {
      if (r.start < at) continue; // overlapping ranges cannot happen (matches do not overlap); be safe
      if (r.start > at) parts.push(str.slice(at, r.start));
      const span = doc.createElement('span');
      span.className = r.selected ? 'highlight selected' : 'highlight';
      span.textContent = str.slice(r.start, r.end);
      parts.push(span);
      if (r.selected && (!selectedEl || item < Number(selectedEl.dataset.item))) {
        selectedEl = span;
        span.dataset.item = String(item);
      }
      at = r.end;
    }
    if (at < str.length) parts.push(str.slice(at));
    div.replaceChildren(...parts);
  }
  return selectedEl;
}

/** Puts the spans' plain text back. */
export function clearHighlights(divs: readonly HTMLElement[], strs: readonly string[]): void {
  divs.forEach((div, i) => {
    if (div.firstElementChild) div.textContent = strs[i] ?? '';
  });
}
