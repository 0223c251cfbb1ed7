import { describe, expect, it } from '@jest/globals';
import type { Annotation } from '@phonghop/shared';
import { adoptAck, backoffMs, draftOf, isRetryable, localChange, mergeRemote, visible } from './sync-rules';

const text = (a: Annotation) => (a.kind === 'note' ? a.text : '');
const DOC = '7b0c5a52-9a7e-4d53-8a57-3c2f6f1a0d11';
const ME = '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a00';
const note = (over: Partial<Annotation> = {}): Annotation =>
  ({
    id: '11111111-2222-4333-8444-555555555555',
    documentId: DOC,
    version: 1,
    page: 2,
    shared: false,
    deleted: false,
    kind: 'note',
    x: 0.5,
    y: 0.5,
    text: 'Hỏi lại kinh phí',
    ownerId: ME,
    rev: 1,
    updatedAt: '2026-11-26T08:00:00.000Z',
    fromPreviousVersion: false,
    ...over,
  }) as Annotation;

describe('a local change', () => {
  it('takes the next rev and queues the draft with its idempotency key', () => {
    const { annotation, entry } = localChange(note({ rev: 3 }), draftOf(note({ text: 'mới' })), { userId: ME, now: '2026-11-26T08:01:00.000Z', key: 'k1' });
    expect(annotation.rev).toBe(4);
    expect(entry).toMatchObject({
      rev: 4,
      idempotencyKey: 'k1',
      annotation: { text: 'mới' },
    });
    expect(entry.annotation).not.toHaveProperty('ownerId');
  });
  it('starts at rev 1 for a new annotation', () => {
    expect(
      localChange(undefined, draftOf(note()), {
        userId: ME,
        now: 'n',
        key: 'k',
      }).annotation.rev,
    ).toBe(1);
  });
});

describe('merging the server’s copy', () => {
  it('keeps a local change still in the outbox (higher rev)', () => {
    expect(text(mergeRemote(note({ rev: 3, text: 'local' }), note({ rev: 2, text: 'server' })))).toBe('local');
  });
  it('takes the server’s copy at the same or a higher rev', () => {
    expect(mergeRemote(note({ rev: 2 }), note({ rev: 2, fromPreviousVersion: true })).fromPreviousVersion).toBe(true);
    expect(text(mergeRemote(note({ rev: 2 }), note({ rev: 5, text: 'khác' })))).toBe('khác');
  });
  it('never revives a tombstone, and a server tombstone wins over a local edit', () => {
    expect(mergeRemote(note({ rev: 2, deleted: true }), note({ rev: 9 })).deleted).toBe(true);
    expect(mergeRemote(note({ rev: 9 }), note({ rev: 2, deleted: true })).deleted).toBe(true);
  });
});

describe('the server’s answer to an outbox entry', () => {
  it('is the truth when nothing later is queued, even when stale', () => {
    expect(text(adoptAck(note({ rev: 4, text: 'x' }), note({ rev: 6, text: 'y' }), 'stale', false))).toBe('y');
    expect(adoptAck(note({ rev: 4 }), note({ rev: 3, deleted: true }), 'stale', false).deleted).toBe(true);
  });
  it('does not undo a later queued change', () => {
    expect(text(adoptAck(note({ rev: 5, text: 'later' }), note({ rev: 4, text: 'acked' }), 'applied', true))).toBe('later');
  });
});

describe('retries', () => {
  it('backs off up to 30 s and retries only the network and server trouble', () => {
    expect([1, 2, 3, 10].map(backoffMs)).toEqual([1000, 2000, 4000, 30_000]);
    expect([0, 503, 429].every(isRetryable)).toBe(true);
    expect([400, 403, 404, 409].some(isRetryable)).toBe(false);
  });
  it('draws what is not deleted, oldest first', () => {
    const a = note({ id: 'a', updatedAt: '2026-11-26T08:02:00.000Z' });
    const b = note({ id: 'b', updatedAt: '2026-11-26T08:01:00.000Z' });
    expect(visible([a, b, note({ id: 'c', deleted: true })]).map((x) => x.id)).toEqual(['b', 'a']);
  });
});
