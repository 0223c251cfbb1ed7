import { describe, expect, it } from '@jest/globals';
import { buildIcs, foldLine } from './ics.js';

describe('ICS', () => {
  const event = {
    uid: 'm-1@phonghop',
    title: 'Phiên họp thường kỳ tháng 12, năm 2026',
    startsAt: new Date('2026-12-15T01:30:00Z'),
    endsAt: new Date('2026-12-15T04:30:00Z'),
    location: 'Phòng họp số 1; tầng 2, trụ sở UBND huyện',
    description: 'Nội dung:\n1. Báo cáo kinh tế - xã hội',
    organizer: 'UBND huyện Phụng Hiệp',
    status: 'CONFIRMED' as const,
    sequence: 2,
    updatedAt: new Date('2026-12-01T02:00:00Z'),
  };

  it('writes UTC times, escaped text and CRLF lines', () => {
    const ics = buildIcs([event], 'Lịch họp');
    expect(ics).toContain('DTSTART:20261215T013000Z\r\n');
    expect(ics).toContain('LOCATION:Phòng họp số 1\\; tầng 2\\, trụ sở UBND huyện');
    expect(ics).toContain('DESCRIPTION:Nội dung:\\n1. Báo cáo kinh tế - xã hội');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('folds long lines at 75 octets without splitting a Vietnamese character', () => {
    const long = 'SUMMARY:' + 'Hội nghị triển khai nhiệm vụ cải cách hành chính '.repeat(4);
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });
});
