import type { NoteListDto, NoteListItemDto } from '@phonghop/shared';
import { toCsv } from '../common/csv.js';

const KIND_VI: Record<NoteListItemDto['kind'], string> = { note: 'Ghi chú', highlight: 'Đoạn tô sáng' };

/** The list as a plain UTF-8 text file, one entry per paragraph. */
export function notesText(list: NoteListDto): string {
  const head = [`Ghi chú của tôi — ${list.title} (phiên bản ${list.version})`, ''];
  if (!list.notes.length) head.push('(Chưa có ghi chú nào.)');
  const body = list.notes.map((n) => `Trang ${n.page} · ${KIND_VI[n.kind]} · ${n.updatedAtVn}\n${n.text.normalize('NFC')}\n`);
  return [...head, ...body].join('\n').replace(/\n*$/, '\n');
}

/** The list as CSV (common/csv.ts: BOM, every text quoted, formulas defused), one row per entry. */
export function notesCsv(list: NoteListDto): string {
  return toCsv([['Trang', 'Loại', 'Nội dung', 'Thời gian (giờ Việt Nam)'], ...list.notes.map((n) => [n.page, KIND_VI[n.kind], n.text, n.updatedAtVn])]);
}
