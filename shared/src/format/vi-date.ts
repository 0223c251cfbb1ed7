/** Vietnam is UTC+7 all year (no DST); formatting never depends on the machine's time zone. */
const VN_OFFSET_MS = 7 * 3600_000;
const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

function vnParts(instant: Date) {
  const d = new Date(instant.getTime() + VN_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** "ngày 05 tháng 12 năm 2026": the date line of an administrative document. */
export function formatVnDocumentDate(instant: Date): string {
  const p = vnParts(instant);
  // NĐ 30/2020/NĐ-CP, Phụ lục I: days below 10 and months 1 and 2 are written with a leading 0.
  const month = p.month < 3 ? two(p.month) : String(p.month);
  return `ngày ${two(p.day)} tháng ${month} năm ${p.year}`;
}

/** "14 giờ 00 phút, thứ Ba, ngày 15 tháng 12 năm 2026", as written on a giấy mời. */
export function formatVnDateTimeLong(instant: Date): string {
  const p = vnParts(instant);
  return `${p.hour} giờ ${two(p.minute)} phút, ${WEEKDAYS[p.weekday]}, ${formatVnDocumentDate(instant)}`;
}

/** "15/12/2026 14:00" for lists and tables. */
export function formatVnShort(instant: Date): string {
  const p = vnParts(instant);
  return `${two(p.day)}/${two(p.month)}/${p.year} ${two(p.hour)}:${two(p.minute)}`;
}
