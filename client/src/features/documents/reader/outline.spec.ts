import { describe, expect, it } from '@jest/globals';
import { destinationPage, flattenOutline } from './outline';

const pdf = {
  getDestination: async (id: string) => (id === 'chapter2' ? [{ num: 40, gen: 0 }, { name: 'Fit' }] : null),
  getPageIndex: async (ref: { num: number; gen: number }) => {
    if (ref.num === 40) return 11;
    throw new Error('Invalid pageIndex request.');
  },
};

describe('document outline', () => {
  it('flattens the tree depth-first, with depths, leaving out entries that go nowhere', () => {
    const rows = flattenOutline([
      { title: 'COVER', dest: [{ num: 1, gen: 0 }], items: [] },
      { title: 'Chapter 1', dest: 'c1', items: [{ title: ' 1.1 ', dest: 'c11', items: [] }, { title: 'web link', dest: null, items: [] }] },
    ]);
    expect(rows.map((r) => [r.key, r.title, r.depth])).toEqual([
      ['0', 'COVER', 0],
      ['1', 'Chapter 1', 0],
      ['1.0', '1.1', 1],
    ]);
  });

  it('resolves named and explicit destinations to page numbers', async () => {
    await expect(destinationPage(pdf, 'chapter2', 352)).resolves.toBe(12);
    await expect(destinationPage(pdf, [{ num: 40, gen: 0 }, { name: 'XYZ' }, 0, 0, null], 352)).resolves.toBe(12);
    await expect(destinationPage(pdf, [4, { name: 'Fit' }], 352)).resolves.toBe(5);
  });

  it('gives null for destinations that lead nowhere in this file', async () => {
    await expect(destinationPage(pdf, 'missing', 352)).resolves.toBeNull();
    await expect(destinationPage(pdf, [{ num: 99, gen: 0 }], 352)).resolves.toBeNull();
    await expect(destinationPage(pdf, [400], 352)).resolves.toBeNull();
    await expect(destinationPage(pdf, null, 352)).resolves.toBeNull();
  });
});
