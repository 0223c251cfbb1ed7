import { describe, expect, it } from '@jest/globals';
import { numberAgenda } from './agenda.schemas.js';

describe('numberAgenda', () => {
  it('numbers items and sub-items in position order', () => {
    const items = [
      { id: 'b', parentId: null, position: 2 },
      { id: 'a', parentId: null, position: 1 },
      { id: 'a2', parentId: 'a', position: 2 },
      { id: 'a1', parentId: 'a', position: 1 },
      { id: 'b1', parentId: 'b', position: 5 },
    ];
    expect(numberAgenda(items).map((i) => `${i.number}:${i.id}`)).toEqual(['1:a', '1.1:a1', '1.2:a2', '2:b', '2.1:b1']);
  });

  it('gives an empty agenda no numbers', () => {
    expect(numberAgenda([])).toEqual([]);
  });
});
