import type { LiveControlCommand } from '@phonghop/shared';
import type { DemoMeeting, LiveClient } from './live-clients.js';

/** One command of the script, as it ended: its idempotency key, how often it left the socket, and its seq. */
export interface ScriptedCommand {
  actor: string;
  name: LiveControlCommand;
  key: string;
  attempts: number;
  seq: number;
}

interface Step {
  actor: LiveClient;
  name: LiveControlCommand;
  payload: Record<string, unknown>;
}

/**
 * A meeting as the chair runs it: start, then rounds of opening an item, turning pages, two members asking to
 * speak, reordering, granting, the timer paused, resumed and extended, the floor handed on and closed, attendance,
 * now and then a pause. Each step is valid whatever happened before it (the script never reads a client's state),
 * so every command must be accepted: anything but `{ ok: true }` stops the script with an error. Commands go one at
 * a time through each actor's own LiveSession (idempotency key, retries), which is what the tests put under stress.
 */
export class MeetingScript {
  readonly done: ScriptedCommand[] = [];
  /** The command waiting for its ack, and how many commands its actor had sent before it. */
  inFlight: { actor: LiveClient; sentBefore: number } | null = null;
  private readonly steps: Generator<Step, never>;
  private waiters: Array<{ n: number; resolve: () => void; reject: (e: Error) => void }> = [];
  private failure: Error | null = null;

  constructor(
    private readonly meeting: DemoMeeting,
    private readonly chair: LiveClient,
    private readonly members: readonly LiveClient[],
  ) {
    if (members.length < 2) throw new Error('the script needs two members who ask to speak');
    this.steps = this.generate();
  }

  /** Commands accepted so far; also the last seq, as each appends one event to a log nobody else writes. */
  get acked(): number {
    return this.done.length;
  }

  /** Sends the next command and resolves with its outcome once acknowledged `{ ok: true }`. */
  async next(): Promise<ScriptedCommand> {
    const { actor, name, payload } = this.steps.next().value;
    this.inFlight = { actor, sentBefore: actor.sent.length };
    const ack = await actor.session.command(name, payload);
    const mine = actor.sent.slice(this.inFlight.sentBefore);
    this.inFlight = null;
    if (!ack.ok) throw new Error(`${actor.name} ${name} ${JSON.stringify(payload)} was refused: ${ack.code} ${ack.message}`);
    const key = mine[0]?.key;
    if (!key || mine.some((m) => m.event !== name || m.key !== key)) {
      throw new Error(`${actor.name} ${name}: expected one idempotency key over every attempt, saw ${JSON.stringify(mine)}`);
    }
    const command: ScriptedCommand = { actor: actor.name, name, key, attempts: mine.length, seq: ack.seq };
    this.done.push(command);
    this.waiters = this.waiters.filter((w) => (this.acked >= w.n ? (w.resolve(), false) : true));
    return command;
  }

  /**
   * Runs commands back to back (at most one per `intervalMs`) until stopped; `stop()` lets the command in flight
   * finish and rethrows the first failure.
   */
  run(intervalMs = 0): { stop(): Promise<void> } {
    let stopping = false;
    const loop = (async () => {
      while (!stopping) {
        const started = Date.now();
        await this.next();
        const rest = intervalMs - (Date.now() - started);
        if (rest > 0 && !stopping) await new Promise((r) => setTimeout(r, rest));
      }
    })().catch((error: unknown) => {
      this.failure = error instanceof Error ? error : new Error(String(error));
      for (const w of this.waiters) w.reject(this.failure);
      this.waiters = [];
    });
    return {
      stop: async () => {
        stopping = true;
        await loop;
        if (this.failure) throw this.failure;
      },
    };
  }

  /** Resolves once `n` commands were accepted (rejects if the running script failed first). */
  reached(n: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.acked >= n) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ n, resolve, reject }));
  }

  private *generate(): Generator<Step, never> {
    const { itemIds, document } = this.meeting;
    const chair = (name: LiveControlCommand, payload: Record<string, unknown> = {}): Step => ({ actor: this.chair, name, payload });
    const member = (actor: LiveClient, name: LiveControlCommand): Step => ({ actor, name, payload: {} });
    const userId = (c: LiveClient) => {
      const id = c.session.view.room?.me.userId;
      if (!id) throw new Error(`${c.name} has not joined the room yet`);
      return id;
    };

    yield chair('meeting:start');
    for (let round = 0; ; round++) {
      const first = this.members[round % this.members.length];
      const second = this.members[(round + 1) % this.members.length];
      // consecutive rounds open different items: opening the current item again would be refused
      yield chair('agenda:open-item', { itemId: itemIds[round % itemIds.length] });
      for (let turn = 0; turn < 2; turn++) {
        const page = ((round * 2 + turn) % document.pageCount) + 1;
        yield chair('presentation:go-to-page', { documentId: document.id, version: document.version, page, viewport: { x: 0, y: turn / 2, zoom: 1 + turn } });
      }
      yield member(first, 'speaker:request');
      yield member(second, 'speaker:request');
      yield chair('speaker:move', { userId: userId(second), direction: 'up' });
      yield chair('speaker:grant', { userId: userId(first) });
      yield chair('speaker:pause-timer');
      yield chair('speaker:resume-timer');
      yield chair('speaker:add-minute');
      yield chair('speaker:grant', { userId: userId(second) });
      yield chair('speaker:end-turn');
      // each mark of a member differs from their last one: the same mark again would be refused
      const marks = Math.floor(round / this.members.length);
      yield chair('attendance:mark', { userId: userId(first), state: marks % 2 === 0 ? 'present_in_person' : 'present_online' });
      if (round % 3 === 2) {
        yield chair('meeting:pause');
        yield chair('meeting:resume');
      }
    }
  }
}
