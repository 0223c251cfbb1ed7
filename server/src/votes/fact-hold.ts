/**
 * Facts of a burst's batches, held per meeting until the burst has no batch left to commit (`release`, from the group
 * commit's onIdle, which comes after the acks and the I/O that followed them), then sent together: every message to
 * the room is a write per tablet, so a burst committed in three batches costs one round of writes, not three. Never
 * held longer than `maxMs` after the first, so a steady trickle of ballots still reaches the room: then sent on the
 * next turn of the loop (`defer`), after the acks of the batch that added them.
 */
export class FactHold<E> {
  private readonly held = new Map<string, { since: number; events: E[] }>();

  constructor(
    private readonly send: (key: string, events: E[]) => void,
    private readonly now: () => number,
    private readonly maxMs: number,
    private readonly defer: (fn: () => void) => void = (fn) => setImmediate(fn),
  ) {}

  add(key: string, events: readonly E[]): void {
    if (events.length === 0) return;
    const now = this.now();
    let held = this.held.get(key);
    if (!held) this.held.set(key, (held = { since: now, events: [] }));
    held.events.push(...events);
    if (now - held.since >= this.maxMs) this.defer(() => this.release(key));
  }

  release(key: string): void {
    const held = this.held.get(key);
    if (!held) return;
    this.held.delete(key);
    this.send(key, held.events);
  }
}
