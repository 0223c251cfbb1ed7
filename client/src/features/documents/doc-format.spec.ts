import { describe, expect, it } from '@jest/globals';
import { docNumber, formatBytes } from './doc-format';

describe('document formatting', () => {
  it('joins số and ký hiệu', () => {
    expect(docNumber({ number: '12', symbol: 'TTr-UBND' })).toBe('12/TTr-UBND');
    expect(docNumber({ number: '', symbol: 'KH-UBND' })).toBe('KH-UBND');
    expect(docNumber({ number: '', symbol: '' })).toBe('');
  });

  it('formats sizes', () => {
    expect(formatBytes(512, 'vi')).toBe('512 B');
    expect(formatBytes(1536, 'vi')).toBe('1,5 KB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
  });
});
