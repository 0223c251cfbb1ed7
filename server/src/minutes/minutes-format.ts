/** Vietnam is UTC+7 all year; these never depend on the machine's time zone. */
const VN_OFFSET_MS = 7 * 3600_000;
const two = (n: number) => String(n).padStart(2, '0');

function vn(instant: Date): Date {
  return new Date(instant.getTime() + VN_OFFSET_MS);
}

/** "2026-12-15T14:30:05+07:00": the signing time as the visible signature block shows it (ISO 8601, Vietnam). */
export function isoVn(instant: Date): string {
  return `${vn(instant).toISOString().slice(0, 19)}+07:00`;
}

/** "8 giờ 05 phút". */
export function vnClock(instant: Date): string {
  const d = vn(instant);
  return `${d.getUTCHours()} giờ ${two(d.getUTCMinutes())} phút`;
}

/** "3 phút 20 giây", "45 giây". */
export function vnDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) return `${seconds} giây`;
  return seconds === 0 ? `${minutes} phút` : `${minutes} phút ${seconds} giây`;
}

/** "66,67%": Vietnamese decimal comma. */
export function vnPercent(value: number): string {
  return `${String(value).replace('.', ',')}%`;
}
