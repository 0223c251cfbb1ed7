import { describe, expect, it } from '@jest/globals';
import { FactHold } from './fact-hold.js';

function harness(maxMs = 100) {
  let now = 1_000;
  const sent: Array<[string, number[]]> = [];
  const hold = new FactHold<number>((key, events) => sent.push([key, events]), () => now, maxMs);
  return { hold, sent, advance: (ms: number) => (now += ms) };
}

describe('FactHold', () => {
  it('sends the facts of several batches together once the meeting is idle, per meeting', () => {
    const { hold, sent, advance } = harness();
    hold.add('m1', [1, 2]);
    advance(10);
    hold.add('m2', [7]);
    hold.add('m1', [3]);
    hold.add('m1', []);
    expect(sent).toEqual([]);
    hold.release('m1');
    expect(sent).toEqual([['m1', [1, 2, 3]]]);
    hold.release('m1'); // nothing left: nothing sent twice
    hold.release('m2');
    expect(sent).toEqual([
      ['m1', [1, 2, 3]],
      ['m2', [7]],
    ]);
  });

  it('sends at once when the first held fact has waited maxMs, and starts a new hold after', () => {
    const { hold, sent, advance } = harness(100);
    hold.add('m', [1]);
    advance(99);
    hold.add('m', [2]);
    expect(sent).toEqual([]);
    advance(1);
    hold.add('m', [3]);
    expect(sent).toEqual([['m', [1, 2, 3]]]);
    hold.add('m', [4]);
    hold.release('m');
    expect(sent).toEqual([
      ['m', [1, 2, 3]],
      ['m', [4]],
    ]);
  });
});
