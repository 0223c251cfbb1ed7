import { describe, expect, it } from '@jest/globals';
import { foldedWords, foldVietnamese, foldWithOffsets, searchTerms } from './fold.js';

describe('foldVietnamese', () => {
  it('drops tone and vowel marks and lowers the case', () => {
    expect(foldVietnamese('Phòng họp KHÔNG giấy')).toBe('phong hop khong giay');
    expect(foldVietnamese('Ủy ban nhân dân huyện Phụng Hiệp')).toBe('uy ban nhan dan huyen phung hiep');
    expect(foldVietnamese('ƯỚC TÍNH, ươn ướt')).toBe('uoc tinh, uon uot');
  });

  it('maps đ and Đ to d', () => {
    expect(foldVietnamese('Đề án đô thị')).toBe('de an do thi');
  });

  it('folds decomposed input (NFD) the same as composed (NFC)', () => {
    const text = 'Kế hoạch cải cách hành chính';
    expect(foldVietnamese(text.normalize('NFD'))).toBe(foldVietnamese(text.normalize('NFC')));
  });

  it('leaves digits and punctuation', () => {
    expect(foldVietnamese('Số 125/KH-UBND')).toBe('so 125/kh-ubnd');
  });
});

describe('foldWithOffsets', () => {
  it('points every folded unit back at its character in the original', () => {
    const text = 'Đến năm 2025';
    const { folded, start, end } = foldWithOffsets(text);
    const at = folded.indexOf('nam');
    expect(text.slice(start[at], end[at + 2])).toBe('năm');
  });

  it('keeps the offsets of an NFD original, marks included in their letter', () => {
    const text = 'họp'.normalize('NFD');
    const { folded, start, end } = foldWithOffsets(text);
    expect(folded).toBe('hop');
    expect(text.slice(start[0], end[2])).toBe(text);
  });
});

describe('searchTerms', () => {
  it('splits a query into distinct folded words', () => {
    expect(searchTerms('  Phòng họp, phong HOP "không giấy" ')).toEqual(['phong', 'hop', 'khong', 'giay']);
  });

  it('has no words for punctuation alone', () => {
    expect(searchTerms('"*" -')).toEqual([]);
  });
});

describe('foldedWords', () => {
  it('keeps only the folded words, one space apart, so both engines tokenize alike', () => {
    expect(foldedWords('Giai đoạn 2021-2025:\n  Phòng họp')).toBe('giai doan 2021 2025 phong hop');
  });
});
