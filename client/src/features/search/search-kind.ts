import type { SearchHitDto, SearchKind } from '@phonghop/shared';

type Translate = (key: string, vars?: Record<string, unknown>) => string;

/** The i18n key (under `search.kind`) and values naming what a hit is; a document names the page it opens at. */
export function kindLabelKey(hit: Pick<SearchHitDto, 'kind' | 'page'>): { key: string; vars?: { page: number } } {
  const kind: SearchKind = hit.kind;
  switch (kind) {
    case 'document':
      return hit.page !== null ? { key: 'search.kind.documentPage', vars: { page: hit.page } } : { key: 'search.kind.document' };
    case 'meeting':
    case 'agenda_item':
    case 'minutes':
      return { key: `search.kind.${kind}` };
  }
}

export function kindLabel(hit: Pick<SearchHitDto, 'kind' | 'page'>, t: Translate): string {
  const { key, vars } = kindLabelKey(hit);
  return t(key, vars);
}
