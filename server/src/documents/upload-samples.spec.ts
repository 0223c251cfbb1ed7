import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DocumentDto } from '@phonghop/shared';
import { FakeClock } from '../common/clock.js';
import { Fixtures, json } from '../testing/factories.js';
import { FIXTURES } from '../testing/fixture-files.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Every sample of ../shared/samples (copied to test/fixtures) through the real upload endpoint, with the
 * outcome the samples README asks for; the server must answer each and stay up.
 * Page counts agree between pdf.js, `qpdf --show-npages` and `pdfinfo`.
 */
const EXPECTED: Array<[file: string, outcome: { pages: number } | { status: number; code: string }, password?: string]> = [
  ['pdfs/tracemonkey.pdf', { pages: 14 }],
  ['pdfs/freeculture.pdf', { pages: 352 }],
  ['pdfs/annotation-highlight.pdf', { pages: 1 }],
  ['pdfs/annotation-freetext.pdf', { pages: 1 }],
  ['pdfs/evaljs.pdf', { pages: 2 }],
  ['pdfs/js-buttons.pdf', { pages: 1 }],
  ['pdfs/bomb_giant.pdf', { pages: 1 }],
  ['pdfs/GHOSTSCRIPT-698804-1-fuzzed.pdf', { pages: 1 }],
  ['pdfs/PDFBOX-3148-2-fuzzed.pdf', { pages: 1 }],
  ['pdfs/helloworld-bad.pdf', { pages: 1 }],
  ['pdfs/scan-bad.pdf', { pages: 1 }],
  ['pdfs/pdfjsbad1586.pdf', { pages: 1 }],
  ['pdfs/poppler-395-0-fuzzed.pdf', { status: 422, code: 'PDF_INVALID' }],
  ['pdfs/issue6010_1.pdf', { status: 422, code: 'PDF_ENCRYPTED' }],
  ['pdfs/issue6010_1.pdf', { pages: 1 }, 'abc'],
  ['pdfs/issue3371.pdf', { status: 422, code: 'PDF_ENCRYPTED' }],
  ['pdfs/issue3371.pdf', { status: 422, code: 'PDF_PASSWORD_WRONG' }, 'sai-mat-khau'],
  ['pdfs/issue3371.pdf', { pages: 1 }, 'ELXRTQWS'],
  ['hostile/empty.pdf', { status: 422, code: 'FILE_EMPTY' }],
  ['hostile/not-a-pdf.pdf', { status: 415, code: 'FILE_TYPE_NOT_SUPPORTED' }],
  ['hostile/png-named.pdf', { status: 415, code: 'FILE_TYPE_NOT_SUPPORTED' }],
  ['hostile/truncated.pdf', { status: 422, code: 'PDF_INVALID' }],
  ['hostile/pdf-header-html-body.pdf', { status: 422, code: 'PDF_INVALID' }],
];

describe('uploading every sample through the API', () => {
  let t: TestApp;
  let f: Fixtures;
  let meetingId: string;
  beforeAll(async () => {
    t = await startTestApp({ clock: new FakeClock() });
    f = await Fixtures.create(t);
    meetingId = (await f.meeting()).id;
  });
  afterAll(() => t.close());

  it('covers every sample file', () => {
    const onDisk = ['pdfs', 'hostile'].flatMap((dir) => fs.readdirSync(path.join(FIXTURES, dir)).map((n) => `${dir}/${n}`));
    expect([...new Set(EXPECTED.map(([file]) => file))].sort()).toEqual(onDisk.sort());
  });

  // Every row has three cells: with two, Jest would take the third parameter for a `done` callback and wait.
  const rows = EXPECTED.map(([file, outcome, password]) => [file, outcome, password ?? ''] as const);
  it.each(rows)('%s → %j (password "%s")', async (file, outcome, password) => {
    const before = await json<DocumentDto[]>(await t.request('GET', `/api/meetings/${meetingId}/documents`, { cookie: f.secretary }));
    const res = await t.request('POST', `/api/meetings/${meetingId}/documents`, {
      cookie: f.secretary,
      body: fs.readFileSync(path.join(FIXTURES, file)),
      headers: {
        'content-type': 'application/pdf',
        'x-file-name': encodeURIComponent(path.basename(file)),
        'x-document-metadata': encodeURIComponent(JSON.stringify({ docType: 'tai_lieu_khac', summary: `Mẫu ${file}` })),
        ...(password ? { 'x-pdf-password': encodeURIComponent(password) } : {}),
      },
    });
    const body = (await res.json()) as DocumentDto & { code: string; message: string };
    const after = await json<DocumentDto[]>(await t.request('GET', `/api/meetings/${meetingId}/documents`, { cookie: f.secretary }));
    if ('pages' in outcome) {
      expect(res.status).toBe(201);
      expect(body.current.pageCount).toBe(outcome.pages);
      expect(after).toHaveLength(before.length + 1);
    } else {
      expect({ status: res.status, code: body.code }).toEqual(outcome);
      expect(body.message).toMatch(/[àáảãạâăđêôơư]/); // a Vietnamese sentence, not a stack trace
      expect(after).toHaveLength(before.length); // nothing stored, nothing else changed
    }
    expect((await t.request('GET', '/api/health')).status).toBe(200);
  }, 60_000);

  it('left no temporary upload behind', () => {
    const tmp = path.join(t.config.filesDir, 'tmp');
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([]);
  });
});
