import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ErrorCode } from '@phonghop/shared';
import { AppError } from '../../common/app-error.js';
import { Semaphore } from './semaphore.js';

export interface PdfInspection {
  pageCount: number;
  /** The file is encrypted (it needed a password, or only has an owner password). */
  encrypted: boolean;
  /** Text of each page (items joined, whitespace collapsed, NFC); '' for a page whose text could not be read. */
  pageTexts: string[];
  title?: string;
}

export interface PdfInspectorOptions {
  /** Wall-clock limit per document; the worker is terminated past it (PDF_TOO_COMPLEX). */
  timeoutMs?: number;
  /** V8 heap limit of the worker thread. */
  maxOldGenerationSizeMb?: number;
  /** Workers at once; the rest queue. Each may take up to its heap limit plus the file's bytes. */
  concurrency?: number;
  /** Total text kept per document (UTF-16 code units); later pages get ''. */
  maxTextChars?: number;
}

type WorkerReply =
  | { ok: true; result: PdfInspection }
  | { ok: false; kind: 'password-needed' | 'password-wrong' | 'invalid'; message: string };

/**
 * The worker entry, next to this module both in src/ (Jest, dev) and in dist/ (copied by
 * scripts/copy-assets.mjs, since SWC compiles only .ts).
 */
export const PDF_INSPECT_WORKER = fileURLToPath(new URL('./pdf-inspect.worker.mjs', import.meta.url));

const WORKER_STARTUP_FAILURES = new Set(['ERR_MODULE_NOT_FOUND', 'ERR_WORKER_PATH', 'ERR_WORKER_INIT_FAILED']);

function appError(code: ErrorCode, cause?: unknown): AppError {
  const error = new AppError(code);
  if (cause !== undefined) error.cause = cause;
  return error;
}

/**
 * Opens PDFs with pdf.js in a fresh worker thread per document (≈150 ms to start), so a hostile file can
 * only exhaust that thread's heap or time budget, never the server's.
 */
export class PdfInspector {
  private readonly timeoutMs: number;
  private readonly maxOldGenerationSizeMb: number;
  private readonly maxTextChars: number;
  private readonly slots: Semaphore;

  constructor(options: PdfInspectorOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxOldGenerationSizeMb = options.maxOldGenerationSizeMb ?? 512;
    this.maxTextChars = options.maxTextChars ?? 2_000_000;
    this.slots = new Semaphore(options.concurrency ?? 2);
  }

  /**
   * Throws AppError PDF_ENCRYPTED (password needed), PDF_PASSWORD_WRONG, PDF_INVALID (not a PDF, or too
   * damaged for pdf.js) or PDF_TOO_COMPLEX (time or memory limit).
   */
  inspect(filePath: string, options: { password?: string } = {}): Promise<PdfInspection> {
    const job = { filePath: path.resolve(filePath), password: options.password || undefined, maxTextChars: this.maxTextChars };
    return this.slots.run(() => this.runWorker(job));
  }

  private runWorker(job: { filePath: string; password?: string; maxTextChars: number }): Promise<PdfInspection> {
    return new Promise<PdfInspection>((resolve, reject) => {
      let settled = false;
      const worker = new Worker(PDF_INSPECT_WORKER, {
        workerData: job,
        resourceLimits: { maxOldGenerationSizeMb: this.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 64 },
        stdout: false,
        stderr: false,
      });
      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
        // The worker ends by itself after replying; terminate also covers the timeout and error paths.
        void worker.terminate();
      };
      const timer = setTimeout(
        () => finish(() => reject(appError('PDF_TOO_COMPLEX', new Error(`pdf.js took more than ${this.timeoutMs} ms`)))),
        this.timeoutMs,
      );
      worker.once('message', (reply: WorkerReply) =>
        finish(() => {
          if (reply.ok) resolve(reply.result);
          else if (reply.kind === 'password-needed') reject(appError('PDF_ENCRYPTED'));
          else if (reply.kind === 'password-wrong') reject(appError('PDF_PASSWORD_WRONG'));
          else reject(appError('PDF_INVALID', new Error(reply.message)));
        }),
      );
      worker.once('error', (err: Error & { code?: string }) =>
        finish(() => {
          // Out of heap (ERR_WORKER_OUT_OF_MEMORY) or a crash inside pdf.js: the document is too much for us.
          // A worker that could not even start is our fault, not the document's.
          reject(appError(err.code && WORKER_STARTUP_FAILURES.has(err.code) ? 'INTERNAL_ERROR' : 'PDF_TOO_COMPLEX', err));
        }),
      );
      worker.once('exit', (exitCode) =>
        finish(() => reject(appError('PDF_TOO_COMPLEX', new Error(`pdf.js worker exited with code ${exitCode}`)))),
      );
    });
  }
}
