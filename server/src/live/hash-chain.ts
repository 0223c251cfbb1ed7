import { hash } from 'node:crypto';

/** The `prevHash` of a meeting's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, arrays in order, strings as
 * `JSON.stringify` writes them (non-ASCII text such as Vietnamese stays as it is, not \u-escaped), dates as ISO
 * strings. Anything JSON cannot carry faithfully is refused rather than silently dropped or changed: undefined,
 * functions, symbols, bigints, non-finite numbers, and objects other than plain objects, arrays and dates.
 */
export function canonicalJson(value: unknown): string {
  return write(value, null);
}

/** Where a value sits, for the error message only: built when something is refused, not for every value. */
interface Path {
  parent: Path | null;
  step: string | number;
}

const pathText = (path: Path | null): string => (path === null ? '$' : `${pathText(path.parent)}${typeof path.step === 'number' ? `[${path.step}]` : `.${path.step}`}`);

function write(value: unknown, path: Path | null): string {
  if (value === null) return 'null';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`canonicalJson: invalid date at ${pathText(path)}`);
    return JSON.stringify(value.toISOString());
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number at ${pathText(path)}`);
      return JSON.stringify(value);
    case 'object':
      break;
    case 'undefined':
    case 'function':
    case 'symbol':
    case 'bigint':
      throw new TypeError(`canonicalJson: ${typeof value} at ${pathText(path)} has no JSON form`);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + write(value[i], { parent: path, step: i });
    return `${out}]`;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new TypeError(`canonicalJson: only plain objects, arrays and dates (at ${pathText(path)})`);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) out += `${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:${write(record[keys[i]], { parent: path, step: keys[i] })}`;
  return `${out}}`;
}

/** The fields of an event the hash covers. */
export interface ChainedEventFields {
  meetingId: string;
  seq: number;
  type: string;
  payload: unknown;
  actorUserId: string | null;
  at: Date | string;
}

/** SHA-256 (hex) of `prevHash + '\n' + canonicalJson(fields)`. */
export function eventHash(prevHash: string, event: ChainedEventFields): string {
  const at = event.at instanceof Date ? event.at.toISOString() : new Date(event.at).toISOString();
  const fields = { meetingId: event.meetingId, seq: event.seq, type: event.type, payload: event.payload, actorUserId: event.actorUserId, at };
  return hash('sha256', `${prevHash}\n${canonicalJson(fields)}`, 'hex');
}

export interface StoredChainedEvent extends ChainedEventFields {
  prevHash: string;
  hash: string;
}

export type ChainBreak = 'hash-mismatch' | 'seq-gap' | 'prev-hash-mismatch';
export type ChainVerdict = { ok: true; lastSeq: number; headHash: string } | { ok: false; brokenAtSeq: number; reason: ChainBreak };

/**
 * Checks a chain one event at a time (events in seq order), so a long log can be streamed in pages.
 * `brokenAtSeq` is the first seq that fails: for a gap, the missing seq.
 */
export class ChainVerifier {
  private lastSeq = 0;
  private headHash = GENESIS_HASH;
  private broken: ChainVerdict | undefined;

  /** Feeds the next event; returns false once the chain is broken (later events are ignored). */
  push(event: StoredChainedEvent): boolean {
    if (this.broken) return false;
    const expected = this.lastSeq + 1;
    if (event.seq !== expected) return this.fail(expected, 'seq-gap');
    if (event.prevHash !== this.headHash) return this.fail(event.seq, 'prev-hash-mismatch');
    if (eventHash(event.prevHash, event) !== event.hash) return this.fail(event.seq, 'hash-mismatch');
    this.lastSeq = event.seq;
    this.headHash = event.hash;
    return true;
  }

  result(): ChainVerdict {
    return this.broken ?? { ok: true, lastSeq: this.lastSeq, headHash: this.headHash };
  }

  private fail(brokenAtSeq: number, reason: ChainBreak): false {
    this.broken = { ok: false, brokenAtSeq, reason };
    return false;
  }
}

/** Verifies a whole chain held in memory (events in seq order; an empty chain is ok at seq 0). */
export function verifyChain(events: Iterable<StoredChainedEvent>): ChainVerdict {
  const verifier = new ChainVerifier();
  for (const event of events) if (!verifier.push(event)) break;
  return verifier.result();
}
