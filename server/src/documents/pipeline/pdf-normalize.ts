import { randomUUID } from 'node:crypto';
import { rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runProcess } from './run-process.js';

export type NormalizeResult = { normalized: true } | { normalized: false; reason: string };

export interface PdfNormalizerOptions {
  /** The qpdf binary (a path, or a name looked up in PATH). */
  qpdfPath?: string;
  timeoutMs?: number;
}

/**
 * Rewrites an accepted PDF for fast first-page display: linearized ("fast web view": page 1's objects and
 * hint tables first, so pdf.js with HTTP Range shows page 1 after a small prefix) with object streams
 * (many small objects packed and compressed).
 *
 * Measured with qpdf 11.3 (first_page_end = bytes needed before page 1 can show; file size):
 *   tracemonkey  --linearize 108 278 B (1 003 094 B) │ + --object-streams=generate 100 762 B (961 890 B)
 *   freeculture  --linearize 281 729 B (2 621 319 B) │ + --object-streams=generate 279 855 B (2 535 414 B)
 *   Vietnamese plan          135 606 B (  212 743 B) │                             131 166 B (  189 605 B)
 * so object streams give both the smaller prefix and the smaller file; they need PDF 1.5 readers (all
 * current ones). Failure is never fatal: the caller keeps serving the original.
 */
export class PdfNormalizer {
  private readonly qpdfPath: string;
  private readonly timeoutMs: number;

  constructor(options: PdfNormalizerOptions = {}) {
    this.qpdfPath = options.qpdfPath ?? 'qpdf';
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  /**
   * Writes the normalised copy of `inPath` to `outPath`. With `password`, the copy is also decrypted, so
   * meeting participants can view it without the password. With `expectedPages` (pdf.js's count), a copy
   * whose page count differs (qpdf repaired a damaged file differently) is rejected.
   */
  async normalize(
    inPath: string,
    outPath: string,
    options: { password?: string; expectedPages?: number } = {},
  ): Promise<NormalizeResult> {
    const input = path.resolve(inPath); // absolute: an argument starting with - or @ would be an option to qpdf
    const output = path.resolve(outPath);
    // The password goes through a 0600 file, not argv, which every local user can read in `ps`.
    const passwordFile = options.password ? path.join(os.tmpdir(), `qpdf-pw-${randomUUID()}`) : null;
    try {
      // --deterministic-id: the same input gives the same bytes (qpdf otherwise mixes the time into /ID),
      // so re-uploads of a file deduplicate in the blob store.
      const args = ['--deterministic-id', '--object-streams=generate', '--linearize'];
      if (passwordFile) {
        await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
        args.push(`--password-file=${passwordFile}`, '--decrypt');
      }
      args.push(input, output);
      let outcome;
      try {
        outcome = await runProcess(this.qpdfPath, args, { timeoutMs: this.timeoutMs });
      } catch (err) {
        return this.fail(output, `qpdf could not start: ${(err as Error).message}`);
      }
      if (outcome.timedOut) return this.fail(output, `qpdf timed out after ${this.timeoutMs} ms`);
      // 0 = success, 3 = success with warnings (damaged input repaired); the output is written in both cases.
      if (outcome.exitCode !== 0 && outcome.exitCode !== 3) {
        return this.fail(output, `qpdf exited with ${outcome.exitCode ?? outcome.signal}: ${outcome.output.trim().slice(-500)}`);
      }
      const size = await stat(output).then((s) => s.size, () => 0);
      if (size === 0) return this.fail(output, 'qpdf wrote no output');
      if (options.expectedPages !== undefined) {
        const pages = await this.countPages(output);
        if (pages !== options.expectedPages) {
          return this.fail(output, `qpdf output has ${pages} pages, pdf.js read ${options.expectedPages}`);
        }
      }
      return { normalized: true };
    } finally {
      if (passwordFile) await rm(passwordFile, { force: true });
    }
  }

  /** qpdf's page count (≈10 ms), or null if it cannot tell. */
  async countPages(filePath: string): Promise<number | null> {
    try {
      const outcome = await runProcess(this.qpdfPath, ['--show-npages', path.resolve(filePath)], { timeoutMs: this.timeoutMs });
      if (outcome.exitCode !== 0 && outcome.exitCode !== 3) return null;
      const match = /^\s*(\d+)\s*$/mu.exec(outcome.output);
      return match ? Number(match[1]) : null;
    } catch {
      return null;
    }
  }

  private async fail(output: string, reason: string): Promise<NormalizeResult> {
    await rm(output, { force: true });
    return { normalized: false, reason };
  }
}
