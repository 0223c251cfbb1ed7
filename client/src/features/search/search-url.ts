/** The results page; the query lives in its URL (`?q=`) so back, reload and a shared link show the same results. */
export const SEARCH_PATH = '/tim-kiem';
/** Fewer characters match too much to be useful while typing. */
export const MIN_QUERY_LENGTH = 2;
export const SEARCH_DEBOUNCE_MS = 300;

/** The results page for `query` (trimmed; an empty query gives the bare page). */
export function searchPath(query: string): string {
  const q = query.trim();
  return q ? `${SEARCH_PATH}?${new URLSearchParams({ q }).toString()}` : SEARCH_PATH;
}

/** The query the URL asks for, trimmed. */
export function queryFromParams(params: URLSearchParams): string {
  return (params.get('q') ?? '').trim();
}

/** Whether a query is worth sending: long enough and with a letter or digit (the server refuses punctuation only). */
export function isSearchable(query: string): boolean {
  const q = query.trim();
  return [...q.normalize('NFC')].length >= MIN_QUERY_LENGTH && /[\p{L}\p{N}]/u.test(q);
}
