import { useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { leasePage } from './pdf';
import { type Hit, indexPageText, normalizeQuery, pageHits, stepHit, type TextItemLike } from './search';
import type { PageHighlight } from './text-highlight';

/** Page texts already read, per document: strings only (a few MB for a 350-page pack, not pdf.js objects). */
const texts = new WeakMap<PDFDocumentProxy, Map<number, Promise<TextItemLike[]>>>();

function pageText(pdf: PDFDocumentProxy, page: number): Promise<TextItemLike[]> {
  let perDoc = texts.get(pdf);
  if (!perDoc) texts.set(pdf, (perDoc = new Map()));
  let text = perDoc.get(page);
  if (!text) {
    const lease = leasePage(pdf, page);
    text = lease.page
      .then((p) => lease.busy(() => p.getTextContent()))
      .then((content) => content.items.flatMap((item) => ('str' in item ? [{ str: item.str, hasEOL: item.hasEOL }] : [])))
      .finally(() => lease.release());
    text.catch(() => perDoc.delete(page));
    perDoc.set(page, text);
  }
  return text;
}

export interface SearchState {
  /** The query as typed when the search started (empty: no search). */
  query: string;
  hits: Hit[];
  /** Index into `hits` of the hit shown, −1 for none. */
  selected: number;
  scanned: number;
  done: boolean;
}

const IDLE: SearchState = { query: '', hits: [], selected: -1, scanned: 0, done: true };
const NONE: ReadonlyMap<number, readonly PageHighlight[]> = new Map();

/**
 * Searches the whole document page by page, starting at the reader's page and wrapping around, so the first hit
 * shown is the next one after where the member is; `onJump` is called with every hit that becomes the shown one.
 */
export function useDocumentSearch(pdf: PDFDocumentProxy | null, startPage: number, onJump: (hit: Hit) => void) {
  const [state, setState] = useState<SearchState & { run: number; start: number }>({ ...IDLE, run: 0, start: 1 });
  const jump = useEffectEvent(onJump);

  useEffect(() => {
    const query = normalizeQuery(state.query);
    if (!pdf || !query) return;
    const run = state.run;
    const pages = pdf.numPages;
    const start = Math.min(Math.max(1, state.start), pages);
    let cancelled = false;
    void (async () => {
      const found: Hit[] = [];
      let jumped = false;
      for (let k = 0; k < pages; k++) {
        const page = ((start - 1 + k) % pages) + 1;
        let hits: Hit[] = [];
        try {
          hits = pageHits(page, indexPageText(await pageText(pdf, page)), query);
        } catch {
          // a page whose text cannot be read has no hits; the search goes on
        }
        if (cancelled) return;
        if (hits.length) {
          const at = found.findIndex((h) => h.page > page);
          found.splice(at === -1 ? found.length : at, 0, ...hits);
        }
        const done: boolean = k === pages - 1;
        const firstNew: boolean = !jumped && hits.length > 0;
        if (firstNew || done || k % 16 === 15) {
          const shown: Hit | null = firstNew ? hits[0] : null;
          jumped ||= firstNew;
          const snapshot = found.slice();
          setState((s) => {
            if (s.run !== run) return s;
            const keep = s.selected >= 0 ? s.hits[s.selected] : null;
            const target = shown ?? keep;
            return { ...s, hits: snapshot, scanned: k + 1, done, selected: target ? snapshot.indexOf(target) : -1 };
          });
          if (shown) jump(shown);
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [pdf, state.query, state.run, state.start]);

  const search = useCallback(
    (query: string) => setState((s) => ({ query, hits: [], selected: -1, scanned: 0, done: !normalizeQuery(query), run: s.run + 1, start: startPage })),
    [startPage],
  );
  const clear = useCallback(() => setState((s) => ({ ...IDLE, run: s.run + 1, start: 1 })), []);
  const step = useCallback(
    (dir: 1 | -1) => {
      const next = stepHit(state.selected, state.hits.length, dir);
      if (next < 0) return;
      setState((s) => ({ ...s, selected: next }));
      onJump(state.hits[next]);
    },
    [state.selected, state.hits, onJump],
  );

  const highlights = useMemo(() => {
    if (state.hits.length === 0) return NONE;
    const byPage = new Map<number, PageHighlight[]>();
    state.hits.forEach((hit, i) => {
      const list = byPage.get(hit.page) ?? [];
      list.push({ from: hit.from, to: hit.to, selected: i === state.selected });
      byPage.set(hit.page, list);
    });
    return byPage;
  }, [state.hits, state.selected]);

  return { state, search, clear, step, highlights };
}
