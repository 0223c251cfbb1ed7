import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BlobStore } from './blob-store.js';

const sha = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

describe('BlobStore', () => {
  let root: string;
  let store: BlobStore;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'blob-store-'));
    store = new BlobStore(root);
    await store.init();
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('streams to a temp file while hashing, then commits under <root>/sha256/ab/cd/<hex>', async () => {
    const chunks = Array.from({ length: 64 }, (_, i) => Buffer.alloc(16 * 1024, i));
    const all = Buffer.concat(chunks);
    const temp = await store.writeStream(Readable.from(chunks), { maxBytes: all.length });
    expect(temp).toMatchObject({ sha256: sha(all), size: all.length });
    expect(path.dirname(temp.tmpPath)).toBe(path.join(root, 'tmp'));

    const final = await store.commit(temp.tmpPath, temp.sha256);
    expect(final).toBe(path.join(root, 'sha256', temp.sha256.slice(0, 2), temp.sha256.slice(2, 4), temp.sha256));
    expect(final).toBe(store.path(temp.sha256));
    expect((await readFile(final)).equals(all)).toBe(true);
    expect((await stat(final)).mode & 0o222).toBe(0); // immutable
    expect(await store.exists(temp.sha256)).toBe(true);
    expect(await readdir(path.join(root, 'tmp'))).toEqual([]);
  });

  it('stops reading as soon as the limit is passed and leaves no file', async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield Buffer.alloc(1024, 1);
      }
    }
    await expect(store.writeStream(source(), { maxBytes: 10 * 1024 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
    expect(pulled).toBeLessThan(20);
    expect(await readdir(path.join(root, 'tmp'))).toEqual([]);
    expect(await readdir(path.join(root, 'sha256'))).toEqual([]);
  });

  it('accepts exactly maxBytes', async () => {
    const temp = await store.writeStream(Readable.from([Buffer.alloc(100)]), { maxBytes: 100 });
    expect(temp.size).toBe(100);
  });

  it('stores identical content once', async () => {
    const a = await store.writeStream(Readable.from([Buffer.from('same bytes')]), { maxBytes: 1000 });
    const b = await store.writeStream(Readable.from([Buffer.from('same '), Buffer.from('bytes')]), { maxBytes: 1000 });
    expect(a.tmpPath).not.toBe(b.tmpPath);
    expect(b.sha256).toBe(a.sha256);
    const p1 = await store.commit(a.tmpPath, a.sha256);
    const p2 = await store.commit(b.tmpPath, b.sha256);
    expect(p2).toBe(p1);
    expect(await readdir(path.join(root, 'tmp'))).toEqual([]);
    expect(await readdir(path.dirname(p1))).toEqual([a.sha256]);
  });

  it('adopts a file from elsewhere by copying it in, and a temp of its own in place', async () => {
    const outside = path.join(root, 'upload.bin');
    await writeFile(outside, 'hello');
    const copied = await store.adopt(outside);
    expect(copied.sha256).toBe(sha('hello'));
    expect(store.isTemp(copied.tmpPath)).toBe(true);
    const again = await store.adopt(copied.tmpPath);
    expect(again).toEqual(copied);
  });

  it('removes blobs and refuses anything but a sha256 as a path', async () => {
    const t = await store.writeStream(Readable.from([Buffer.from('x')]), { maxBytes: 10 });
    await store.commit(t.tmpPath, t.sha256);
    await store.remove(t.sha256);
    expect(await store.exists(t.sha256)).toBe(false);
    expect(() => store.path('../../etc/passwd')).toThrow();
    expect(() => store.path('A'.repeat(64))).toThrow();
    await expect(store.commit(path.join(root, 'elsewhere.part'), t.sha256)).rejects.toThrow(/Not a temp file/u);
  });

  it('cleans up stale temp files only', async () => {
    const fresh = store.tempPath();
    const stale = store.tempPath();
    await writeFile(fresh, 'new');
    await writeFile(stale, 'old');
    const old = new Date(Date.now() - 7 * 60 * 60 * 1000);
    await utimes(stale, old, old);
    expect(await store.cleanupTemp()).toBe(1);
    expect(await readdir(path.join(root, 'tmp'))).toEqual([path.basename(fresh)]);
  });
});
