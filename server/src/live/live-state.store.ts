import { Injectable } from '@nestjs/common';
import { type EntityManager, MoreThan } from 'typeorm';
import { initialLiveState, LIVE_STATE_VERSION, type LiveSnapshot, replay } from '@phonghop/shared';
import { LiveSnapshotEntity } from './live-snapshot.entity.js';
import { MeetingEventEntity } from './meeting-event.entity.js';

/**
 * Reads and writes a meeting's live state: the stored snapshot plus the events after it (normally none, since
 * every command rewrites the snapshot with its event). The log stays the truth; the snapshot only saves replays.
 */
@Injectable()
export class LiveStateStore {
  async load(em: EntityManager, meetingId: string): Promise<LiveSnapshot> {
    const stored = await em.findOne(LiveSnapshotEntity, { where: { meetingId } });
    const base: LiveSnapshot =
      stored && stored.version === LIVE_STATE_VERSION ? { seq: stored.seq, state: stored.state } : { seq: 0, state: initialLiveState() };
    const rows = await em.find(MeetingEventEntity, { where: { meetingId, seq: MoreThan(base.seq) }, order: { seq: 'ASC' } });
    if (rows.length === 0) return base;
    const state = replay(rows.map((r) => ({ type: r.type, payload: r.payload, at: r.at.toISOString() })), base.state);
    return { seq: rows[rows.length - 1].seq, state };
  }

  async save(em: EntityManager, meetingId: string, snapshot: LiveSnapshot, at: Date): Promise<void> {
    await em.upsert(
      LiveSnapshotEntity,
      { meetingId, seq: snapshot.seq, version: LIVE_STATE_VERSION, state: snapshot.state, updatedAt: at },
      ['meetingId'],
    );
  }
}
