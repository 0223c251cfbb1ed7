import type { MeetingEventDto } from './live-events.js';
import type { LiveSnapshot } from './live.commands.js';
import { applyEvent, initialLiveState, type LiveState } from './live-state.js';

export type ApplyOutcome = 'applied' | 'duplicate' | 'gap';

/**
 * A client's copy of a meeting's live state: the last seq it applied and the state after it. Events apply exactly
 * once and in order: an old seq is dropped, a seq past the next one is held until the gap is filled (by a sync),
 * and `reset` takes a snapshot only when it is newer than what the replica already has.
 */
export class LiveReplica {
  private current: LiveSnapshot = { seq: 0, state: initialLiveState() };
  private lastHash: string | undefined;
  private readonly held = new Map<number, MeetingEventDto>();

  constructor(private readonly onApplied?: (event: MeetingEventDto) => void) {}

  get seq(): number {
    return this.current.seq;
  }

  get state(): LiveState {
    return this.current.state;
  }

  /**
   * The hash of the last event applied (or of the snapshot's last event), sent with a resync; undefined when not
   * known (an event inside a packed batch, other than its last, comes with an empty hash).
   */
  get hash(): string | undefined {
    return this.lastHash;
  }

  /** True while events past a gap wait for the missing ones. */
  get hasGap(): boolean {
    return this.held.size > 0;
  }

  apply(event: MeetingEventDto): ApplyOutcome {
    if (event.seq <= this.current.seq) return 'duplicate';
    if (event.seq > this.current.seq + 1) {
      this.held.set(event.seq, event);
      return 'gap';
    }
    this.step(event);
    this.drain();
    return 'applied';
  }

  /** Takes a snapshot (from join or sync) unless the replica is already at or past it. */
  reset(snapshot: LiveSnapshot): boolean {
    if (snapshot.seq < this.current.seq) return false;
    this.replace(snapshot);
    return true;
  }

  /**
   * Takes the server's snapshot whatever the seq: the server answered `rewound` (it lost events this replica had
   * applied), so everything held or applied past it is void.
   */
  replace(snapshot: LiveSnapshot): void {
    this.current = { seq: snapshot.seq, state: snapshot.state };
    this.lastHash = snapshot.hash;
    for (const seq of this.held.keys()) if (seq <= snapshot.seq) this.held.delete(seq);
    this.drain();
  }

  private step(event: MeetingEventDto): void {
    this.current = { seq: event.seq, state: applyEvent(this.current.state, event) };
    this.lastHash = event.hash || undefined;
    this.onApplied?.(event);
  }

  private drain(): void {
    for (let next = this.held.get(this.current.seq + 1); next; next = this.held.get(this.current.seq + 1)) {
      this.held.delete(next.seq);
      this.step(next);
    }
    for (const seq of this.held.keys()) if (seq <= this.current.seq) this.held.delete(seq);
  }
}
