// Child-process entry (child_process.fork, IPC) that opens one PDF with pdf.js and reports its page count
// and text. Plain .mjs on purpose: it runs under plain node without a loader, and the server build (SWC)
// does not compile it either — scripts/copy-assets.mjs copies it into dist/ beside pdf-inspector.js.
// It runs in its own process with --max-old-space-size, so a hostile PDF can only exhaust this process
// (an out-of-heap abort kills it, not the server), and the file's bytes never count against the server's
// RSS; the parent kills it on timeout. Text only: nothing is rendered, so giant image streams are never
// decoded.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

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
  let pdfjs;
  try {
    pdfjs = await import(PDFJS_ENTRY);
  } catch (err) {
    return { ok: false, kind: 'internal', message: `cannot load pdf.js: ${String(err?.message ?? err)}` };
  }
  // A view on the Buffer's own memory, not a copy: pdf.js refuses a Buffer, and `new Uint8Array(buffer)`
  // would copy the whole file once more. pdf.js keeps a view whose length is that of its ArrayBuffer as is
  // (readFile gives such a Buffer for anything but tiny files, which pdf.js then copies, harmlessly).
  const buffer = await readFile(job.filePath);
  const data = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
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

/** Replies once, then leaves: disconnecting the IPC channel lets the process end on its own. */
function reply(message) {
  process.send(message, () => process.disconnect());
}

// The parent sends exactly one job; 'ready' tells it the entry loaded (an exit before that is a start-up
// failure, ours, not the document's).
process.once('message', (/** @type {Job} */ job) => {
  inspect(job).then(reply, (err) => reply({ ok: false, ...classify(err) }));
});
process.send({ ready: true });
