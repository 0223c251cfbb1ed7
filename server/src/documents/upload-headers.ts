import type { Request } from 'express';
import { AppError } from '../common/app-error.js';

/**
 * Uploads are the raw file as the request body (so the browser reports progress and the server streams it
 * to disk), with the file name and metadata in URI-encoded headers, read before a byte of the body.
 */
export function headerText(req: Request, name: string, required: boolean): string | undefined {
  const raw = req.get(name);
  if (raw === undefined || raw === '') {
    if (required) throw new AppError('VALIDATION_FAILED', { details: { [name]: `Thiếu tiêu đề ${name}.` } });
    return undefined;
  }
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AppError('VALIDATION_FAILED', { details: { [name]: `Tiêu đề ${name} không hợp lệ.` } });
  }
}

export function headerJson(req: Request, name: string): unknown {
  const text = headerText(req, name, true)!;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION_FAILED', { details: { [name]: `Tiêu đề ${name} không phải JSON hợp lệ.` } });
  }
}

/** Refuses a declared oversize body at once, before streaming (the stream still enforces the limit). */
export function checkDeclaredSize(req: Request, maxBytes: number): void {
  const declared = Number(req.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new AppError('FILE_TOO_LARGE', { message: `Tệp vượt quá dung lượng cho phép (${Math.round(maxBytes / 1048576)} MB).` });
  }
  if (req.is('application/json') || req.is('application/x-www-form-urlencoded')) {
    throw new AppError('VALIDATION_FAILED', { details: { 'content-type': 'Gửi tệp dưới dạng nội dung thô (application/octet-stream).' } });
  }
}
