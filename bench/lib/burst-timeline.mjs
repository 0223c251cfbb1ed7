// vote-burst with BENCH_PROFILE: one burst laid out from the server probe's trace (server-probe.mjs) on the clients'
// clock, so a slow round says where its time went: still receiving ballots, split into several transactions,
// committing, or answering.
import { round } from './stats.mjs';

const TRANSACTION = /^(sql:BEGIN|pg:START TRANSACTION)/;
const STATEMENT = /^(sql|pg):/;
const COMMIT = /^(sql|pg):COMMIT/;

/**
 * `trace`: the probe's [epoch ms, what, ms] entries; `t0EpochMs`: the burst's start on the clients' clock; `n`: its
 * ballots (each sent twice: the n-th ack is about when the last first sending is answered); `endMs`: its last ack.
 * Times in ms from the burst's start.
 */
export function burstTimeline(trace, { t0EpochMs, n, endMs, clientAckP99Ms }) {
  const burst = trace.filter(([t]) => t >= t0EpochMs && t <= t0EpochMs + endMs).map(([t, what, ms]) => ({ t: t - t0EpochMs, what, ms: ms ?? 0 }));
  const arrivals = burst.filter((e) => e.what === 'in:vote:cast');
  const acks = burst.filter((e) => e.what === 'ack:vote:cast');
  const transactions = burst.filter((e) => TRANSACTION.test(e.what));
  const at = (e) => (e === undefined ? null : round(e.t, 1));
  const gaps = arrivals.slice(1).map((e, i) => ({ at: arrivals[i].t, ms: e.t - arrivals[i].t }));
  const widest = gaps.reduce((w, g) => (g.ms > w.ms ? g : w), { at: 0, ms: 0 });
  return {
    received: arrivals.length,
    last_received_ms: at(arrivals.at(-1)),
    // the longest time without a ballot received (the clients paused, or the server was busy) and when it began
    widest_receive_gap_ms: round(widest.ms, 1),
    widest_receive_gap_at_ms: round(widest.at, 1),
    transactions: transactions.length,
    first_transaction_ms: at(transactions[0]),
    first_ack_ms: at(acks[0]),
    nth_ack_ms: at(acks[n - 1]),
    last_ack_ms: at(acks.at(-1)),
    client_ack_p99_ms: clientAckP99Ms,
    gc_ms: round(burst.filter((e) => e.what === 'gc').reduce((a, e) => a + e.ms, 0), 1),
    // the transactions' statements, and their longest COMMIT (on PostgreSQL, the WAL's flush: a slow disk shows here)
    sql_ms: round(burst.filter((e) => STATEMENT.test(e.what)).reduce((a, e) => a + e.ms, 0), 1),
    longest_commit_ms: round(Math.max(0, ...burst.filter((e) => COMMIT.test(e.what)).map((e) => e.ms)), 1),
  };
}
