import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { FakeClock } from '../common/clock.js';
import { DbWriter } from '../database/db-writer.js';
import { VoteCloser } from './vote-close.js';
import { VoteKit, yesNo } from './vote-test-kit.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const onSqlite = !onPostgres;

describe(`ballots are durable when acknowledged (${onPostgres ? 'PostgreSQL' : 'SQLite file in WAL mode'})`, () => {
  const clock = new FakeClock(new Date('2026-12-15T01:30:00Z'));
  let dir: string;
  let file: string;
  let k: VoteKit;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-votes-'));
    file = path.join(dir, 'votes.sqlite');
    // A real file, as in production: ":memory:" has neither WAL nor fsync.
    k = await VoteKit.start(clock, onSqlite ? { SQLITE_PATH: file } : {});
  });
  afterAll(async () => {
    await k.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('commits ballots with synchronous = FULL (PostgreSQL: synchronous_commit on) and the rest of the live room with NORMAL', async () => {
    const { meetingId } = await k.liveMeeting();
    const voteId = await k.openVote(meetingId);
    const writer = k.t.app.get(DbWriter);
    const original = writer.transaction.bind(writer);
    const seen: Array<{ durable: boolean; setting: unknown }> = [];
    // PostgreSQL: the setting and who set it ('client': the connection's own startup option, not the server's default)
    const probe = onPostgres ? "SELECT setting || '/' || source AS s FROM pg_settings WHERE name = 'synchronous_commit'" : 'PRAGMA synchronous';
    const spy = jest.spyOn(writer, 'transaction').mockImplementation(<T>(work: (em: EntityManager) => Promise<T>, options?: { durable?: boolean }) =>
      original(async (em) => {
        const [row] = await em.query<Array<Record<string, unknown>>>(probe);
        seen.push({ durable: Boolean(options?.durable), setting: Object.values(row)[0] });
        return work(em);
      }, options),
    );
    try {
      expect(await k.cast('nam', meetingId, voteId, ['yes'])).toMatchObject({ ok: true });
      await k.ok('chair', meetingId, 'speaker:request');
    } finally {
      spy.mockRestore();
    }
    const full = onPostgres ? 'on/client' : 2; // SQLite: 2 = FULL, 1 = NORMAL
    expect(seen.filter((s) => s.durable).map((s) => s.setting)).toEqual([full]);
    // PostgreSQL: every connection starts with synchronous_commit on (data-source.ts), so no statement per transaction
    if (onPostgres) expect(seen.filter((s) => !s.durable).map((s) => s.setting)).toEqual(['on/client']);
    if (onSqlite) {
      expect(seen.filter((s) => !s.durable).map((s) => s.setting)).toEqual([1]);
      // and the connection is back to NORMAL for everything after
      expect(await k.db.query('PRAGMA synchronous')).toEqual([{ synchronous: 1 }]);
      expect(await k.db.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    }
  });

  (onSqlite ? it : it.skip)('empties the WAL when a secret vote closes, so its frames no longer hold the ballots in commit order', async () => {
    const { meetingId } = await k.liveMeeting({ present: ['chair', 'nam', 'lan', 'son'] });
    const voteId = await k.openVote(meetingId, yesNo({ kind: 'secret' }));
    for (const [who, choice] of [['nam', 'yes'], ['lan', 'no'], ['son', 'yes']] as const) await k.cast(who, meetingId, voteId, [choice]);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    await k.ok('chair', meetingId, 'vote:close', { voteId });
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
  });

  it('finishes the scrub on a retried close when the first run died between its commit and the scrub', async () => {
    const { meetingId } = await k.liveMeeting({ present: ['chair', 'nam', 'lan'] });
    const voteId = await k.openVote(meetingId, yesNo({ kind: 'secret' }));
    for (const [who, choice] of [['nam', 'yes'], ['lan', 'no']] as const) await k.cast(who, meetingId, voteId, [choice]);
    const closer = k.t.app.get(VoteCloser);
    const scrub = jest.spyOn(closer, 'scrub').mockResolvedValueOnce(undefined); // the kill: committed, never scrubbed
    try {
      const close = { voteId, idempotencyKey: 'close-secret-killed' };
      const first = await k.ok('chair', meetingId, 'vote:close', close);
      if (onSqlite) expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
      const retried = await k.ok('chair', meetingId, 'vote:close', close);
      expect(retried).toEqual(first);
      expect(scrub).toHaveBeenCalledTimes(2);
      if (onSqlite) expect(fs.statSync(`${file}-wal`).size).toBe(0);
    } finally {
      scrub.mockRestore();
    }
  });

  it('scrubs at startup once a secret vote has ended, and not while none has', async () => {
    const closer = k.t.app.get(VoteCloser);
    const scrub = jest.spyOn(closer, 'scrub').mockResolvedValue(undefined);
    try {
      const { meetingId } = await k.liveMeeting();
      const voteId = await k.openVote(meetingId, yesNo({ kind: 'secret' }));
      await k.db.query(`UPDATE votes SET kind = 'open' WHERE kind = 'secret' AND id <> ${k.param(1)}`, [voteId]); // earlier tests' votes
      await closer.onApplicationBootstrap();
      expect(scrub).not.toHaveBeenCalled();
      await k.ok('chair', meetingId, 'vote:close', { voteId });
      scrub.mockClear();
      await closer.onApplicationBootstrap();
      expect(scrub).toHaveBeenCalledTimes(1);
    } finally {
      scrub.mockRestore();
    }
  });

  (onSqlite ? it : it.skip)('a restarted server closes the vote whose countdown ended while it was down', async () => {
    const { meetingId } = await k.liveMeeting();
    const voteId = await k.openVote(meetingId, yesNo({ durationSec: 60 }));
    await k.cast('nam', meetingId, voteId, ['yes']);
    await k.close();
    clock.advance(5 * 60_000);
    k = await VoteKit.start(clock, { SQLITE_PATH: file });
    // the ballot acknowledged before the restart is there, and the deadline was re-armed from closes_at
    for (let i = 0; i < 50 && (await k.vote(voteId))?.status === 'open'; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await k.vote(voteId)).toMatchObject({ status: 'closed', castCount: 1, result: expect.objectContaining({ cast: 1 }) });
    expect((await k.events(meetingId)).at(-1)).toMatchObject({ type: 'vote.closed', actorUserId: null, payload: { voteId, castCount: 1, by: 'timer' } });
  });
});
