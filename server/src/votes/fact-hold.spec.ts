import { describe, expect, it } from '@jest/globals';
import { FactHold } from './fact-hold.js';

function harness(maxMs = 100) {
  let now = 1_000;
  const sent: Array<[string, number[]]> = [];
  const deferred: Array<() => void> = [];
  const hold = new FactHold<number>((key, events) => sent.push([key, events]), () => now, maxMs, (fn) => deferred.push(fn));
  return { hold, sent, advance: (ms: number) => (now += ms), nextTurn: () => deferred.splice(0).forEach((fn) => fn()) };
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

  it('sends on the next turn (after the acks) once the first held fact has waited maxMs, and starts a new hold after', () => {
    const { hold, sent, advance, nextTurn } = harness(100);
    hold.add('m', [1]);
    advance(99);
    hold.add('m', [2]);
    nextTurn();
    expect(sent).toEqual([]);
    advance(1);
    hold.add('m', [3]);
    expect(sent).toEqual([]); // not before the acks of the batch that added [3]
    nextTurn();
    expect(sent).toEqual([['m', [1, 2, 3]]]);
    hold.add('m', [4]);
    hold.release('m');
    expect(sent).toEqual([
      ['m', [1, 2, 3]],
      ['m', [4]],
    ]);
  });
});
