import { describe, expect, it } from '@jest/globals';
import { canonicalJson, eventHash, GENESIS_HASH, type StoredChainedEvent, verifyChain } from './hash-chain.js';

function chain(n: number, meetingId = 'm-1'): StoredChainedEvent[] {
  const events: StoredChainedEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = { meetingId, seq, type: 'agenda.item-opened', payload: { itemId: `i-${seq}` }, actorUserId: 'u-1', at: new Date(Date.UTC(2026, 11, 15, 1, 0, seq)) };
    const hash = eventHash(prevHash, fields);
    events.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

describe('canonicalJson', () => {
  it('does not depend on key order, at any depth', () => {
    const a = { b: 1, a: { y: [1, { q: true, p: null }], x: 'x' } };
    const b = { a: { x: 'x', y: [1, { p: null, q: true }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":"x","y":[1,{"p":null,"q":true}]},"b":1}');
  });

  it('keeps array order and writes no whitespace', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson({ list: [{ b: 2, a: 1 }, []], empty: {} })).toBe('{"empty":{},"list":[{"a":1,"b":2},[]]}');
  });

  it('keeps Vietnamese text as it is, stably', () => {
    const payload = { tiêuĐề: 'Báo cáo tình hình kinh tế - xã hội năm 2026', người: 'Chủ tịch Nguyễn Văn Hùng' };
    const once = canonicalJson(payload);
    expect(once).toBe('{"người":"Chủ tịch Nguyễn Văn Hùng","tiêuĐề":"Báo cáo tình hình kinh tế - xã hội năm 2026"}');
    expect(canonicalJson(JSON.parse(once))).toBe(once);
    expect(canonicalJson({ người: payload.người, tiêuĐề: payload.tiêuĐề })).toBe(once);
  });

  it('writes dates as ISO strings', () => {
    expect(canonicalJson({ at: new Date('2026-12-15T08:00:00+07:00') })).toBe('{"at":"2026-12-15T01:00:00.000Z"}');
  });

  it('refuses what JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(/undefined at \$\.a/);
    expect(() => canonicalJson({ a: [{ b: 1 }, { c: { d: Number.POSITIVE_INFINITY } }] })).toThrow('non-finite number at $.a[1].c.d');
    expect(() => canonicalJson([() => 1])).toThrow(/function/);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson(new Map())).toThrow(/plain objects/);
    expect(() => canonicalJson(new Date('nope'))).toThrow(/invalid date/);
  });
});

describe('eventHash and verifyChain', () => {
  it('hashes prevHash + newline + canonical fields with SHA-256', () => {
    const fields = { meetingId: 'm', seq: 1, type: 't', payload: { z: 1, a: 'ă' }, actorUserId: null, at: '2026-12-15T01:00:00.000Z' };
    const hash = eventHash(GENESIS_HASH, fields);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(GENESIS_HASH, { ...fields, payload: { a: 'ă', z: 1 }, at: new Date('2026-12-15T08:00:00+07:00') })).toBe(hash);
    expect(eventHash(GENESIS_HASH, { ...fields, seq: 2 })).not.toBe(hash);
    expect(eventHash('1'.repeat(64), fields)).not.toBe(hash);
  });

  it('accepts an intact chain and an empty one', () => {
    const events = chain(5);
    expect(verifyChain(events)).toEqual({ ok: true, lastSeq: 5, headHash: events[4].hash });
    expect(verifyChain([])).toEqual({ ok: true, lastSeq: 0, headHash: GENESIS_HASH });
  });

  it('reports an edited event as a hash mismatch at its seq', () => {
    const events = chain(5);
    events[2] = { ...events[2], payload: { itemId: 'other' } };
    expect(verifyChain(events)).toEqual({ ok: false, brokenAtSeq: 3, reason: 'hash-mismatch' });
  });

  it('reports a missing event as a seq gap at the missing seq', () => {
    const events = chain(5);
    events.splice(2, 1);
    expect(verifyChain(events)).toEqual({ ok: false, brokenAtSeq: 3, reason: 'seq-gap' });
    expect(verifyChain(chain(3).slice(1))).toEqual({ ok: false, brokenAtSeq: 1, reason: 'seq-gap' });
  });

  it('reports a re-hashed event that no longer links to its predecessor', () => {
    const events = chain(4);
    const forged = { ...events[1], prevHash: '2'.repeat(64) };
    forged.hash = eventHash(forged.prevHash, forged);
    events[1] = forged;
    expect(verifyChain(events)).toEqual({ ok: false, brokenAtSeq: 2, reason: 'prev-hash-mismatch' });
  });
});
