// Small statistics for latency samples.

export const round = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

/** Nearest-rank percentile (p in 0..100) of unsorted samples; null for none. */
export function percentile(xs, p) {
  if (xs.length === 0) return null;
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** p50/p90/p99/max/mean of samples, rounded to `d` decimals. */
export function describe(xs, d = 2) {
  if (xs.length === 0) return { n: 0 };
  let sum = 0;
  for (const x of xs) sum += x;
  return {
    n: xs.length,
    p50: round(percentile(xs, 50), d),
    p90: round(percentile(xs, 90), d),
    p99: round(percentile(xs, 99), d),
    max: round(percentile(xs, 100), d),
    mean: round(sum / xs.length, d),
  };
}

/** Wall clock with sub-millisecond resolution, comparable between processes on one machine. */
export const wallNow = () => performance.timeOrigin + performance.now();
