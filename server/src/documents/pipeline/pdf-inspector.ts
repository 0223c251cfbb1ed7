import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
  /** Wall-clock limit per document; the child process is killed past it (PDF_TOO_COMPLEX). */
  timeoutMs?: number;
  /** V8 old-space limit of the child process (--max-old-space-size). */
  maxOldGenerationSizeMb?: number;
  /** Child processes at once; the rest queue. Each may take up to its heap limit plus the file's bytes. */
  concurrency?: number;
  /** Total text kept per document (UTF-16 code units); later pages get ''. */
  maxTextChars?: number;
}

type WorkerReply =
  | { ok: true; result: PdfInspection }
  | { ok: false; kind: 'password-needed' | 'password-wrong' | 'invalid' | 'internal'; message: string };

/**
 * The worker entry, next to this module both in src/ (Jest, dev) and in dist/ (copied by
 * scripts/copy-assets.mjs, since SWC compiles only .ts).
 */
export const PDF_INSPECT_WORKER = fileURLToPath(new URL('./pdf-inspect.worker.mjs', import.meta.url));

/** V8's young generation per semi-space of the child (MB); pdf.js allocates mostly short-lived objects. */
const SEMI_SPACE_MB = 32;

function appError(code: ErrorCode, cause?: unknown): AppError {
  const error = new AppError(code);
  if (cause !== undefined) error.cause = cause;
  return error;
}

/**
 * Opens PDFs with pdf.js in a fresh child process per document (child_process.fork of a plain .mjs entry,
 * IPC), so a hostile file can only exhaust that process's heap or time budget, never the server's: an
 * out-of-heap in a worker_thread could abort the whole server, and the file's bytes (pdf.js holds the whole
 * file) would count against the server's RSS. With the child, the server's peak RSS does not grow with the
 * file's size (bench/upload: peak_rss_mb vs peak_child_rss_mb).
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
      let ready = false;
      let child: ChildProcess;
      try {
        child = fork(PDF_INSPECT_WORKER, [], {
          // Explicit: the default would inherit the server's own flags (--experimental-vm-modules under Jest,
          // --inspect…). The heap limit makes V8 abort this process, never the server, on a hostile file.
          execArgv: [`--max-old-space-size=${this.maxOldGenerationSizeMb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`],
          stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
          serialization: 'advanced', // page texts of a large document are megabytes: structured clone, not JSON
        });
      } catch (err) {
        reject(appError('INTERNAL_ERROR', err));
        return;
      }
      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
        // The child leaves by itself after replying; the kill also covers the timeout and error paths.
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      };
      const timer = setTimeout(
        () => finish(() => reject(appError('PDF_TOO_COMPLEX', new Error(`pdf.js took more than ${this.timeoutMs} ms`)))),
        this.timeoutMs,
      );
      child.on('message', (message: WorkerReply | { ready: true }) => {
        if ('ready' in message) {
          ready = true;
          child.send(job, () => undefined); // a failed send ends in 'close' below
          return;
        }
        const reply = message;
        finish(() => {
          if (reply.ok) resolve(reply.result);
          else if (reply.kind === 'password-needed') reject(appError('PDF_ENCRYPTED'));
          else if (reply.kind === 'password-wrong') reject(appError('PDF_PASSWORD_WRONG'));
          else if (reply.kind === 'internal') reject(appError('INTERNAL_ERROR', new Error(reply.message)));
          else reject(appError('PDF_INVALID', new Error(reply.message)));
        });
      });
      // The process could not be spawned at all (EAGAIN, ENOMEM, a missing node binary): our fault.
      child.once('error', (err) => finish(() => reject(appError('INTERNAL_ERROR', err))));
      // 'close', not 'exit': it comes after the IPC channel has delivered everything, so a reply sent just
      // before exiting is never mistaken for a crash.
      child.once('close', (exitCode, signal) =>
        finish(() => {
          const error = new Error(`pdf.js process exited with ${exitCode ?? signal}`);
          // Gone before it even loaded its entry (a missing worker file, a bad flag): our fault. After that,
          // out of heap (V8 aborts: SIGABRT / 134) or a crash inside pdf.js: the document is too much for us.
          reject(appError(ready ? 'PDF_TOO_COMPLEX' : 'INTERNAL_ERROR', error));
        }),
      );
    });
  }
}
