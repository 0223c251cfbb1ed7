import { describe, expect, it } from '@jest/globals';
import { markSegments } from './highlight';

const joined = (text: string, ranges: { start: number; end: number }[]) => markSegments(text, ranges).map((s) => (s.marked ? `[${s.text}]` : s.text)).join('');

describe('markSegments', () => {
  it('marks each range and keeps the text between them', () => {
    expect(markSegments('Triển khai phòng họp không giấy', [{ start: 11, end: 20 }])).toEqual([
      { text: 'Triển khai ', marked: false },
      { text: 'phòng họp', marked: true },
      { text: ' không giấy', marked: false },
    ]);
  });

  it('returns the whole text unmarked when there are no ranges', () => {
    expect(markSegments('Biên bản', [])).toEqual([{ text: 'Biên bản', marked: false }]);
  });

  it('merges overlapping ranges, whatever their order', () => {
    expect(joined('phòng họp không giấy', [{ start: 6, end: 15 }, { start: 0, end: 9 }])).toBe('[phòng họp không] giấy');
  });

  it('merges adjacent ranges into one mark', () => {
    expect(markSegments('abcdef', [{ start: 0, end: 2 }, { start: 2, end: 4 }])).toEqual([
      { text: 'abcd', marked: true },
      { text: 'ef', marked: false },
    ]);
  });

  it('clamps ranges past the end and drops empty or reversed ones', () => {
    expect(joined('họp', [{ start: 1, end: 99 }, { start: -5, end: 0 }, { start: 2, end: 1 }, { start: 50, end: 60 }])).toBe('h[ọp]');
  });

  it('marks a range covering the whole text without empty plain runs', () => {
    expect(markSegments('giấy', [{ start: 0, end: 4 }])).toEqual([{ text: 'giấy', marked: true }]);
  });

  it('keeps every character exactly once', () => {
    const text = 'Kế hoạch cải cách hành chính giai đoạn 2021 – 2025';
    const segments = markSegments(text, [{ start: 3, end: 12 }, { start: 8, end: 20 }, { start: 40, end: 200 }]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });
});
