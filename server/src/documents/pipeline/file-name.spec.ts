import { describe, expect, it } from '@jest/globals';
import { asciiFileName, contentDisposition, sanitizeFileName, withExtension } from './file-name.js';

describe('sanitizeFileName', () => {
  it('drops path components of both kinds', () => {
    expect(sanitizeFileName('../../x.pdf')).toBe('x.pdf');
    expect(sanitizeFileName('..\\..\\Windows\\x.pdf')).toBe('x.pdf');
    expect(sanitizeFileName('C:\\fakepath\\Báo cáo.pdf')).toBe('Báo cáo.pdf');
    expect(sanitizeFileName('/etc/passwd')).toBe('passwd');
  });

  it('keeps Vietnamese letters, NFC-normalised', () => {
    const decomposed = 'To\u031Bø\u0300 tri\u0300nh so\u0302\u0301 12.pdf'.replace('ø', '');
    expect(sanitizeFileName('Tờ trình số 12.pdf')).toBe('Tờ trình số 12.pdf');
    expect(sanitizeFileName(decomposed)).toBe('Tờ trình số 12.pdf');
    expect(sanitizeFileName(decomposed).normalize('NFC')).toBe(sanitizeFileName(decomposed));
  });

  it('removes NUL and other control characters, and bidi overrides', () => {
    expect(sanitizeFileName('a\u0000b\u0007c.pdf')).toBe('abc.pdf');
    expect(sanitizeFileName('x.pdf\u0000.exe')).toBe('x.pdf.exe');
    expect(sanitizeFileName('hoa-don-\u202Efdp.exe')).toBe('hoa-don-fdp.exe');
    expect(sanitizeFileName('dòng\nmới\t2.pdf')).toBe('dòng mới 2.pdf');
  });

  it('removes Windows reserved characters and guards device names', () => {
    expect(sanitizeFileName('a:b*c?d"e<f>g|h.pdf')).toBe('abcdefgh.pdf');
    expect(sanitizeFileName('CON.pdf')).toBe('_CON.pdf');
    expect(sanitizeFileName('nul')).toBe('_nul');
    expect(sanitizeFileName('console.pdf')).toBe('console.pdf');
  });

  it('trims dots and spaces at both ends', () => {
    expect(sanitizeFileName('  ..hidden.pdf. . ')).toBe('hidden.pdf');
    expect(sanitizeFileName('a   b.pdf')).toBe('a b.pdf');
  });

  it('caps a 300-character name at 180 characters, keeping the extension', () => {
    const long = `${'Tờ trình '.repeat(40).slice(0, 300)}.docx`;
    const out = sanitizeFileName(long);
    expect(Array.from(out).length).toBeLessThanOrEqual(180);
    expect(out.endsWith('.docx')).toBe(true);
    expect(out.startsWith('Tờ trình Tờ trình')).toBe(true);
    // never half a surrogate pair
    const emoji = sanitizeFileName(`${'😀'.repeat(300)}.pdf`);
    expect(Array.from(emoji)).toHaveLength(180);
    expect(emoji.endsWith('😀.pdf')).toBe(true);
  });

  it('falls back when nothing is left', () => {
    expect(sanitizeFileName('')).toBe('tai-lieu.pdf');
    expect(sanitizeFileName('../../')).toBe('tai-lieu.pdf');
    expect(sanitizeFileName('\u0000\u0001')).toBe('tai-lieu.pdf');
    expect(sanitizeFileName('...', 'tai-lieu.docx')).toBe('tai-lieu.docx');
  });
});

describe('withExtension', () => {
  it('appends the real extension unless present', () => {
    expect(withExtension('Báo cáo.pdf', 'pdf')).toBe('Báo cáo.pdf');
    expect(withExtension('Báo cáo.PDF', 'pdf')).toBe('Báo cáo.PDF');
    expect(withExtension('Báo cáo.pdf', 'docx')).toBe('Báo cáo.pdf.docx');
    expect(Array.from(withExtension('a'.repeat(180), 'pdf'))).toHaveLength(180);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback without diacritics and the UTF-8 name', () => {
    expect(contentDisposition('Tờ trình số 12.pdf', 'attachment')).toBe(
      `attachment; filename="To trinh so 12.pdf"; filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh%20s%E1%BB%91%2012.pdf`,
    );
    expect(contentDisposition('Đề án.pdf', 'inline')).toMatch(/^inline; filename="De an.pdf"; filename\*=UTF-8''%C4%90%E1%BB%81%20%C3%A1n\.pdf$/u);
  });

  it('sanitises first and escapes what would break the header', () => {
    const header = contentDisposition('../a"b;c\r\nSet-Cookie: x=1 (1)*\'%.pdf');
    expect(header).not.toMatch(/[\r\n]/u);
    expect(header).toBe(`attachment; filename="ab;c Set-Cookie x=1 (1)'_.pdf"; filename*=UTF-8''ab%3Bc%20Set-Cookie%20x%3D1%20%281%29%27%25.pdf`);
  });

  it('maps characters with no ASCII form to _', () => {
    expect(asciiFileName('会议.pdf')).toBe('__.pdf');
  });
});
