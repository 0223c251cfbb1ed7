import { describe, expect, it } from '@jest/globals';
import { POSITIONS_KEY, positionKey, ReadingPositions, requestedPage, resumePage } from './reading-position';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('reading positions', () => {
  it('remembers the page per user, document and version', () => {
    const store = new ReadingPositions(memoryStorage());
    store.set(positionKey('u1', 'd1', 1), 5);
    store.set(positionKey('u2', 'd1', 1), 3);
    store.set(positionKey('u1', 'd1', 2), 7);
    expect(store.get(positionKey('u1', 'd1', 1))).toBe(5);
    expect(store.get(positionKey('u2', 'd1', 1))).toBe(3);
    expect(store.get(positionKey('u1', 'd1', 2))).toBe(7);
    expect(store.get(positionKey('u1', 'd2', 1))).toBeNull();
  });

  it('survives a new instance (a reload) through the storage', () => {
    const storage = memoryStorage();
    new ReadingPositions(storage).set('k', 4);
    expect(new ReadingPositions(storage).get('k')).toBe(4);
  });

  it('drops the oldest entries beyond the limit', () => {
    let t = 0;
    const store = new ReadingPositions(memoryStorage(), () => ++t, 3);
    for (const k of ['a', 'b', 'c', 'd']) store.set(k, 2);
    expect(store.get('a')).toBeNull();
    expect(['b', 'c', 'd'].map((k) => store.get(k))).toEqual([2, 2, 2]);
  });

  it('ignores garbage in the storage and nonsense pages', () => {
    const store = new ReadingPositions(memoryStorage({ [POSITIONS_KEY]: '{not json' }));
    expect(store.get('k')).toBeNull();
    store.set('k', 0);
    store.set('k', 2.5);
    expect(store.get('k')).toBeNull();
    store.set('k', 2);
    expect(store.get('k')).toBe(2);
    expect(new ReadingPositions(memoryStorage({ [POSITIONS_KEY]: '{"k":{"page":"7"}}' })).get('k')).toBeNull();
  });

  it('works without storage (blocked): nothing saved, nothing thrown', () => {
    const store = new ReadingPositions(null);
    store.set('k', 3);
    expect(store.get('k')).toBeNull();
  });

  it('a full storage does not break reading', () => {
    const store = new ReadingPositions({
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    expect(() => store.set('k', 3)).not.toThrow();
  });

  it('opens at the saved page only if the document still has it', () => {
    expect(resumePage(5, 7)).toBe(5);
    expect(resumePage(9, 7)).toBe(1);
    expect(resumePage(null, 7)).toBe(1);
  });
});

describe('a link to a page (?page=N)', () => {
  it('reads a whole page number from 1', () => {
    expect(requestedPage('4')).toBe(4);
    expect(requestedPage(' 12 ')).toBe(12);
  });

  it('ignores an absent, zero, negative, fractional or garbled page', () => {
    for (const param of [null, '', '0', '-3', '2.5', 'abc', '3x', '1e3']) expect(requestedPage(param)).toBeNull();
  });

  it('becomes the page the reader opens at when stored as the position (kept within the document)', () => {
    const store = new ReadingPositions(memoryStorage());
    const key = positionKey('u1', 'd1', 1);
    store.set(key, 2);
    store.set(key, requestedPage('5')!);
    expect(resumePage(store.get(key), 7)).toBe(5);
    store.set(key, requestedPage('9')!);
    expect(resumePage(store.get(key), 7)).toBe(1);
  });
});
