import type { Response } from 'express';
import { contentDisposition } from '../documents/pipeline/file-name.js';

/** A private download: its type, its (Vietnamese) file name in both RFC 6266 forms, never cached; `headers` add to it. */
export function sendAttachment(res: Response, contentType: string, fileName: string, body: Buffer, headers: Record<string, string> = {}): void {
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', contentDisposition(fileName));
  res.setHeader('Cache-Control', 'private, no-store');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.send(body);
}
