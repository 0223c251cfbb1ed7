import { randomUUID } from 'node:crypto';
import { rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runProcess } from './run-process.js';

/** How the copy is laid out: see PdfNormalizer and FLAT_TREE_KIDS. */
export type NormalizeLayout = 'linearized' | 'object-streams';

export type NormalizeResult = { normalized: true; layout?: NormalizeLayout } | { normalized: false; reason: string };

/**
 * Above this many direct /Kids of the root /Pages node, the page tree is "flat" (LibreOffice and many
 * generators put every page directly under the root) and the copy is written with object streams but NOT
 * linearized. pdf.js opens a document with checkLastPage() → Catalog.getPageDict(), which fetches every
 * direct kid of the root; a balanced tree has a handful (tracemonkey 3, freeculture 5), a flat one has one
 * per page. 32 kids × 64 KiB ranges would already be 2 MB before page 1 when they are scattered.
 */
export const FLAT_TREE_KIDS = 32;

export interface PdfNormalizerOptions {
  /** The qpdf binary (a path, or a name looked up in PATH). */
  qpdfPath?: string;
  timeoutMs?: number;
}

/**
 * Rewrites an accepted PDF for fast first-page display with pdf.js reading by HTTP Range, choosing the
 * layout per file from the shape of its page tree:
 *
 * - balanced page tree (≤ FLAT_TREE_KIDS direct kids of the root /Pages): linearized ("fast web view":
 *   page 1's objects first) with object streams (many small objects packed and compressed);
 * - flat page tree (more kids): object streams only, NOT linearized. pdf.js ignores the hint tables and
 *   fetches every root kid before page 1 (checkLastPage); a linearized file must keep each page's
 *   dictionary in that page's own section, next to its content, so each costs its own 64 KiB range, while
 *   without linearization qpdf packs the page dictionaries together into a few object streams.
 *
 * Measured with bench/first-page (Chromium + the client's pdf.js, rangeChunkSize 64 KiB, bytes before
 * page 1 is drawn / file size):
 *   flat tree, 200 pages, 52 MB   --linearize + object streams 25.5 % (12.8 MB, 204 requests)
 *                                 object streams only           0.64 % (335 KB, 5 requests)
 *   freeculture (5 root kids)     --linearize + object streams 17.3 %
 *                                 object streams only          26.5 %
 * Re-run with this per-file choice: flat tree 0.64 % (335 464 B, 5 requests, page 1 in 155 ms vs 3.8 s);
 * freeculture, still linearized, 17.3 % (438 262 B, 6 requests). freeculture cannot reach 10 % with any
 * layout: qpdf's first-page section alone (page 1 with its 268 KB cover image) is 279 855 B = 11 % of it.
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
      const passwordArgs: string[] = [];
      if (passwordFile) {
        await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
        passwordArgs.push(`--password-file=${passwordFile}`);
      }
      const kids = await this.rootKidCount(input, passwordArgs);
      const layout: NormalizeLayout = kids !== null && kids > FLAT_TREE_KIDS ? 'object-streams' : 'linearized';
      const args = ['--deterministic-id', '--object-streams=generate'];
      args.push(...(layout === 'linearized' ? ['--linearize'] : ['--compress-streams=y']));
      if (passwordFile) args.push(...passwordArgs, '--decrypt');
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
      return { normalized: true, layout };
    } finally {
      if (passwordFile) await rm(passwordFile, { force: true });
    }
  }

  /**
   * Number of direct /Kids of the root /Pages node, or null if qpdf cannot tell (then: linearize, as before).
   * Three `qpdf --show-object` runs (trailer → /Root catalog → /Pages), a few ms each even on a 200 MB file:
   * qpdf reads the xref and only the objects asked for.
   */
  async rootKidCount(filePath: string, passwordArgs: readonly string[] = []): Promise<number | null> {
    const input = path.resolve(filePath);
    const show = async (object: string): Promise<string | null> => {
      try {
        const outcome = await runProcess(this.qpdfPath, [...passwordArgs, `--show-object=${object}`, input], { timeoutMs: this.timeoutMs });
        return outcome.exitCode === 0 || outcome.exitCode === 3 ? outcome.output : null;
      } catch {
        return null;
      }
    };
    const ref = (text: string | null, key: string): string | null => {
      const match = text === null ? null : new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R\\b`, 'u').exec(text);
      return match ? `${match[1]},${match[2]}` : null;
    };
    const root = ref(await show('trailer'), 'Root');
    const pages = root && ref(await show(root), 'Pages');
    const node = pages && (await show(pages));
    if (!node) return null;
    // qpdf prints the dictionary on one line: << /Count 200 /Kids [ 3 0 R 6 0 R … ] /Type /Pages >>
    const kids = /\/Kids\s*\[([^\]]*)\]/u.exec(node);
    if (!kids) return null;
    return kids[1].match(/\d+\s+\d+\s+R\b/gu)?.length ?? 0;
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
