import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { carriedId, carryOverPlace } from './carry-over.js';

const old = ['Trang một', 'Trang hai', 'Trang ba'];

describe('carryOverPlace', () => {
  it('keeps the page number, unmarked, when the page count and that page are the same', () => {
    expect(carryOverPlace(2, old, ['Trang một', 'Trang  hai\n', 'Trang ba đã sửa'])).toEqual({ page: 2, fromPreviousVersion: false });
  });

  it('marks the mark when that page\'s text changed', () => {
    expect(carryOverPlace(3, old, ['Trang một', 'Trang hai', 'Trang ba đã sửa'])).toEqual({ page: 3, fromPreviousVersion: true });
  });

  it('marks every mark when the page count changed, even on an identical page', () => {
    expect(carryOverPlace(1, old, ['Trang một', 'Trang hai', 'Trang ba', 'Phụ lục'])).toEqual({ page: 1, fromPreviousVersion: true });
  });

  it('moves a mark past the new last page to the last page instead of dropping it', () => {
    expect(carryOverPlace(3, old, ['Trang một'])).toEqual({ page: 1, fromPreviousVersion: true });
  });
});

describe('carriedId', () => {
  it('is a valid uuid, the same for the same original and version, different otherwise', () => {
    const id = '4b0c2a4e-6a4f-4c43-9a51-2f7b8f0d2d11';
    expect(z.uuid().safeParse(carriedId(id, 2)).success).toBe(true);
    expect(carriedId(id, 2)).toBe(carriedId(id, 2));
    expect(carriedId(id, 3)).not.toBe(carriedId(id, 2));
  });
});
