import { describe, expect, it } from '@jest/globals';
import type { AgendaItemDto } from '@phonghop/shared';
import { currentOrder, dropItem, moveItem } from './agenda-order';

const item = (id: string, parentId: string | null, position: number): AgendaItemDto => ({
  id,
  parentId,
  position,
  number: '',
  title: id,
  presenter: null,
  presenterName: '',
  plannedMinutes: 15,
  isPublic: true,
  documentIds: [],
});

const items = [item('b', null, 2), item('a', null, 1), item('a2', 'a', 2), item('a1', 'a', 1), item('c', null, 3)];
const ids = (o: { id: string }[] | null) => o?.map((e) => e.id).join(',');

describe('agenda order', () => {
  it('lists roots with their children in position order', () => {
    expect(currentOrder(items)).toEqual([
      { id: 'a', parentId: null },
      { id: 'a1', parentId: 'a' },
      { id: 'a2', parentId: 'a' },
      { id: 'b', parentId: null },
      { id: 'c', parentId: null },
    ]);
  });

  it('moves a root with its children, and a child among its siblings', () => {
    const order = currentOrder(items);
    expect(ids(moveItem(order, 'b', -1))).toBe('b,a,a1,a2,c');
    expect(ids(moveItem(order, 'a1', 1))).toBe('a,a2,a1,b,c');
    expect(moveItem(order, 'a', -1)).toBeNull();
    expect(moveItem(order, 'a2', 1)).toBeNull();
  });

  it('drops onto a sibling only', () => {
    const order = currentOrder(items);
    expect(ids(dropItem(order, 'c', 'a'))).toBe('c,a,a1,a2,b');
    expect(ids(dropItem(order, 'a', 'c'))).toBe('b,c,a,a1,a2');
    expect(dropItem(order, 'a1', 'b')).toBeNull();
  });
});
