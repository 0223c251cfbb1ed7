import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OfficeConverter } from './office-convert.js';
import { PdfInspector } from './pdf-inspector.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/', import.meta.url));
const DOCX = path.join(FIXTURES, 'vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.docx');
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
// Skipped only on a developer machine without LibreOffice; in CI (CI set) the conversion must run.
const withSoffice = hasSoffice || process.env.CI ? it : it.skip;

/** True once the process is gone or a zombie (killed, waiting to be reaped by init). */
async function diesWithin(pid: number, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (stat === null || /^\d+ \(.*\) Z/u.test(stat)) return true;
  }
  return false;
}

describe('OfficeConverter', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'office-convert-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  withSoffice('converts the Vietnamese DOCX to a PDF whose text keeps the diacritics', async () => {
    const out = path.join(dir, 'plan.pdf');
    const workRoot = path.join(dir, 'work');
    await import('node:fs/promises').then((fs) => fs.mkdir(workRoot));
    await new OfficeConverter({ tmpRoot: workRoot }).convert(DOCX, 'docx', out);
    expect((await readFile(out)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const result = await new PdfInspector().inspect(out);
    expect(result.pageCount).toBeGreaterThan(0);
    const text = result.pageTexts.join(' ');
    expect(text.includes('cải cách hành chính')).toBe(true);
    expect(text.includes('phòng họp không giấy')).toBe(true);
    expect(await readdir(workRoot)).toEqual([]); // work dir and profile removed
  }, 120_000);

  it('reports CONVERTER_UNAVAILABLE when the binary does not exist', async () => {
    const converter = new OfficeConverter({ sofficePath: path.join(dir, 'no-such-soffice') });
    await expect(converter.convert(DOCX, 'docx', path.join(dir, 'x.pdf'))).rejects.toMatchObject({
      code: 'CONVERTER_UNAVAILABLE',
      status: 503,
      message: expect.stringContaining('LibreOffice'),
    });
  });

  it('kills the whole process group on timeout → CONVERSION_TIMEOUT', async () => {
    // a "soffice" that starts a child and waits: the child must die with it
    const marker = path.join(dir, 'child.pid');
    const fake = path.join(dir, 'slow-soffice');
    await writeFile(fake, `#!/bin/sh\nsleep 30 &\necho $! > ${marker}\nwait\n`, { mode: 0o755 });
    const started = Date.now();
    await expect(
      new OfficeConverter({ sofficePath: fake, timeoutMs: 300 }).convert(DOCX, 'docx', path.join(dir, 'y.pdf')),
    ).rejects.toMatchObject({ code: 'CONVERSION_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5_000);
    const childPid = Number(await readFile(marker, 'utf8'));
    expect(await diesWithin(childPid, 2_000)).toBe(true);
  });

  it('reports CONVERSION_FAILED when soffice writes no PDF or fails', async () => {
    const silent = path.join(dir, 'silent-soffice');
    await writeFile(silent, '#!/bin/sh\necho "Error: source file could not be loaded"\nexit 0\n', { mode: 0o755 });
    await expect(new OfficeConverter({ sofficePath: silent }).convert(DOCX, 'docx', path.join(dir, 'z.pdf'))).rejects.toMatchObject({
      code: 'CONVERSION_FAILED',
    });
    await expect(new OfficeConverter({ sofficePath: '/bin/false' }).convert(DOCX, 'docx', path.join(dir, 'z.pdf'))).rejects.toMatchObject({
      code: 'CONVERSION_FAILED',
    });
  });

  it('hands soffice a safe ASCII copy of the input, never the uploaded name', async () => {
    const record = path.join(dir, 'args.txt');
    const spy = path.join(dir, 'spy-soffice');
    await writeFile(spy, `#!/bin/sh\nprintf '%s\\n' "$@" > ${record}\nexit 1\n`, { mode: 0o755 });
    const hostile = path.join(dir, '--outdir=$(reboot) Tờ trình.docx');
    await writeFile(hostile, await readFile(DOCX));
    await expect(new OfficeConverter({ sofficePath: spy }).convert(hostile, 'docx', path.join(dir, 'w.pdf'))).rejects.toMatchObject({
      code: 'CONVERSION_FAILED',
    });
    const args = (await readFile(record, 'utf8')).trim().split('\n');
    expect(args.at(-1)).toMatch(/\/in\/document\.docx$/u);
    expect(args.some((a) => a.startsWith('-env:UserInstallation=file:///'))).toBe(true);
  });

  it('runs one conversion at a time by default', async () => {
    const log = path.join(dir, 'concurrency.log');
    const fake = path.join(dir, 'logging-soffice');
    await writeFile(fake, `#!/bin/sh\necho start >> ${log}\nsleep 0.2\necho end >> ${log}\nexit 1\n`, { mode: 0o755 });
    const converter = new OfficeConverter({ sofficePath: fake });
    await Promise.allSettled([1, 2, 3].map((n) => converter.convert(DOCX, 'docx', path.join(dir, `c${n}.pdf`))));
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual(['start', 'end', 'start', 'end', 'start', 'end']);
  });
});
