import { createHash } from 'node:crypto';

export interface CarriedPlace {
  page: number;
  /** Shown as "từ phiên bản trước": the page count or this page's text differs from the old version. */
  fromPreviousVersion: boolean;
}

/** Whitespace differs between extractions of the same text; only the words count. */
const words = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * Where a mark of page `page` of the old version goes in the new one: the same page number; past the new
 * last page it goes to the last page (never dropped), which the page count change already marks.
 */
export function carryOverPlace(page: number, oldTexts: readonly string[], newTexts: readonly string[]): CarriedPlace {
  const target = Math.max(1, Math.min(page, newTexts.length));
  const changed = oldTexts.length !== newTexts.length || words(oldTexts[page - 1]) !== words(newTexts[target - 1]);
  return { page: target, fromPreviousVersion: changed };
}

/** The copy's id is derived from the original and the version, so a repeated carry-over cannot duplicate. */
export function carriedId(originalId: string, toVersion: number): string {
  const h = createHash('sha1').update(`annotation:${originalId}:v${toVersion}`).digest('hex');
  // Laid out as a version-5 UUID (RFC 9562), so it passes the same uuid validation as the tablets' ids.
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
