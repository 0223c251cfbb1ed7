import { describe, expect, it } from '@jest/globals';
import { isSearchable, queryFromParams, searchPath } from './search-url';

describe('search URL', () => {
  it('puts the trimmed query in ?q=, encoded', () => {
    expect(searchPath('  phòng họp & giấy ')).toBe('/tim-kiem?q=ph%C3%B2ng+h%E1%BB%8Dp+%26+gi%E1%BA%A5y');
    expect(searchPath('   ')).toBe('/tim-kiem');
  });

  it('reads back the query it wrote', () => {
    const path = searchPath('Kế hoạch 2021-2025 #1');
    expect(queryFromParams(new URL(path, 'http://x').searchParams)).toBe('Kế hoạch 2021-2025 #1');
  });

  it('reads an absent or blank query as empty', () => {
    expect(queryFromParams(new URLSearchParams(''))).toBe('');
    expect(queryFromParams(new URLSearchParams('q=%20%20'))).toBe('');
  });
});

describe('isSearchable', () => {
  it('needs two characters, one of them a letter or digit', () => {
    expect(isSearchable('p')).toBe(false);
    expect(isSearchable(' p ')).toBe(false);
    expect(isSearchable('ph')).toBe(true);
    expect(isSearchable('--')).toBe(false);
    expect(isSearchable('45')).toBe(true);
  });

  it('counts a Vietnamese letter once, even when typed decomposed', () => {
    expect(isSearchable('ọ'.normalize('NFD'))).toBe(false);
    expect(isSearchable('họ')).toBe(true);
  });
});
