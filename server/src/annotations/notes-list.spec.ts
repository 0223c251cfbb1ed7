import { describe, expect, it } from '@jest/globals';
import { formatVnShort, type NoteListDto } from '@phonghop/shared';
import { notesCsv, notesText } from './notes-list.js';

const list = (notes: NoteListDto['notes']): NoteListDto => ({ documentId: 'd', version: 2, title: 'Kế hoạch 125', notes });
const item = (text: string, extra: Partial<NoteListDto['notes'][number]> = {}): NoteListDto['notes'][number] => ({
  id: 'a',
  page: 3,
  kind: 'note',
  text,
  colour: null,
  shared: false,
  updatedAt: '2026-12-01T17:05:00.000Z',
  updatedAtVn: formatVnShort(new Date('2026-12-01T17:05:00Z')),
  ...extra,
});

describe('notes list', () => {
  it('prints time in Vietnam time whatever the machine zone, across midnight', () => {
    expect(formatVnShort(new Date('2026-12-01T17:05:00Z'))).toBe('02/12/2026 00:05');
  });

  it('writes a text file with the page, the kind and the time of each entry', () => {
    const text = notesText(list([item('Hỏi lại số liệu'), item('cải cách', { kind: 'highlight', page: 5 })]));
    expect(text).toContain('Ghi chú của tôi — Kế hoạch 125 (phiên bản 2)');
    expect(text).toContain('Trang 3 · Ghi chú · 02/12/2026 00:05\nHỏi lại số liệu');
    expect(text).toContain('Trang 5 · Đoạn tô sáng');
    expect(notesText(list([]))).toContain('Chưa có ghi chú nào');
  });

  it('writes CSV with a BOM, quotes commas, quotes and line breaks, and defuses formulas', () => {
    const csv = notesCsv(list([item('a, "b"\nc'), item('=HYPERLINK("x")')]));
    expect(csv.startsWith('\uFEFF"Trang","Loại","Nội dung","Thời gian (giờ Việt Nam)"\r\n')).toBe(true);
    expect(csv).toContain('3,"Ghi chú","a, ""b""\nc","02/12/2026 00:05"\r\n');
    expect(csv).toContain(`3,"Ghi chú","'=HYPERLINK(""x"")",`);
  });
});
