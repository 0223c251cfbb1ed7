import { describe, expect, it } from '@jest/globals';
import { formatVnDateTimeLong, formatVnDocumentDate, formatVnShort } from './vi-date.js';

describe('Vietnamese dates', () => {
  it('writes the document date with leading zeros for days below 10 and for January and February', () => {
    expect(formatVnDocumentDate(new Date('2026-02-04T03:00:00Z'))).toBe('ngày 04 tháng 02 năm 2026');
    expect(formatVnDocumentDate(new Date('2026-12-15T03:00:00Z'))).toBe('ngày 15 tháng 12 năm 2026');
    expect(formatVnDocumentDate(new Date('2026-03-09T03:00:00Z'))).toBe('ngày 09 tháng 3 năm 2026');
  });

  it('uses Vietnam time whatever the machine’s zone: 18:30 UTC is the next morning in Hà Nội', () => {
    expect(formatVnDateTimeLong(new Date('2026-12-14T18:30:00Z'))).toBe('1 giờ 30 phút, thứ Ba, ngày 15 tháng 12 năm 2026');
    expect(formatVnShort(new Date('2026-12-15T07:00:00Z'))).toBe('15/12/2026 14:00');
  });
});
