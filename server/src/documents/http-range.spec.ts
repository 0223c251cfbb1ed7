import { describe, expect, it } from '@jest/globals';
import { parseRange } from './http-range.js';

describe('parseRange', () => {
  it('reads a closed, an open and a suffix range', () => {
    expect(parseRange('bytes=0-1023', 5000)).toEqual({ start: 0, end: 1023 });
    expect(parseRange('bytes=4000-', 5000)).toEqual({ start: 4000, end: 4999 });
    expect(parseRange('bytes=-100', 5000)).toEqual({ start: 4900, end: 4999 });
  });

  it('clips the end to the file and refuses a start past it', () => {
    expect(parseRange('bytes=4990-9999', 5000)).toEqual({ start: 4990, end: 4999 });
    expect(parseRange('bytes=5000-5001', 5000)).toBe('unsatisfiable');
    expect(parseRange('bytes=10-5', 5000)).toBe('unsatisfiable');
  });

  it('serves the whole file for no range, several ranges or nonsense', () => {
    expect(parseRange(undefined, 5000)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 5000)).toBeNull();
    expect(parseRange('items=0-1', 5000)).toBeNull();
  });
});
