// Chrome's network events through CDP, for the benchmarks that count the bytes a page fetched (first-page, viewer).

/** Collects Chrome's network events for the document URLs. */
export function networkRecorder(cdp) {
  const reqs = new Map();
  let clockOffset = null; // wall seconds − monotonic seconds
  cdp.on('Network.requestWillBeSent', (e) => {
    if (clockOffset === null) clockOffset = e.wallTime - e.timestamp;
    reqs.set(e.requestId, { url: e.request.url, range: e.request.headers.Range ?? e.request.headers.range ?? null, sentAt: e.timestamp, chunks: [], status: null, finished: null, failed: null });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = reqs.get(e.requestId);
    if (r) r.status = e.response.status;
  });
  cdp.on('Network.dataReceived', (e) => reqs.get(e.requestId)?.chunks.push([e.timestamp, e.dataLength]));
  cdp.on('Network.loadingFinished', (e) => {
    const r = reqs.get(e.requestId);
    if (r) r.finished = { at: e.timestamp, encoded: e.encodedDataLength };
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = reqs.get(e.requestId);
    if (r) r.failed = { at: e.timestamp, error: e.errorText, canceled: e.canceled };
  });
  return {
    clear: () => reqs.clear(),
    /** Body bytes of requests whose URL contains `match`, received up to wall-clock time `untilMs` (ms). */
    report(match, untilMs) {
      const until = untilMs / 1000 - (clockOffset ?? 0);
      let bytes = 0;
      let bytesAll = 0;
      const requests = [];
      const others = [];
      for (const r of reqs.values()) {
        const body = r.chunks.reduce((s, [, n]) => s + n, 0);
        if (!r.url.includes(match)) {
          others.push({ url: r.url, status: r.status });
          continue;
        }
        const before = r.chunks.filter(([t]) => t <= until + 0.0005).reduce((s, [, n]) => s + n, 0);
        bytes += before;
        bytesAll += body;
        requests.push({ range: r.range, status: r.status, body_bytes: body, ...(r.failed ? { aborted: r.failed.canceled || r.failed.error } : {}) });
      }
      return { bytes, bytes_after_settle: bytesAll, requests, others };
    },
  };
}

/** The length of a document as served (Content-Range of a one-byte range request). */
export async function servedLength(url, cookie, id, variant) {
  const res = await fetch(`${url}/api/documents/${id}/${variant}`, { headers: { cookie, range: 'bytes=0-0' } });
  await res.arrayBuffer();
  return Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1]);
}
