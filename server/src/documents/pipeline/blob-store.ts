import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../common/app-error.js';

/** A file written into the store's temp area, hashed, not yet visible under its hash. */
export interface TempBlob {
  tmpPath: string;
  sha256: string;
  size: number;
}

const SHA256_HEX = /^[0-9a-f]{64}$/u;
const TEMP_SUFFIX = '.part';

/**
 * Content-addressed files on local disk: `<root>/sha256/ab/cd/<hex>`. Identical uploads share one blob;
 * blobs are immutable (written once, read-only). Temp files live in `<root>/tmp` on the same file system,
 * so committing is an atomic rename and a reader never sees a half-written blob. The store does not count
 * references: whoever owns the metadata decides when `remove` is safe.
 */
export class BlobStore {
  readonly tmpDir: string;
  private readonly blobDir: string;

  constructor(readonly root: string) {
    this.root = path.resolve(root);
    this.tmpDir = path.join(this.root, 'tmp');
    this.blobDir = path.join(this.root, 'sha256');
  }

  async init(): Promise<void> {
    await mkdir(this.tmpDir, { recursive: true });
    await mkdir(this.blobDir, { recursive: true });
  }

  /** A fresh temp path inside the store (nothing is created), for tools that write their own output. */
  tempPath(): string {
    return path.join(this.tmpDir, `${randomUUID()}${TEMP_SUFFIX}`);
  }

  /**
   * Streams `input` to a temp file while hashing it, never holding the whole file in memory. Past `maxBytes`
   * it stops at once with FILE_TOO_LARGE and deletes the partial file.
   */
  async writeStream(input: Readable | AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<TempBlob> {
    await this.init();
    const tmpPath = this.tempPath();
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > options.maxBytes) {
          callback(new AppError('FILE_TOO_LARGE'));
          return;
        }
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      await pipeline(input, meter, createWriteStream(tmpPath, { flags: 'wx', mode: 0o600 }));
    } catch (err) {
      await rm(tmpPath, { force: true });
      throw err;
    }
    return { tmpPath, sha256: hash.digest('hex'), size };
  }

  /** Copies a file from anywhere into the temp area (hashing on the way). */
  async importFile(filePath: string, options: { maxBytes?: number } = {}): Promise<TempBlob> {
    return this.writeStream(createReadStream(filePath), { maxBytes: options.maxBytes ?? Number.MAX_SAFE_INTEGER });
  }

  /** Hashes a file already in the temp area (e.g. written there by qpdf or LibreOffice). */
  async hashTemp(tmpPath: string): Promise<TempBlob> {
    this.assertTemp(tmpPath);
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of createReadStream(tmpPath) as AsyncIterable<Buffer>) {
      size += chunk.length;
      hash.update(chunk);
    }
    return { tmpPath, sha256: hash.digest('hex'), size };
  }

  /**
   * Takes ownership of an uploaded file: a temp of this store is hashed in place, a file elsewhere (another
   * file system, e.g. the OS temp dir) is copied in and left for its owner to delete.
   */
  async adopt(filePath: string): Promise<TempBlob> {
    return this.isTemp(filePath) ? this.hashTemp(filePath) : this.importFile(filePath);
  }

  /** Publishes a temp file under its hash (atomic rename); if that blob exists already, drops the temp. */
  async commit(tmpPath: string, sha256: string): Promise<string> {
    this.assertTemp(tmpPath);
    const finalPath = this.path(sha256);
    if (await this.exists(sha256)) {
      await rm(tmpPath, { force: true });
      return finalPath;
    }
    await mkdir(path.dirname(finalPath), { recursive: true });
    await chmod(tmpPath, 0o444);
    // Two concurrent commits of the same content both rename: the second replaces identical bytes, harmless.
    await rename(tmpPath, finalPath);
    return finalPath;
  }

  /** Deletes a temp file (no error if it is gone). */
  async discard(tmpPath: string): Promise<void> {
    this.assertTemp(tmpPath);
    await rm(tmpPath, { force: true });
  }

  /** Where the blob of a hash lives. Throws on anything but 64 lower-case hex digits: it is used in a path. */
  path(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new AppError('VALIDATION_FAILED', { message: 'Invalid blob hash' });
    return path.join(this.blobDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.path(sha256))).isFile();
    } catch {
      return false;
    }
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.path(sha256), { force: true });
  }

  /**
   * Deletes temp files older than `maxAgeMs` (left by a crash or a killed request). Run at start-up and
   * periodically; the default age is well above the longest upload plus conversion.
   */
  async cleanupTemp(maxAgeMs = 6 * 60 * 60 * 1000, now = Date.now()): Promise<number> {
    let removed = 0;
    let entries: string[];
    try {
      entries = await readdir(this.tmpDir);
    } catch {
      return 0;
    }
    for (const name of entries) {
      const file = path.join(this.tmpDir, name);
      try {
        const info = await stat(file);
        if (now - info.mtimeMs < maxAgeMs) continue;
        if (info.isDirectory()) await rm(file, { recursive: true, force: true });
        else await unlink(file);
        removed++;
      } catch {
        // vanished meanwhile, or not ours to delete: skip
      }
    }
    return removed;
  }

  isTemp(filePath: string): boolean {
    const resolved = path.resolve(filePath);
    return path.dirname(resolved) === this.tmpDir && resolved.endsWith(TEMP_SUFFIX);
  }

  private assertTemp(tmpPath: string): void {
    if (!this.isTemp(tmpPath)) throw new Error(`Not a temp file of this blob store: ${tmpPath}`);
  }
}
