import type { MinutesFacts, VoteFact } from './minutes-facts.js';

/**
 * Checking stored minutes against their log: every fact is flattened to a key, the seqs it stands on and a value;
 * the stored facts and the facts derived again from the (chain-verified) log must agree key by key.
 */

export interface FlatFact {
  /** `meeting.started`, `attendance:<userId>`, `item:<itemId>`, `turn:<seq>`, `vote:<voteId>`, `vote:<voteId>:voters`. */
  key: string;
  seqs: number[];
  value: unknown;
}

export interface FactCheck {
  key: string;
  seqs: number[];
  ok: boolean;
  /** What is wrong, in Vietnamese, when not ok. */
  problem?: string;
}

export function flattenFacts(f: MinutesFacts): FlatFact[] {
  const out: FlatFact[] = [];
  if (f.started)
    out.push({
      key: 'meeting.started',
      seqs: [f.started.seq],
      value: { at: f.started.at },
    });
  if (f.ended)
    out.push({
      key: 'meeting.ended',
      seqs: [f.ended.seq],
      value: { at: f.ended.at },
    });
  for (const a of f.attendance) {
    out.push({
      key: `attendance:${a.userId}`,
      seqs: a.seqs,
      value: {
        state: a.state,
        reason: a.reason,
        arrivedAt: a.arrivedAt,
        leftAt: a.leftAt,
      },
    });
  }
  for (const i of f.items) {
    out.push({
      key: `item:${i.itemId}`,
      seqs: [...i.openSeqs, ...i.closeSeqs],
      value: { order: i.order, startedAt: i.startedAt, endedAt: i.endedAt },
    });
  }
  for (const t of f.turns) {
    out.push({
      key: `turn:${t.seq}`,
      seqs: t.endSeq === null ? [t.seq] : [t.seq, t.endSeq],
      value: {
        userId: t.userId,
        itemId: t.itemId,
        startedAt: t.startedAt,
        endedAt: t.endedAt,
        durationMs: t.durationMs,
      },
    });
  }
  for (const v of f.votes) {
    const { voters, openSeq, closeSeq, publishSeq, cancelSeq, ...value } = v;
    const seqs = [openSeq, closeSeq, publishSeq, cancelSeq].filter((s): s is number => s !== null);
    out.push({ key: `vote:${v.voteId}`, seqs, value });
    out.push({
      key: `vote:${v.voteId}:voters`,
      seqs: voters.map((x) => x.seq),
      value: voters.map((x) => x.userId),
    });
  }
  return out;
}

/** JSON with sorted keys: two values are the same fact when this text is the same. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(record[k])}`).join(',')}}`;
}

/**
 * Each stored fact against the same fact derived from the log: equal value and equal seqs, or a problem. Facts the
 * log has and the stored minutes lack (or the reverse) are problems too.
 */
export function compareFacts(stored: MinutesFacts, derived: MinutesFacts): FactCheck[] {
  const fromLog = new Map(flattenFacts(derived).map((f) => [f.key, f]));
  const checks: FactCheck[] = [];
  for (const fact of flattenFacts(stored)) {
    const truth = fromLog.get(fact.key);
    fromLog.delete(fact.key);
    if (!truth) {
      checks.push({
        key: fact.key,
        seqs: fact.seqs,
        ok: false,
        problem: 'Nhật ký cuộc họp không có sự kiện này.',
      });
    } else if (stableJson(truth.seqs) !== stableJson(fact.seqs)) {
      checks.push({
        key: fact.key,
        seqs: fact.seqs,
        ok: false,
        problem: `Số thứ tự sự kiện không khớp nhật ký (nhật ký: ${truth.seqs.join(', ')}).`,
      });
    } else if (stableJson(truth.value) !== stableJson(fact.value)) {
      checks.push({
        key: fact.key,
        seqs: fact.seqs,
        ok: false,
        problem: 'Nội dung khác với nhật ký cuộc họp.',
      });
    } else {
      checks.push({ key: fact.key, seqs: fact.seqs, ok: true });
    }
  }
  for (const missing of fromLog.values()) {
    checks.push({
      key: missing.key,
      seqs: missing.seqs,
      ok: false,
      problem: 'Biên bản thiếu sự kiện có trong nhật ký cuộc họp.',
    });
  }
  return checks;
}

export interface NamedBallot {
  seatUserId: string;
  choices: string[];
}

/**
 * A named vote's choices are not in the log (a ballot event says who, not what), so they are checked against what
 * is: the voters must be exactly the seats of the `vote.ballot-cast` events, and counting the choices again must give
 * the counts of the published result.
 */
export function checkNamedBallots(vote: VoteFact, ballots: readonly NamedBallot[]): FactCheck {
  const key = `ballots:${vote.voteId}`;
  const seqs = vote.voters.map((v) => v.seq);
  const voters = [...vote.voters.map((v) => v.userId)].sort();
  const seats = ballots.map((b) => b.seatUserId).sort();
  if (stableJson(voters) !== stableJson(seats)) {
    return {
      key,
      seqs,
      ok: false,
      problem: 'Danh sách người đã biểu quyết khác với nhật ký cuộc họp.',
    };
  }
  if (vote.result) {
    const counts = new Map<string, number>();
    for (const b of ballots) for (const c of b.choices) counts.set(c, (counts.get(c) ?? 0) + 1);
    const wrong = vote.result.options.find((o) => (counts.get(o.key) ?? 0) !== o.count);
    if (wrong)
      return {
        key,
        seqs,
        ok: false,
        problem: `Số phiếu "${wrong.label}" khác với kết quả đã công bố.`,
      };
    if (vote.publishSeq !== null) seqs.push(vote.publishSeq);
  }
  return { key, seqs, ok: true };
}
