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
import { type DisplayedLiveView, displayedView, type LastKnown, lastKnownKey, parseLastKnown, toLastKnown } from './last-known';

/** Everything a screen sends to the room: the live control commands and the vote commands. */
export type RoomCommand = LiveControlCommand | VoteCommand;
type RoomSchemas = typeof liveCommandSchemas & typeof voteCommandSchemas;
export type RoomCommandResults = LiveCommandResults & VoteCommandResults;

/** A command's payload as the screens give it: the session adds the meeting id and the idempotency key. */
export type LivePayload<K extends RoomCommand> = Omit<z.input<RoomSchemas[K]>, 'meetingId' | 'idempotencyKey'>;

const OFFLINE: Ack<{ seq: number }> = { ok: false, code: 'NETWORK_ERROR', message: '' };
const NOT_JOINED: LiveView = { seq: 0, state: initialLiveState(), room: null, connection: 'connecting', clockOffsetMs: 0, error: null };

/** localStorage, or nothing where it is blocked (private mode): the room then simply has no last known state. */
function deviceStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * One meeting's live room for React: built without side effects (so a component can own it from its first render),
 * attached to the socket by an effect, and read through useSyncExternalStore. The view object only changes when
 * the session emits, which is what useSyncExternalStore needs from a snapshot.
 */
export class LiveRoomStore {
  private session: LiveSession | null = null;
  private last: LastKnown | null;
  private view: DisplayedLiveView;
  private readonly listeners = new Set<() => void>();

  /** Shows the meeting's last known state (last-known.ts) until the session has joined, e.g. with no network. */
  constructor(
    readonly meetingId: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null = deviceStorage(),
  ) {
    this.last = parseLastKnown(this.read(), meetingId);
    this.view = displayedView(NOT_JOINED, this.last);
  }

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

  readonly getSnapshot = (): DisplayedLiveView => this.view;

  command<K extends RoomCommand>(name: K, payload: LivePayload<K>): Promise<Ack<RoomCommandResults[K]>> {
    if (!this.session) return Promise.resolve(OFFLINE as Ack<RoomCommandResults[K]>);
    return this.session.command(name, payload);
  }

  resync(): Promise<void> {
    return this.session?.resync() ?? Promise.resolve();
  }

  private set(view: LiveView): void {
    const keep = toLastKnown(view, Date.now());
    if (keep) {
      this.last = keep;
      this.write(keep);
    }
    this.view = displayedView(view, this.last);
    for (const listener of this.listeners) listener();
  }

  private read(): string | null {
    try {
      return this.storage?.getItem(lastKnownKey(this.meetingId)) ?? null;
    } catch {
      return null;
    }
  }

  private write(last: LastKnown): void {
    try {
      this.storage?.setItem(lastKnownKey(this.meetingId), JSON.stringify(last));
    } catch {
      // storage full or blocked: the room works, it just has no offline copy
    }
  }
}
