import { createReadStream } from 'node:fs';
import type { Request, Response } from 'express';

export type ByteRange = { start: number; end: number };

/**
 * One byte range of `Range: bytes=…` (RFC 9110 §14): "a-b", "a-" or "-n" (suffix). Several ranges are
 * answered with the whole file (allowed by the RFC; pdf.js never asks for more than one).
 * Returns null for "serve the whole file", 'unsatisfiable' for a range outside the file.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/.exec(header.trim());
  if (!m) return null;
  const [, a, b] = m;
  if (a === '' && b === '') return null;
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

export interface ServedFile {
  path: string;
  size: number;
  /** Content hash: a strong validator, since a blob never changes. */
  sha256: string;
  contentType: string;
  contentDisposition: string;
  /** Versioned URLs never change content and may be cached for a year (still private to the user). */
  immutable: boolean;
}

/**
 * Sends a stored file with HTTP Range support: 206 with exact Content-Range/Content-Length, Accept-Ranges,
 * a strong ETag honoured by If-Range and If-None-Match, no compression, and private caching only.
 * Returns the range served (null for the whole file) so the caller can decide what to log.
 */
export function sendFile(req: Request, res: Response, file: ServedFile): ByteRange | null | 'not-modified' {
  const etag = `"${file.sha256}"`;
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('ETag', etag);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', file.contentDisposition);
  res.setHeader('Cache-Control', file.immutable ? 'private, max-age=31536000, immutable' : 'private, no-cache');
  // Compression would break byte offsets and the exact Content-Length.
  res.setHeader('Content-Encoding', 'identity');
  res.setHeader('X-Content-Type-Options', 'nosniff');

  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
    res.status(304).end();
    return 'not-modified';
  }

  let range = parseRange(req.headers.range, file.size);
  // If-Range with a stale validator: the client's partial copy is of another file, so send the whole new one.
  const ifRange = req.get('if-range');
  if (range && ifRange && ifRange.trim() !== etag) range = null;

  if (range === 'unsatisfiable') {
    res.setHeader('Content-Range', `bytes */${file.size}`);
    res.status(416).json({ code: 'RANGE_NOT_SATISFIABLE', message: 'Khoảng dữ liệu yêu cầu không hợp lệ.' });
    return null;
  }
  const { start, end } = range ?? { start: 0, end: file.size - 1 };
  if (range) {
    res.status(206);
    res.setHeader('Content-Range', `bytes ${start}-${end}/${file.size}`);
  } else {
    res.status(200);
  }
  res.setHeader('Content-Length', String(file.size === 0 ? 0 : end - start + 1));
  if (req.method === 'HEAD' || file.size === 0) {
    res.end();
    return range;
  }
  const stream = createReadStream(file.path, { start, end });
  stream.on('error', () => res.destroy());
  stream.pipe(res);
  return range;
}
