import { describe, expect, it } from '@jest/globals';
import { type BatchScheduler, GroupCommit, type ItemOutcome } from './ballot-batcher.js';

/** Timers and a clock the test moves by hand. */
class ManualScheduler implements BatchScheduler {
  private next = 0;
  time = 0;
  readonly pending = new Map<number, { fn: () => void; ms: number; due: number }>();
  setTimeout(fn: () => void, ms: number): unknown {
    this.pending.set(++this.next, { fn, ms, due: this.time + ms });
    return this.next;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  now(): number {
    return this.time;
  }
  /** Callbacks waiting for the I/O of this turn; run after each timer unless the test holds them. */
  readonly io: Array<() => void> = [];
  holdIo = false;
  afterIo(fn: () => void): void {
    this.io.push(fn);
  }
  runIo(): void {
    for (const fn of this.io.splice(0)) fn();
  }
  /** Moves the clock forward, firing each timer that falls due on the way (timers they set too). */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const [id, t] = [...this.pending].sort((a, b) => a[1].due - b[1].due)[0] ?? [];
      if (id === undefined || !t || t.due > until) break;
      this.pending.delete(id);
      this.time = Math.max(this.time, t.due);
      t.fn();
      if (!this.holdIo) this.runIo();
    }
    this.time = until;
  }
  /** Fires the waiting timers now, the clock moved to the last one's time. */
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const t of due) {
      this.time = Math.max(this.time, t.due);
      t.fn();
    }
    if (!this.holdIo) this.runIo();
  }
}

const settle = () => new Promise((r) => setImmediate(r));

/** A commit the test completes by hand, recording each batch. */
function harness(maxBatch = 10, identityOf?: (item: string) => string) {
  const scheduler = new ManualScheduler();
  const idle: string[] = [];
  const batches: Array<{ key: string; items: string[]; done: (outcomes?: ItemOutcome<string>[] | Error) => void }> = [];
  const group = new GroupCommit<string, string>(
    (key, items) =>
      new Promise((resolve, reject) => {
        batches.push({
          key,
          items,
          done: (outcomes) => (outcomes instanceof Error ? reject(outcomes) : resolve(outcomes ?? items.map((i) => ({ ok: true, value: `ack:${i}` })))),
        });
      }),
    { quietMs: 2, maxWaitMs: 20, maxBatch, scheduler, onIdle: (key) => idle.push(key), ...(identityOf ? { identityOf } : {}) },
  );
  return { scheduler, batches, group, idle };
}

describe('GroupCommit (group commit of ballots)', () => {
  it('gathers the items that arrive within the window into one commit and answers each its own ack', async () => {
    const { scheduler, batches, group } = harness();
    const acks = ['a', 'b', 'c'].map((i) => group.submit('meeting-1', i));
    expect([...scheduler.pending.values()].map((t) => t.ms)).toEqual([2]); // one window for the batch
    expect(batches).toHaveLength(0);
    scheduler.fireAll();
    expect(batches.map((b) => b.items)).toEqual([['a', 'b', 'c']]);
    batches[0].done();
    expect(await Promise.all(acks)).toEqual(['ack:a', 'ack:b', 'ack:c']);
  });

  it('waits while items keep arriving and sends the whole burst once the stream has been quiet for quietMs', async () => {
    const { scheduler, batches, group } = harness(100);
    const acks: Promise<string>[] = [];
    for (let i = 0; i < 10; i++) {
      acks.push(group.submit('m', `b${i}`));
      scheduler.advance(1.5); // each item comes before the last one's quiet time is up
    }
    expect(batches).toHaveLength(0);
    scheduler.advance(0.4);
    expect(batches).toHaveLength(0); // 1.9 ms of quiet
    scheduler.advance(0.2);
    expect(batches.map((b) => b.items.length)).toEqual([10]);
    batches[0].done();
    expect(await Promise.all(acks)).toHaveLength(10);
  });

  it('does not cut a burst when its timer fires before the sockets that filled meanwhile are read', async () => {
    const { scheduler, batches, group } = harness(100);
    const acks = [group.submit('m', 'a')];
    scheduler.holdIo = true;
    scheduler.advance(5); // the process was not running: the timer fires late, quiet by the clock
    expect(batches).toHaveLength(0); // it looks again after this turn's I/O…
    acks.push(group.submit('m', 'b')); // …which brings the next ballot
    scheduler.runIo();
    expect(batches).toHaveLength(0);
    scheduler.holdIo = false;
    scheduler.advance(2);
    expect(batches.map((b) => b.items)).toEqual([['a', 'b']]);
    batches[0].done();
    expect(await Promise.all(acks)).toEqual(['ack:a', 'ack:b']);
  });

  it('never keeps the first item waiting longer than maxWaitMs, however busy the stream', async () => {
    const { scheduler, batches, group } = harness(100);
    const acks: Promise<string>[] = [];
    for (let t = 0; t < 30; t++) {
      acks.push(group.submit('m', `t${t}`));
      scheduler.advance(1);
    }
    // 20 ms after the first (items at 0…19 ms) the batch goes; the rest follow once it is committed
    expect(batches.map((b) => b.items.length)).toEqual([20]);
    batches[0].done();
    await settle();
    expect(batches.map((b) => b.items.length)).toEqual([20, 10]);
    batches[1].done();
    expect(await Promise.all(acks)).toHaveLength(30);
  });

  it('sends the items that arrive while a batch commits right after it, without waiting for a window', async () => {
    const { scheduler, batches, group } = harness();
    const first = group.submit('m', 'a');
    scheduler.fireAll();
    const later = [group.submit('m', 'b'), group.submit('m', 'c')];
    expect(scheduler.pending.size).toBe(0);
    batches[0].done();
    await first;
    await settle();
    expect(batches.map((b) => b.items)).toEqual([['a'], ['b', 'c']]);
    batches[1].done();
    expect(await Promise.all(later)).toEqual(['ack:b', 'ack:c']);
  });

  it('fails only the refused item of a batch, and every item when the transaction itself fails', async () => {
    const { scheduler, batches, group } = harness();
    const acks = ['good', 'bad', 'fine'].map((i) => group.submit('m', i).then((v) => v, (e: Error) => `refused:${e.message}`));
    scheduler.fireAll();
    batches[0].done([{ ok: true, value: 'ack:good' }, { ok: false, error: new Error('VOTE_INVALID_CHOICE') }, { ok: true, value: 'ack:fine' }]);
    expect(await Promise.all(acks)).toEqual(['ack:good', 'refused:VOTE_INVALID_CHOICE', 'ack:fine']);

    const lost = ['x', 'y'].map((i) => group.submit('m', i).catch((e: Error) => e.message));
    scheduler.fireAll();
    batches[1].done(new Error('disk I/O error'));
    expect(await Promise.all(lost)).toEqual(['disk I/O error', 'disk I/O error']);
  });

  it('keeps meetings apart and caps a batch at maxBatch, the rest following at once', async () => {
    const { scheduler, batches, group } = harness(2);
    const acks = [group.submit('m1', 'a'), group.submit('m2', 'z'), group.submit('m1', 'b'), group.submit('m1', 'c')];
    // m1 reached maxBatch: committed without waiting; m2 waits for its window
    expect(batches.map((b) => [b.key, b.items])).toEqual([['m1', ['a', 'b']]]);
    scheduler.fireAll();
    expect(batches.map((b) => [b.key, b.items])).toEqual([
      ['m1', ['a', 'b']],
      ['m2', ['z']],
    ]);
    batches[0].done();
    await settle();
    expect(batches.map((b) => b.items)).toEqual([['a', 'b'], ['z'], ['c']]);
    for (const b of batches.slice(1)) b.done();
    expect(await Promise.all(acks)).toEqual(['ack:a', 'ack:z', 'ack:b', 'ack:c']);
  });

  it('drains: resolves once every started batch is committed', async () => {
    const { scheduler, batches, group } = harness();
    const ack = group.submit('m', 'a');
    scheduler.fireAll();
    let drained = false;
    const draining = group.drain().then(() => (drained = true));
    await settle();
    expect(drained).toBe(false);
    batches[0].done();
    await draining;
    expect(await ack).toBe('ack:a');
  });

  it('tells when a meeting has nothing left to commit: after the last batch of a run, not between batches', async () => {
    const { scheduler, batches, group, idle } = harness();
    const first = group.submit('m', 'a');
    scheduler.fireAll();
    await settle();
    const second = group.submit('m', 'b'); // arrives while the first batch commits
    batches[0].done();
    await first;
    await settle();
    expect(idle).toEqual([]); // the second batch follows at once
    expect(batches.map((b) => b.items)).toEqual([['a'], ['b']]);
    batches[1].done();
    await second;
    await settle();
    expect(idle).toEqual([]); // not before this turn's I/O has been read
    scheduler.runIo();
    expect(idle).toEqual(['m']);
  });

  it('does not call a meeting idle when the I/O read after its commit brings the next ballots of the burst', async () => {
    const { scheduler, batches, group, idle } = harness();
    scheduler.holdIo = true;
    const first = group.submit('m', 'a');
    scheduler.fireAll();
    scheduler.runIo();
    batches[0].done(); // a commit that blocked the loop: nothing was read while it ran
    await first;
    await settle();
    const second = group.submit('m', 'b'); // read with the I/O that follows it
    scheduler.runIo();
    expect(idle).toEqual([]);
    scheduler.fireAll();
    scheduler.runIo();
    expect(batches.map((b) => b.items)).toEqual([['a'], ['b']]);
    batches[1].done();
    await second;
    await settle();
    scheduler.runIo();
    expect(idle).toEqual(['m']);
  });

  it('answers an item sent again before its original is answered with that outcome, and does not count it as an arrival', async () => {
    // identity: the part before '#' (a ballot's key); 'a#retry' is 'a' sent again
    const { scheduler, batches, group } = harness(100, (item) => item.split('#')[0]);
    const a = group.submit('m', 'a');
    scheduler.advance(1.5);
    const b = group.submit('m', 'b');
    scheduler.advance(1.5);
    const again = [group.submit('m', 'a#retry'), group.submit('m', 'b#retry')];
    scheduler.advance(0.75); // 2.25 ms after b: the retries did not count as arrivals
    expect(batches.map((x) => x.items)).toEqual([['a', 'b']]);
    const whileCommitting = group.submit('m', 'a#late'); // a's batch is committing: it waits for that answer too
    batches[0].done([
      { ok: true, value: 'ack:a' },
      { ok: false, error: new Error('refused b') },
    ]);
    expect(await a).toBe('ack:a');
    expect(await again[0]).toBe('ack:a');
    expect(await whileCommitting).toBe('ack:a');
    await expect(b).rejects.toThrow('refused b');
    await expect(again[1]).rejects.toThrow('refused b');
    await settle();
    expect(batches).toHaveLength(1); // no batch, no transaction for the items sent again
    // once answered, the same key is a new item: the service answers it from what was stored
    const after = group.submit('m', 'a#after');
    scheduler.advance(3);
    expect(batches.map((x) => x.items)).toEqual([['a', 'b'], ['a#after']]);
    batches[1].done();
    expect(await after).toBe('ack:a#after');
  });

  it('answers every item of a batch before any copy sent again, so each sender gets its first answer as soon as it can', async () => {
    const { scheduler, batches, group } = harness(100, (item) => item.split('#')[0]);
    const order: string[] = [];
    const track = (item: string) => group.submit('m', item).then(() => order.push(item), () => order.push(item));
    const sent = ['a', 'a#retry', 'b', 'b#retry', 'c'].map(track);
    scheduler.fireAll();
    expect(batches.map((x) => x.items)).toEqual([['a', 'b', 'c']]);
    batches[0].done([
      { ok: true, value: 'ack:a' },
      { ok: false, error: new Error('refused b') },
      { ok: true, value: 'ack:c' },
    ]);
    await Promise.all(sent);
    expect(order).toEqual(['a', 'b', 'c', 'a#retry', 'b#retry']);
  });

  it('fails the items sent again with their original when the transaction fails', async () => {
    const { scheduler, batches, group } = harness(100, (item) => item.split('#')[0]);
    const sent = ['x', 'x#retry'].map((i) => group.submit('m', i).catch((e: Error) => e.message));
    scheduler.fireAll();
    expect(batches.map((x) => x.items)).toEqual([['x']]);
    batches[0].done(new Error('disk full'));
    expect(await Promise.all(sent)).toEqual(['disk full', 'disk full']);
  });
});
