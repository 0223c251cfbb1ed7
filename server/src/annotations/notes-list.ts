import type { NoteListDto, NoteListItemDto } from '@phonghop/shared';

const KIND_VI: Record<NoteListItemDto['kind'], string> = { note: 'Ghi chú', highlight: 'Đoạn tô sáng' };

/** The list as a plain UTF-8 text file, one entry per paragraph. */
export function notesText(list: NoteListDto): string {
  const head = [`Ghi chú của tôi — ${list.title} (phiên bản ${list.version})`, ''];
  if (!list.notes.length) head.push('(Chưa có ghi chú nào.)');
  const body = list.notes.map((n) => `Trang ${n.page} · ${KIND_VI[n.kind]} · ${n.updatedAtVn}\n${n.text.normalize('NFC')}\n`);
  return [...head, ...body].join('\n').replace(/\n*$/, '\n');
}

/**
 * RFC 4180 with a BOM, so Excel opens the UTF-8 as such. A cell starting with = + - @ (or a tab / CR) is prefixed
 * with an apostrophe: a note is free text and must not run as a formula in the reader's spreadsheet.
 */
export function notesCsv(list: NoteListDto): string {
  const cell = (v: string | number) => {
    let s = String(v).normalize('NFC');
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = [['Trang', 'Loại', 'Nội dung', 'Thời gian (giờ Việt Nam)'], ...list.notes.map((n) => [n.page, KIND_VI[n.kind], n.text, n.updatedAtVn])];
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
