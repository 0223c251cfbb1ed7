/**
 * Upload names are shown to people and sent back in Content-Disposition, never used as a path: blobs are
 * stored by content hash. Sanitising still matters because the name travels to other people's browsers and
 * file systems (Windows refuses `:*?"<>|`, a `../` or a bidi override can mislead the reader).
 */

export const FALLBACK_FILE_NAME = 'tai-lieu.pdf';
export const MAX_FILE_NAME_LENGTH = 180;

// C0/C1 controls (NUL included) and the bidi embedding/override/isolate marks used for "gnp.exe"-style spoofing.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;
const RESERVED = /[\\/:*?"<>|]/gu;
// Device names Windows will not create, whatever the extension (CON.pdf included).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/iu;
// A plausible extension: short, letters and digits only (not "Tờ trình số 12.5 triệu").
const EXTENSION = /\.[\p{L}\p{N}]{1,10}$/u;

const trimDotsAndSpaces = (s: string): string => s.replace(/^[\s.]+|[\s.]+$/gu, '');

/** A display-safe file name: NFC, no path, no controls or reserved characters, ≤ 180 characters. */
export function sanitizeFileName(name: string, fallback: string = FALLBACK_FILE_NAME): string {
  let s = String(name ?? '').normalize('NFC');
  // Keep only the last path component; both separators, since browsers on Windows send `C:\fakepath\x`.
  s = s.split(/[\\/]/u).pop() ?? '';
  // Line breaks and tabs become spaces first (they separate words); other controls just go.
  s = s.replace(/\s+/gu, ' ').replace(CONTROL, '').replace(RESERVED, '');
  s = trimDotsAndSpaces(s.replace(/ {2,}/gu, ' '));
  if (WINDOWS_DEVICE.test(s)) s = `_${s}`;
  s = truncateKeepingExtension(s, MAX_FILE_NAME_LENGTH);
  return s || fallback;
}

/** Cuts by code points (never half a surrogate pair), keeping a short extension at the end. */
function truncateKeepingExtension(name: string, max: number): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const ext = EXTENSION.exec(name)?.[0] ?? '';
  const extLength = Array.from(ext).length;
  const base = trimDotsAndSpaces(chars.slice(0, max - extLength).join(''));
  return base ? base + ext : chars.slice(0, max).join('');
}

/**
 * Appends `.ext` unless the name already ends with it, so a download opens with the application of its real
 * type (a Word file uploaded as `x.pdf` becomes `x.pdf.docx`: the name the person chose stays visible).
 */
export function withExtension(name: string, ext: string): string {
  const wanted = `.${ext.toLowerCase()}`;
  if (name.toLowerCase().endsWith(wanted)) return name;
  return truncateKeepingExtension(name + wanted, MAX_FILE_NAME_LENGTH);
}

/** ASCII approximation for old clients: Vietnamese diacritics stripped (đ → d), anything else → `_`. */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .replace(/[^\x20-\x7e]|["\\%]/gu, '_'); // % too: some browsers percent-decode the plain filename
}

/** RFC 5987 value-chars: everything but ALPHA / DIGIT / !#$&+-.^_`|~ is percent-encoded. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Content-Disposition per RFC 6266: an ASCII `filename` for old clients plus `filename*=UTF-8''…` that
 * current browsers prefer, e.g. `attachment; filename="To trinh so 12.pdf"; filename*=UTF-8''T%E1%BB%9D…`.
 */
export function contentDisposition(name: string, type: 'inline' | 'attachment' = 'attachment'): string {
  const safe = sanitizeFileName(name);
  return `${type}; filename="${asciiFileName(safe)}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}
