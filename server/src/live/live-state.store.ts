import { Injectable } from '@nestjs/common';
import { type EntityManager, MoreThanOrEqual } from 'typeorm';
import { initialLiveState, LIVE_STATE_VERSION, type LiveSnapshot, replay } from '@phonghop/shared';
import { LiveSnapshotEntity } from './live-snapshot.entity.js';
import { MeetingEventEntity } from './meeting-event.entity.js';

/**
 * Reads and writes a meeting's live state: the stored snapshot plus the events after it (normally none, since
 * every command rewrites the snapshot with its event). The log stays the truth; the snapshot only saves replays.
 */
@Injectable()
export class LiveStateStore {
  /**
   * The state and the log's head: `hash` is the hash of event `seq`, read with the events after the snapshot (the
   * event at its seq comes along), so a caller holding the meeting's lock can append without reading the head again.
   */
  async load(em: EntityManager, meetingId: string): Promise<LiveSnapshot> {
    const stored = await em.findOne(LiveSnapshotEntity, { where: { meetingId } });
    const base: LiveSnapshot =
      stored && stored.version === LIVE_STATE_VERSION ? { seq: stored.seq, state: stored.state } : { seq: 0, state: initialLiveState() };
    const rows = await em.find(MeetingEventEntity, { where: { meetingId, seq: MoreThanOrEqual(Math.max(base.seq, 1)) }, order: { seq: 'ASC' } });
    const head = rows.at(-1);
    if (!head) return base;
    const newer = rows.filter((r) => r.seq > base.seq);
    const state = newer.length === 0 ? base.state : replay(newer.map((r) => ({ type: r.type, payload: r.payload, at: r.at.toISOString() })), base.state);
    return { seq: head.seq, state, hash: head.hash };
  }

  async save(em: EntityManager, meetingId: string, snapshot: LiveSnapshot, at: Date): Promise<void> {
    await em.upsert(
      LiveSnapshotEntity,
      { meetingId, seq: snapshot.seq, version: LIVE_STATE_VERSION, state: snapshot.state, updatedAt: at },
      ['meetingId'],
    );
  }
}
