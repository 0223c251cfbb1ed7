import { describe, expect, it } from '@jest/globals';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('writes UTF-8 with a BOM, CRLF and quoted text; numbers as numbers', () => {
    const csv = toCsv([['Phương án', 'Số phiếu'], ['Đồng ý', 2], ['Nói "có"', 0]]);
    expect(csv).toBe('\uFEFF"Phương án","Số phiếu"\r\n"Đồng ý",2\r\n"Nói ""có""",0\r\n');
  });

  it('keeps text that looks like a formula as text', () => {
    expect(toCsv([['=HYPERLINK("http://x")', '+1', '-2', '@a', '\tx']])).toBe(`\uFEFF"'=HYPERLINK(""http://x"")","'+1","'-2","'@a","'\tx"\r\n`);
  });

  it('writes Vietnamese in NFC, whatever form it arrived in', () => {
    const decomposed = 'Nghị quyết'.normalize('NFD');
    expect(decomposed).not.toBe('Nghị quyết');
    expect(toCsv([[decomposed]])).toBe('\uFEFF"Nghị quyết"\r\n');
  });

  it('keeps commas and line breaks inside a quoted cell, and writes an empty row as an empty line', () => {
    expect(toCsv([['a, b\nc'], [], ['d']])).toBe('\uFEFF"a, b\nc"\r\n\r\n"d"\r\n');
  });
});
