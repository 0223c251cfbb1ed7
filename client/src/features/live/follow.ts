/** A page of a document version, as the room shows it. */
export interface PageRef {
  documentId: string;
  version: number;
  /** 1-based. */
  page: number;
}

/**
 * Whether a member's screen follows the presenter. Once they turn a page themselves they read on their own
 * ("Đang xem riêng") and the presenter's page changes no longer move them, until they tap "Theo người trình bày".
 */
export type Follow = { mode: 'following' } | { mode: 'detached'; at: PageRef };

export const FOLLOWING: Follow = { mode: 'following' };

/** The page the member's screen shows. */
export function shownPage(follow: Follow, presented: PageRef | null): PageRef | null {
  return follow.mode === 'detached' ? follow.at : presented;
}

/**
 * The member turns to `page` (prev/next/go-to) of what they see: they detach there. Out-of-range pages are
 * clamped; turning to the page already shown (next on the last page) changes nothing.
 */
export function browseTo(follow: Follow, presented: PageRef | null, page: number, pageCount: number): Follow {
  const base = shownPage(follow, presented);
  if (!base || !Number.isFinite(page)) return follow;
  const target = Math.min(Math.max(1, Math.trunc(page)), Math.max(1, pageCount));
  if (target === base.page) return follow;
  return { mode: 'detached', at: { documentId: base.documentId, version: base.version, page: target } };
}
