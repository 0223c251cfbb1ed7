// Worker-thread entry that opens one PDF with pdf.js and reports its page count and text.
// Plain .mjs on purpose: Jest does not transform a worker thread's TypeScript, and the server build (SWC)
// does not compile it either — scripts/copy-assets.mjs copies it into dist/ beside pdf-inspector.js.
// It runs in its own thread with resourceLimits, so a hostile PDF can only exhaust this thread; the parent
// terminates it on timeout. Text only: nothing is rendered, so giant image streams are never decoded.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

// pdfjs-dist 6 targets Node >= 22. On Node 20 these two are missing; without the second one pdf.js silently
// drops operators. They must exist before pdf.js is evaluated, hence the dynamic import below.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
if (typeof ArrayBuffer.prototype.transferToFixedLength !== 'function') {
  // A copy instead of a real transfer: same contents, the source is simply left for the GC.
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value: function transferToFixedLength(length = this.byteLength) {
      const out = new ArrayBuffer(length);
      new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
      return out;
    },
  });
}

/** @typedef {{ filePath: string, password?: string, maxTextChars: number }} Job */

const PDFJS_ENTRY = 'pdfjs-dist/legacy/build/pdf.mjs';
// pdfjs-dist's root directory (standard_fonts/, cmaps/, wasm/, iccs/), wherever npm installed it.
const PDFJS_ROOT = fileURLToPath(new URL('../../', import.meta.resolve(PDFJS_ENTRY)));

/** Joins a page's text items and normalises whitespace and Unicode (NFC: Vietnamese precomposed letters). */
function pageText(content) {
  let s = '';
  for (const item of content.items) {
    if (typeof item.str !== 'string') continue; // marked-content markers carry no text
    s += item.str;
    if (item.hasEOL) s += ' ';
  }
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** pdf.js errors cross the fake-worker boundary as plain objects: classify them by name and code. */
function classify(err) {
  const name = err?.name ?? '';
  const message = String(err?.message ?? err);
  if (name === 'PasswordException') {
    // PasswordResponses: 1 = NEED_PASSWORD, 2 = INCORRECT_PASSWORD
    return { kind: err.code === 2 ? 'password-wrong' : 'password-needed', message };
  }
  return { kind: 'invalid', message: `${name || 'Error'}: ${message}` };
}

async function inspect(/** @type {Job} */ job) {
  const pdfjs = await import(PDFJS_ENTRY);
  const data = new Uint8Array(await readFile(job.filePath));
  const assets = PDFJS_ROOT.endsWith('/') ? PDFJS_ROOT : `${PDFJS_ROOT}/`;
  const task = pdfjs.getDocument({
    data,
    password: job.password,
    // pdf.js 6 no longer has an eval-based font path; kept so an older pdf.js never compiles font code.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // Filesystem paths (with a trailing slash): Node's pdf.js reads them with fs.
    standardFontDataUrl: `${assets}standard_fonts/`,
    cMapUrl: `${assets}cmaps/`,
    cMapPacked: true,
    wasmUrl: `${assets}wasm/`,
    iccUrl: `${assets}iccs/`,
    enableXfa: false,
    verbosity: 0, // errors only: fuzzed files otherwise flood the log with warnings
  });
  try {
    const doc = await task.promise;
    let encrypted = Boolean(job.password);
    let title;
    try {
      const { info } = await doc.getMetadata();
      if (info?.EncryptFilterName) encrypted = true;
      if (typeof info?.Title === 'string' && info.Title.trim()) title = info.Title.normalize('NFC').trim();
    } catch {
      // metadata of a damaged file is optional
    }
    const pageTexts = [];
    let budget = job.maxTextChars;
    for (let n = 1; n <= doc.numPages; n++) {
      let text = '';
      if (budget > 0) {
        try {
          const page = await doc.getPage(n);
          text = pageText(await page.getTextContent());
          page.cleanup();
        } catch {
          text = ''; // one unreadable page does not make the document unreadable
        }
        if (text.length > budget) text = text.slice(0, budget);
        budget -= text.length;
      }
      pageTexts.push(text);
    }
    return { ok: true, result: { pageCount: doc.numPages, encrypted, pageTexts, ...(title ? { title } : {}) } };
  } catch (err) {
    return { ok: false, ...classify(err) };
  } finally {
    // PDFDocumentProxy has no destroy() in pdf.js 6: the loading task owns the document and its worker.
    await task.destroy().catch(() => undefined);
  }
}

try {
  parentPort.postMessage(await inspect(workerData));
} catch (err) {
  parentPort.postMessage({ ok: false, ...classify(err) });
}
