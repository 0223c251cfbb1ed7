import { networkError, toApiError } from '../../api/api-error';
import { readBodyWithProgress } from '../../api/read-body';

/** The file name the server gave in Content-Disposition (RFC 5987 form first), else a fallback. */
export function fileNameOf(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // a malformed escape: fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
}

/**
 * Fetches a file, reporting progress (0–1, or null while the size is unknown), then hands it to the browser as a
 * download. A fetch rather than a plain link: the screen can show progress and an error in Vietnamese.
 */
export async function downloadFile(url: string, fallbackName: string, onProgress: (fraction: number | null) => void): Promise<void> {
  // The network failing (before the answer or in the middle of the body) is the NETWORK_ERROR every screen words the
  // same way, not the browser's own TypeError.
  const offline = (): never => {
    throw networkError();
  };
  const res = await fetch(url, { credentials: 'same-origin' }).catch(offline);
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    throw toApiError(res.status, body);
  }
  const total = Number(res.headers.get('Content-Length') ?? '0');
  const blob = await readBodyWithProgress(res, (received) => onProgress(total > 0 ? Math.min(1, received / total) : null)).catch(offline);
  onProgress(1);
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(res.headers.get('Content-Disposition'), fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  // the click has started the download; the object URL can go once the browser has read it
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
