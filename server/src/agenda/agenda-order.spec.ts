import { describe, expect, it } from '@jest/globals';
import { planReorder } from './agenda-order.js';

const current = [
  { id: 'a', parentId: null },
  { id: 'a1', parentId: 'a' },
  { id: 'b', parentId: null },
];

describe('planReorder', () => {
  it('renumbers positions within each parent in the given order', () => {
    const plan = planReorder(current, [
      { id: 'b', parentId: null },
      { id: 'a', parentId: null },
      { id: 'a1', parentId: 'b' },
    ]);
    expect(plan).toEqual({
      ok: true,
      positions: [
        { id: 'b', parentId: null, position: 1 },
        { id: 'a', parentId: null, position: 2 },
        { id: 'a1', parentId: 'b', position: 1 },
      ],
    });
  });

  it('refuses an order that misses, repeats or invents items', () => {
    expect(planReorder(current, [{ id: 'a', parentId: null }])).toEqual({ ok: false, code: 'AGENDA_ORDER_MISMATCH' });
    expect(
      planReorder(current, [
        { id: 'a', parentId: null },
        { id: 'a', parentId: null },
        { id: 'b', parentId: null },
      ]),
    ).toEqual({ ok: false, code: 'AGENDA_ORDER_MISMATCH' });
    expect(
      planReorder(current, [
        { id: 'a', parentId: null },
        { id: 'a1', parentId: 'zzz' },
        { id: 'b', parentId: null },
      ]),
    ).toEqual({ ok: false, code: 'AGENDA_ORDER_MISMATCH' });
  });

  it('keeps the agenda to two levels', () => {
    expect(
      planReorder(current, [
        { id: 'a', parentId: null },
        { id: 'b', parentId: 'a1' },
        { id: 'a1', parentId: 'a' },
      ]),
    ).toEqual({ ok: false, code: 'AGENDA_NESTING_TOO_DEEP' });
  });
});
