import { describe, expect, it } from '@jest/globals';
import { searchTerms } from '@phonghop/shared';
import { buildSnippet, matchRanges } from './snippet.js';

const marked = (s: { text: string; highlights: Array<{ start: number; end: number }> }) =>
  s.highlights.map((h) => s.text.slice(h.start, h.end));

describe('buildSnippet', () => {
  it('highlights the accented words an unaccented query names', () => {
    const s = buildSnippet('- Đến năm 2025 xây dựng 01 phòng họp không giấy cấp huyện.', searchTerms('phong hop khong giay'));
    expect(marked(s)).toEqual(['phòng', 'họp', 'không', 'giấy']);
  });

  it('matches whole words only', () => {
    expect(matchRanges('Hợp đồng, họp mặt', ['hop'])).toHaveLength(2);
    expect(matchRanges('Hộp thư', ['ho'])).toEqual([]);
  });

  it('cuts a long text around the matches and marks the cuts', () => {
    const text = `${'Mở đầu văn bản dài. '.repeat(30)}Mục tiêu: phòng họp không giấy cấp huyện. ${'Phần cuối. '.repeat(30)}`;
    const s = buildSnippet(text, searchTerms('không giấy'), 120);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.text.length).toBeLessThanOrEqual(122);
    expect(marked(s)).toEqual(['không', 'giấy']);
  });

  it('collapses line breaks and keeps the ranges on the collapsed text', () => {
    const s = buildSnippet('phòng họp\n\n   không\ngiấy', searchTerms('giay'));
    expect(s.text).toBe('phòng họp không giấy');
    expect(marked(s)).toEqual(['giấy']);
  });

  it('returns the beginning, unmarked, when nothing matches', () => {
    expect(buildSnippet('Báo cáo tình hình', ['ngan sach'])).toEqual({ text: 'Báo cáo tình hình', highlights: [] });
  });
});
