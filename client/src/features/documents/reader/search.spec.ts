import { describe, expect, it } from '@jest/globals';
import { findMatches, firstHitFrom, hitRanges, indexPageText, normalizeQuery, pageHits, stepHit } from './search';

const items = (...strs: Array<string | [string, true]>) => strs.map((s) => (typeof s === 'string' ? { str: s } : { str: s[0], hasEOL: true }));

describe('search in a document', () => {
  it('normalises the query: NFC, lower case, single spaces, trimmed', () => {
    expect(normalizeQuery('  Phòng   HỌP ')).toBe('phòng họp');
    // decomposed "ò" (o + combining grave) equals the composed one
    expect(normalizeQuery('pho\u0300ng')).toBe('phòng');
  });

  it('keeps diacritics significant: "họp" is not "hợp"', () => {
    const idx = indexPageText(items('phù hợp với phòng họp'));
    expect(findMatches(idx, normalizeQuery('họp'))).toHaveLength(1);
    expect(findMatches(idx, normalizeQuery('hợp'))).toHaveLength(1);
  });

  it('finds a phrase split over items and over a line end', () => {
    const idx = indexPageText(items('xây dựng 01 ', 'phòng', ['', true], 'họp không giấy'));
    const hits = pageHits(2, idx, normalizeQuery('phòng họp'));
    expect(hits).toEqual([{ page: 2, from: { item: 1, offset: 0 }, to: { item: 3, offset: 3 } }]);
  });

  it('matches text pdf.js handed out decomposed, and maps the hit back to the original offsets', () => {
    const decomposed = 'Pho\u0300ng ho\u0323p';
    const idx = indexPageText(items(`tại ${decomposed} số 1`));
    const [hit] = pageHits(1, idx, normalizeQuery('phòng họp'));
    expect(hit.from).toEqual({ item: 0, offset: 4 });
    expect(hit.to).toEqual({ item: 0, offset: 4 + decomposed.length });
  });

  it('collapses runs of spaces in the page text too', () => {
    const idx = indexPageText(items('phòng    ', '  họp'));
    expect(idx.text).toBe('phòng họp');
    expect(findMatches(idx, 'phòng họp')).toEqual([[0, 9]]);
  });

  it('ignores soft hyphens and zero-width characters', () => {
    const idx = indexPageText(items('phò\u00adng\u200b họp'));
    expect(findMatches(idx, 'phòng họp')).toHaveLength(1);
  });

  it('counts every non-overlapping occurrence; nothing for an empty query', () => {
    const idx = indexPageText(items('aaa aaa', ['', true], 'AAA'));
    expect(findMatches(idx, 'aaa')).toHaveLength(3);
    expect(findMatches(idx, 'aa')).toHaveLength(3);
    expect(findMatches(idx, '')).toEqual([]);
  });

  it('splits a hit into the part of each span it covers', () => {
    const lengths = [12, 5, 0, 14];
    const ranges = hitRanges({ from: { item: 0, offset: 9 }, to: { item: 3, offset: 3 } }, (i) => lengths[i]);
    expect(ranges).toEqual([
      { item: 0, start: 9, end: 12 },
      { item: 1, start: 0, end: 5 },
      { item: 3, start: 0, end: 3 },
    ]);
  });

  it('steps through hits and wraps around', () => {
    expect(stepHit(-1, 12, 1)).toBe(0);
    expect(stepHit(-1, 12, -1)).toBe(11);
    expect(stepHit(2, 12, 1)).toBe(3);
    expect(stepHit(11, 12, 1)).toBe(0);
    expect(stepHit(0, 12, -1)).toBe(11);
    expect(stepHit(0, 0, 1)).toBe(-1);
  });

  it('starts from the first hit on or after the reader’s page', () => {
    const hits = [{ page: 2 }, { page: 6 }, { page: 6 }, { page: 9 }];
    expect(firstHitFrom(hits, 1)).toBe(0);
    expect(firstHitFrom(hits, 3)).toBe(1);
    expect(firstHitFrom(hits, 10)).toBe(0);
    expect(firstHitFrom([], 1)).toBe(-1);
  });
});
