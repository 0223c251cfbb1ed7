import { copyFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ErrorCode } from '@phonghop/shared';
import { AppError } from '../../common/app-error.js';
import { type OfficeKind } from './file-kind.js';
import { runProcess } from './run-process.js';
import { Semaphore } from './semaphore.js';

export interface OfficeConverterOptions {
  /** The LibreOffice binary (a path, or a name looked up in PATH); injectable for tests. */
  sofficePath?: string;
  timeoutMs?: number;
  /** Conversions at once (each soffice takes ~200–400 MB); the rest queue. */
  concurrency?: number;
  /** Where per-conversion work directories are created. */
  tmpRoot?: string;
}

function appError(code: ErrorCode, cause?: unknown): AppError {
  const error = new AppError(code);
  if (cause !== undefined) error.cause = cause;
  return error;
}

/**
 * Word/ODT/Excel/PowerPoint → PDF with headless LibreOffice. Each conversion gets its own work directory
 * and its own LibreOffice profile (-env:UserInstallation): instances sharing a profile block on its lock,
 * and a second soffice on a busy profile silently hands the job to the first one and exits. Documents are
 * converted without running their macros (LibreOffice's default security level in a fresh profile).
 */
export class OfficeConverter {
  private readonly sofficePath: string;
  private readonly timeoutMs: number;
  private readonly tmpRoot: string;
  private readonly slots: Semaphore;

  constructor(options: OfficeConverterOptions = {}) {
    this.sofficePath = options.sofficePath ?? 'soffice';
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.tmpRoot = options.tmpRoot ?? os.tmpdir();
    this.slots = new Semaphore(options.concurrency ?? 1);
  }

  /**
   * Converts `inputPath` (of the sniffed `kind`) and writes the PDF to `outPath`. Throws
   * CONVERTER_UNAVAILABLE, CONVERSION_TIMEOUT or CONVERSION_FAILED.
   */
  convert(inputPath: string, kind: OfficeKind, outPath: string): Promise<void> {
    return this.slots.run(() => this.convertNow(inputPath, kind, outPath));
  }

  private async convertNow(inputPath: string, kind: OfficeKind, outPath: string): Promise<void> {
    const work = await mkdtemp(path.join(this.tmpRoot, 'phonghop-soffice-'));
    try {
      const inDir = path.join(work, 'in');
      const outDir = path.join(work, 'out');
      await mkdir(inDir);
      await mkdir(outDir);
      // A fixed ASCII name: the uploader's name may hold quotes, `-` prefixes or non-ASCII that soffice mangles.
      // The extension tells LibreOffice which import filter to use.
      const input = path.join(inDir, `document.${kind}`);
      await copyFile(inputPath, input);
      const args = [
        `-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`,
        '--headless',
        '--invisible',
        '--nodefault',
        '--nolockcheck',
        '--nologo',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        input,
      ];
      let outcome;
      try {
        // HOME inside the work dir: nothing of LibreOffice's lands in the service account's home.
        outcome = await runProcess(this.sofficePath, args, {
          timeoutMs: this.timeoutMs,
          cwd: work,
          env: { ...process.env, HOME: work },
        });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw appError(code === 'ENOENT' || code === 'EACCES' ? 'CONVERTER_UNAVAILABLE' : 'CONVERSION_FAILED', err);
      }
      if (outcome.timedOut) {
        throw appError('CONVERSION_TIMEOUT', new Error(`soffice took more than ${this.timeoutMs} ms`));
      }
      const produced = path.join(outDir, 'document.pdf');
      const size = await stat(produced).then((s) => s.size, () => 0);
      // soffice exits 0 even when it could not load the file ("Error: source file could not be loaded").
      if (outcome.exitCode !== 0 || size === 0) {
        throw appError(
          'CONVERSION_FAILED',
          new Error(`soffice exited with ${outcome.exitCode ?? outcome.signal}, output ${size} B: ${outcome.output.trim().slice(-500)}`),
        );
      }
      await copyFile(produced, outPath);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
}
