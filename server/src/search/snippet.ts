import { foldWithOffsets, type SearchHighlight } from '@phonghop/shared';

export interface Snippet {
  text: string;
  highlights: SearchHighlight[];
}

const WORD = /[\p{L}\p{N}]/u;
const LEAD = 40;

/** Where the query's words occur in `text` as whole words, folded on both sides, as ranges of the original. */
export function matchRanges(text: string, terms: readonly string[]): Array<SearchHighlight & { term: string }> {
  const { folded, start, end } = foldWithOffsets(text);
  const ranges: Array<SearchHighlight & { term: string }> = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      const after = at + term.length;
      if ((at > 0 && WORD.test(folded[at - 1])) || (after < folded.length && WORD.test(folded[after]))) continue;
      ranges.push({ start: start[at], end: end[after - 1], term });
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/**
 * A window of about `maxLength` characters of `text` around the densest group of matched words, whitespace
 * collapsed, with the matches as ranges of the returned text. Plain text only: the client renders the ranges.
 */
export function buildSnippet(text: string, terms: readonly string[], maxLength = 200): Snippet {
  const matches = matchRanges(text, terms);
  let from = 0;
  if (matches.length > 0) {
    let best = matches[0];
    let bestScore = 0;
    for (const m of matches) {
      const inWindow = matches.filter((o) => o.start >= m.start && o.end <= m.start + maxLength - LEAD);
      const score = new Set(inWindow.map((o) => o.term)).size * 1000 + inWindow.length;
      if (score > bestScore) [best, bestScore] = [m, score];
    }
    from = Math.max(0, best.start - LEAD);
    // Start on a word, not in the middle of one.
    while (from > 0 && from < best.start && WORD.test(text[from - 1])) from++;
  }
  let to = Math.min(text.length, from + maxLength);
  while (to < text.length && to > from && WORD.test(text[to])) to--;
  if (to === from) to = Math.min(text.length, from + maxLength);

  let out = from > 0 ? '…' : '';
  const at = new Map<number, number>();
  for (let i = from; i < to; i++) {
    at.set(i, out.length);
    if (/\s/.test(text[i])) {
      if (out.length > 0 && !out.endsWith(' ') && !out.endsWith('…')) out += ' ';
    } else out += text[i];
  }
  at.set(to, out.length);
  const trimmed = out.trimEnd();
  const highlights = matches
    .filter((m) => m.start >= from && m.end <= to)
    .map((m) => ({ start: at.get(m.start)!, end: Math.min(at.get(m.end)!, trimmed.length) }));
  return { text: to < text.length ? `${trimmed}…` : trimmed, highlights };
}
