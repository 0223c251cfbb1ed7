import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Fixtures } from '../testing/factories.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { UserEntity } from '../users/user.entity.js';
import { meetingById, participantsOf, participantsWithNames } from './meeting-rows.js';
import { MeetingEntity } from './meeting.entity.js';
import { ParticipantEntity } from './participant.entity.js';

describe(`meetingById, participantsOf, participantsWithNames (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let fixtures: Fixtures;

  beforeAll(async () => {
    t = await startTestApp();
    fixtures = await Fixtures.create(t);
  });
  afterAll(() => t.close());

  it('reads the same participants, in the same order and with the same values, as the entity repository', async () => {
    const { meeting } = await fixtures.readyMeeting();
    const repo = t.dataSource.getRepository(ParticipantEntity);
    const lan = await repo.findOneByOrFail({ meetingId: meeting.id, userId: await fixtures.userId('pct.lan') });
    await repo.update(
      { id: lan.id },
      { rsvp: 'delegated', rsvpReason: 'Đi công tác tỉnh', substituteUserId: await fixtures.userId('tp.tuphap'), rsvpAt: new Date('2026-12-14T02:03:04.005Z') },
    );
    const raw = await participantsOf(t.dataSource.manager, meeting.id);
    const viaEntity = await repo.find({ where: { meetingId: meeting.id }, order: { createdAt: 'ASC' } });
    expect(raw).toHaveLength(4);
    expect(raw).toEqual(viaEntity);
    expect(raw.every((p) => p instanceof ParticipantEntity)).toBe(true);
    expect(raw.find((p) => p.id === lan.id)).toMatchObject({ rsvp: 'delegated', rsvpReason: 'Đi công tác tỉnh', rsvpAt: new Date('2026-12-14T02:03:04.005Z') });
    expect(await participantsOf(t.dataSource.manager, 'a0000000-0000-4000-8000-000000000000')).toEqual([]);
    // with names: the same rows, and every participant's and substitute's name
    const named = await participantsWithNames(t.dataSource.manager, meeting.id);
    expect(named.participants).toEqual(viaEntity);
    const users = await t.dataSource.getRepository(UserEntity).find();
    const expected = new Map(
      [...viaEntity.map((p) => p.userId), await fixtures.userId('tp.tuphap')].map((id) => {
        const u = users.find((x) => x.id === id)!;
        return [id, { fullName: u.fullName, position: u.position }] as const;
      }),
    );
    expect(named.names).toEqual(expected);
  });

  it('reads the same meeting as the entity repository, with its JSON, times and booleans, and null for an unknown id', async () => {
    const { meeting } = await fixtures.readyMeeting();
    const repo = t.dataSource.getRepository(MeetingEntity);
    await repo.update(
      { id: meeting.id },
      { liveSettings: { quorumRule: { kind: 'at_least_fraction', numerator: 2, denominator: 3 }, checkInOpensMinutes: 45 }, shortNotice: true, cancelReason: 'Hoãn do bão', agendaApprovedAt: new Date('2026-12-10T01:00:00.250Z') },
    );
    const viaEntity = await repo.findOneByOrFail({ id: meeting.id });
    const raw = await meetingById(t.dataSource.manager, meeting.id);
    expect(raw).toBeInstanceOf(MeetingEntity);
    expect(raw).toEqual(viaEntity);
    expect(raw).toMatchObject({ shortNotice: true, cancelReason: 'Hoãn do bão', liveSettings: { quorumRule: { kind: 'at_least_fraction', numerator: 2, denominator: 3 }, checkInOpensMinutes: 45 } });
    expect(await meetingById(t.dataSource.manager, 'a0000000-0000-4000-8000-000000000000')).toBeNull();
  });
});
