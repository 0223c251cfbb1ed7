/** Vietnam is UTC+7 all year: a `datetime-local` value is read as Vietnam time whatever the device's zone. */
const VN_OFFSET_MS = 7 * 3600_000;
const two = (n: number) => String(n).padStart(2, '0');

/** "2026-12-15T14:00" (Vietnam wall time) → "2026-12-15T14:00:00+07:00"; empty for an empty or malformed value. */
export function localInputToIso(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00+07:00` : '';
}

/** An ISO instant → the `datetime-local` value showing it in Vietnam time. */
export function isoToLocalInput(iso: string): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  const d = new Date(t + VN_OFFSET_MS);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** "14:00" in Vietnam time, for a meeting's end on the same day. */
export function vnTime(iso: string): string {
  return isoToLocalInput(iso).slice(11);
}
