import { describe, expect, it } from '@jest/globals';
import { neighbours, readingOrder } from './reading-order';

const agenda = { items: [{ id: 'i1' }, { id: 'i1.1' }, { id: 'i2' }] } as Parameters<typeof readingOrder>[0];
const doc = (id: string, agendaItemId: string | null) => ({ id, agendaItemId });

describe('reading order of a meeting’s documents', () => {
  const docs = [doc('loose', null), doc('b', 'i2'), doc('a1', 'i1'), doc('gone', 'deleted-item'), doc('a2', 'i1'), doc('c', 'i1.1')];

  it('follows the agenda, documents of no item last', () => {
    expect(readingOrder(agenda, docs).map((d) => d.id)).toEqual(['a1', 'a2', 'c', 'b', 'loose', 'gone']);
  });

  it('finds the previous and next document', () => {
    const order = readingOrder(agenda, docs);
    expect(neighbours(order, 'a1')).toMatchObject({ prev: null, next: { id: 'a2' }, index: 0 });
    expect(neighbours(order, 'c')).toMatchObject({ prev: { id: 'a2' }, next: { id: 'b' } });
    expect(neighbours(order, 'gone')).toMatchObject({ prev: { id: 'loose' }, next: null });
  });

  it('has no neighbours for a document not in the list (e.g. removed meanwhile)', () => {
    expect(neighbours(readingOrder(agenda, docs), 'x')).toEqual({ prev: null, next: null, index: -1 });
  });
});
