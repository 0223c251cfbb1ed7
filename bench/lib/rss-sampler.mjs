// Samples the resident set size of a process (and, separately, of its child processes such as qpdf) every
// `intervalMs`, from a worker thread so that the busy event loop of the uploading bench process cannot
// delay the samples. Linux only (/proc).
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { pid, intervalMs, flag, out } = workerData;
const stop = new Int32Array(flag);
const rssKb = (p) => {
  try {
    const m = /VmRSS:\\s+(\\d+) kB/.exec(fs.readFileSync('/proc/' + p + '/status', 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch { return 0; }
};
const children = (p) => {
  let ids = [];
  try {
    for (const t of fs.readdirSync('/proc/' + p + '/task')) {
      ids.push(...fs.readFileSync('/proc/' + p + '/task/' + t + '/children', 'utf8').split(' ').filter(Boolean));
    }
  } catch {}
  return ids;
};
const samples = [];
const t0 = Number(workerData.t0);
while (Atomics.load(stop, 0) === 0) {
  const kids = children(pid);
  let kidsKb = 0;
  let qpdfKb = 0;
  for (const k of kids) {
    const kb = rssKb(k);
    kidsKb += kb;
    try {
      if (fs.readFileSync('/proc/' + k + '/comm', 'utf8').trim() === 'qpdf') qpdfKb += kb;
    } catch {}
  }
  samples.push([performance.timeOrigin + performance.now() - t0, rssKb(pid), kidsKb, qpdfKb]);
  Atomics.wait(stop, 0, 0, intervalMs);
}
require('node:worker_threads').parentPort.postMessage(samples);
`;

/**
 * Starts sampling; `stop()` resolves with `[ms since start (wall clock), rssKb, childrenRssKb, qpdfRssKb][]`:
 * childrenRssKb is the sum over all direct children (the pdf.js inspection process, qpdf, soffice),
 * qpdfRssKb the part of it that is qpdf.
 */
export function sampleRss(pid, intervalMs = 50) {
  if (!fs.existsSync(`/proc/${pid}/status`)) throw new Error(`no /proc/${pid}/status`);
  const flag = new SharedArrayBuffer(4);
  const t0 = performance.timeOrigin + performance.now();
  const worker = new Worker(WORKER, { eval: true, workerData: { pid, intervalMs, flag, t0 } });
  const done = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    /** ms on the same clock as `performance.now()` in this thread at the moment sampling started */
    startedAt: performance.now(),
    async stop() {
      Atomics.store(new Int32Array(flag), 0, 1);
      Atomics.notify(new Int32Array(flag), 0);
      const samples = await done;
      await worker.terminate();
      return samples;
    },
  };
}

export const mb = (kb) => Math.round((kb / 1024) * 10) / 10;
