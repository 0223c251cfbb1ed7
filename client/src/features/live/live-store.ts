import type { z } from 'zod';
import {
  type Ack,
  initialLiveState,
  type LiveCommandResults,
  type LiveControlCommand,
  type liveCommandSchemas,
  LiveSession,
  type LiveSocketLike,
  type LiveView,
  type VoteCommand,
  type VoteCommandResults,
  type voteCommandSchemas,
} from '@phonghop/shared';

/** Everything a screen sends to the room: the live control commands and the vote commands. */
export type RoomCommand = LiveControlCommand | VoteCommand;
type RoomSchemas = typeof liveCommandSchemas & typeof voteCommandSchemas;
export type RoomCommandResults = LiveCommandResults & VoteCommandResults;

/** A command's payload as the screens give it: the session adds the meeting id and the idempotency key. */
export type LivePayload<K extends RoomCommand> = Omit<z.input<RoomSchemas[K]>, 'meetingId' | 'idempotencyKey'>;

const OFFLINE: Ack<{ seq: number }> = { ok: false, code: 'NETWORK_ERROR', message: '' };

/**
 * One meeting's live room for React: built without side effects (so a component can own it from its first render),
 * attached to the socket by an effect, and read through useSyncExternalStore. The view object only changes when
 * the session emits, which is what useSyncExternalStore needs from a snapshot.
 */
export class LiveRoomStore {
  private session: LiveSession | null = null;
  private view: LiveView = { seq: 0, state: initialLiveState(), room: null, connection: 'connecting', clockOffsetMs: 0, error: null };
  private readonly listeners = new Set<() => void>();

  constructor(readonly meetingId: string) {}

  /** Opens the session on `socket`; the returned function closes it (effect cleanup). */
  attach(socket: LiveSocketLike): () => void {
    const session = new LiveSession(socket, this.meetingId);
    this.session = session;
    const unsubscribe = session.subscribe((view) => this.set(view));
    this.set(session.view);
    return () => {
      unsubscribe();
      session.close();
      if (this.session === session) this.session = null;
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): LiveView => this.view;

  command<K extends RoomCommand>(name: K, payload: LivePayload<K>): Promise<Ack<RoomCommandResults[K]>> {
    if (!this.session) return Promise.resolve(OFFLINE as Ack<RoomCommandResults[K]>);
    return this.session.command(name, payload);
  }

  resync(): Promise<void> {
    return this.session?.resync() ?? Promise.resolve();
  }

  private set(view: LiveView): void {
    this.view = view;
    for (const listener of this.listeners) listener();
  }
}
