import { ERROR_MESSAGES_VI } from '../errors/error-codes.js';
import type { Ack } from '../realtime/ack.js';
import type { MeetingEventDto } from './live-events.js';
import { type PackedEventBatch, unpackEvents } from './event-batch.js';
import type { LiveCommandResults, LiveControlCommand, LiveJoinResult, LiveRoomInfo, LiveSyncResult } from './live.commands.js';
import { LIVE_EVENT_PAGE, type liveCommandSchemas } from './live.commands.js';
import type { z } from 'zod';
import type { VoteCommand, VoteCommandResults, voteCommandSchemas } from '../votes/votes.commands.js';
import { LiveReplica } from './live-replica.js';
import type { LiveState } from './live-state.js';

/**
 * The minimum of a socket.io client socket the live session uses. Structural, so `shared` needs no socket.io
 * dependency; a `socket.io-client` Socket fits as is.
 */
export interface LiveSocketLike {
  readonly connected: boolean;
  on(event: 'connect' | 'disconnect' | 'live:event' | 'live:events', listener: (...args: never[]) => void): unknown;
  off(event: 'connect' | 'disconnect' | 'live:event' | 'live:events', listener: (...args: never[]) => void): unknown;
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
}

export type LiveConnection = 'connecting' | 'live' | 'resyncing' | 'offline';

export interface LiveView {
  seq: number;
  state: LiveState;
  room: LiveRoomInfo | null;
  connection: LiveConnection;
  /** serverTime − local time at the last join, in ms: add it to Date.now() to read the server's clock. */
  clockOffsetMs: number;
  /** Why the room refused this client (no access…), when it did. */
  error: { code: string; message: string } | null;
}

/** Everything a tablet sends to the room: the live control commands and the vote commands. */
type RoomCommand = LiveControlCommand | VoteCommand;
type RoomSchemas = typeof liveCommandSchemas & typeof voteCommandSchemas;
type RoomResults = LiveCommandResults & VoteCommandResults;
type ControlPayload<K extends RoomCommand> = Omit<z.input<RoomSchemas[K]>, 'meetingId' | 'idempotencyKey'>;

export interface LiveSessionOptions {
  /** How long to wait for an ack before retrying (same idempotency key). */
  ackTimeoutMs?: number;
  /** Attempts per command before giving up with NETWORK_ERROR. */
  attempts?: number;
  /** Called once per event applied in order (tests count them: each exactly once). */
  onApplied?: (event: MeetingEventDto) => void;
}

const randomHex = (bytes: number) =>
  Array.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

/** An idempotency key; getRandomValues also works on plain-http LAN pages, where randomUUID does not exist. */
export function newIdempotencyKey(): string {
  return randomHex(16);
}

/**
 * A client of one meeting's live room over one socket: joins on every (re)connect with the last seq it applied
 * (events after it, or a snapshot), applies `live:event` facts exactly once in order, asks for the missing ones on
 * a gap, and sends commands with an idempotency key, retrying with the same key until acknowledged. Correctness
 * never depends on socket.io's connection-state recovery: after a server restart the join catches up from the DB.
 */
export class LiveSession {
  private readonly replica: LiveReplica;
  private room: LiveRoomInfo | null = null;
  private connection: LiveConnection = 'connecting';
  private clockOffsetMs = 0;
  private error: { code: string; message: string } | null = null;
  private readonly listeners = new Set<(view: LiveView) => void>();
  private catchingUp: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private readonly ackTimeoutMs: number;
  private readonly attempts: number;

  constructor(
    private readonly socket: LiveSocketLike,
    readonly meetingId: string,
    options: LiveSessionOptions = {},
  ) {
    this.replica = new LiveReplica(options.onApplied);
    this.ackTimeoutMs = options.ackTimeoutMs ?? 5000;
    this.attempts = options.attempts ?? 4;
    socket.on('connect', this.handleConnect);
    socket.on('disconnect', this.handleDisconnect);
    socket.on('live:event', this.handleEvent);
    socket.on('live:events', this.handleEvents);
    if (socket.connected) this.handleConnect();
  }

  get view(): LiveView {
    return {
      seq: this.replica.seq,
      state: this.replica.state,
      room: this.room,
      connection: this.connection,
      clockOffsetMs: this.clockOffsetMs,
      error: this.error,
    };
  }

  subscribe(listener: (view: LiveView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once the session has joined and caught up (e.g. before a test compares states). */
  async ready(): Promise<void> {
    while (!this.closed && (this.connection !== 'live' || this.catchingUp)) {
      if (this.connection === 'offline' && this.error) return;
      if (this.catchingUp) await this.catchingUp;
      else await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Catch up now (the app calls it when the tablet comes back from the background). */
  resync(): Promise<void> {
    if (!this.socket.connected) return Promise.resolve();
    if (this.catchingUp) {
      this.again = true;
      return this.catchingUp;
    }
    this.catchingUp = this.catchUp().finally(() => {
      this.catchingUp = null;
      if (this.again && !this.closed) {
        this.again = false;
        void this.resync();
      }
    });
    return this.catchingUp;
  }

  /** Sends a control command; retried with the same key on timeout or disconnect, so it takes effect once. */
  async command<K extends RoomCommand>(name: K, payload: ControlPayload<K>): Promise<Ack<RoomResults[K]>> {
    const body = { ...payload, meetingId: this.meetingId, idempotencyKey: newIdempotencyKey() };
    let last: unknown;
    for (let attempt = 0; attempt < this.attempts; attempt++) {
      if (!this.socket.connected) await this.untilConnected(this.ackTimeoutMs);
      try {
        return (await this.socket.timeout(this.ackTimeoutMs).emitWithAck(name, body)) as Ack<RoomResults[K]>;
      } catch (error) {
        last = error; // no ack in time: the command may or may not have landed; the same key makes the retry safe
      }
    }
    return { ok: false, code: 'NETWORK_ERROR', message: `${ERROR_MESSAGES_VI.NETWORK_ERROR} (${String(last)})` };
  }

  close(): void {
    this.closed = true;
    this.socket.off('connect', this.handleConnect);
    this.socket.off('disconnect', this.handleDisconnect);
    this.socket.off('live:event', this.handleEvent);
    this.socket.off('live:events', this.handleEvents);
    this.listeners.clear();
  }

  private readonly handleConnect = () => {
    void this.resync();
  };

  private readonly handleDisconnect = () => {
    this.setConnection('offline');
  };

  private readonly handleEvent = (event: MeetingEventDto) => {
    this.applyEvents([event]);
  };

  private readonly handleEvents = (batch: PackedEventBatch) => {
    this.applyEvents(unpackEvents(batch));
  };

  /** Applies facts in order and tells the listeners once; a gap asks for what is missing. */
  private applyEvents(events: readonly MeetingEventDto[]): void {
    let changed = false;
    let gap = false;
    for (const event of events) {
      if (event.meetingId !== this.meetingId) continue;
      const outcome = this.replica.apply(event);
      gap ||= outcome === 'gap';
      changed ||= outcome !== 'duplicate';
    }
    if (gap) void this.resync();
    if (changed) this.emit();
  }

  private async catchUp(): Promise<void> {
    this.setConnection(this.room ? 'resyncing' : 'connecting');
    for (let attempt = 0; !this.closed && this.socket.connected; attempt++) {
      try {
        const payload = this.room ? { meetingId: this.meetingId, ...this.position() } : { meetingId: this.meetingId };
        const sentAt = Date.now();
        const ack = (await this.socket.timeout(this.ackTimeoutMs).emitWithAck('live:join', payload)) as Ack<LiveJoinResult>;
        const receivedAt = Date.now();
        if (!ack.ok) {
          // refused (no access, meeting gone): retrying will not help
          this.error = { code: ack.code, message: ack.message };
          this.setConnection('offline');
          return;
        }
        this.error = null;
        this.room = ack.room;
        // the server read its clock about halfway through the round trip
        this.clockOffsetMs = Date.parse(ack.serverTime) - (sentAt + receivedAt) / 2;
        let full = this.take(ack);
        // events come in pages: keep asking while a page was full or events wait behind a gap
        while (!this.closed && (full || this.replica.hasGap)) {
          const before = this.replica.seq;
          const sync = (await this.socket.timeout(this.ackTimeoutMs).emitWithAck('live:sync', { meetingId: this.meetingId, ...this.position() })) as Ack<LiveSyncResult>;
          if (!sync.ok) break;
          full = this.take(sync);
          if (this.replica.seq === before) break;
        }
        this.setConnection('live');
        return;
      } catch {
        // no answer in time (server restarting, Wi-Fi flapping): back off and ask again while connected
        await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt)));
      }
    }
  }

  /** Where this replica stands: its last seq and that event's hash (so the server can tell it lost events). */
  private position(): { afterSeq: number; afterHash?: string } {
    const hash = this.replica.hash;
    return hash ? { afterSeq: this.replica.seq, afterHash: hash } : { afterSeq: this.replica.seq };
  }

  /** Applies a sync answer; true when it was a full page of events (more may follow). */
  private take(result: LiveSyncResult): boolean {
    if (result.mode === 'events') {
      for (const event of result.events) this.replica.apply(event);
    } else {
      const snapshot = { seq: result.seq, state: result.state, ...(result.hash ? { hash: result.hash } : {}) };
      if (result.rewound) this.replica.replace(snapshot);
      else this.replica.reset(snapshot);
    }
    this.emit();
    return result.mode === 'events' && result.events.length >= LIVE_EVENT_PAGE;
  }

  private untilConnected(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.socket.off('connect', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.socket.on('connect', done);
    });
  }

  private setConnection(connection: LiveConnection): void {
    if (this.connection === connection) return;
    this.connection = connection;
    this.emit();
  }

  private emit(): void {
    const view = this.view;
    for (const listener of this.listeners) listener(view);
  }
}
