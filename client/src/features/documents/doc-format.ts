/** "12/TTr-UBND" from số and ký hiệu; either may be missing. */
export function docNumber(d: { number: string; symbol: string }): string {
  if (d.number && d.symbol) return `${d.number}/${d.symbol}`;
  return d.number || d.symbol;
}

/** 1 234 567 → "1,2 MB" (Vietnamese decimal comma) or "1.2 MB". */
export function formatBytes(bytes: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${units[unit]}`;
}

export const ACCEPTED_UPLOADS = '.pdf,.doc,.docx,.odt,.xlsx,.pptx';
