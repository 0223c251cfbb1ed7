import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Fixtures } from '../testing/factories.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { participantsOf } from './participant-rows.js';
import { ParticipantEntity } from './participant.entity.js';

describe(`participantsOf (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let dataSource: DataSource;
  let fixtures: Fixtures;

  beforeAll(async () => {
    t = await startTestApp();
    dataSource = t.app.get<DataSource>(getDataSourceToken());
    fixtures = await Fixtures.create(t);
  });
  afterAll(() => t.close());

  it('reads the same participants, in the same order and with the same values, as the entity repository', async () => {
    const { meeting } = await fixtures.readyMeeting();
    const repo = dataSource.getRepository(ParticipantEntity);
    const lan = await repo.findOneByOrFail({ meetingId: meeting.id, userId: await fixtures.userId('pct.lan') });
    await repo.update(
      { id: lan.id },
      { rsvp: 'delegated', rsvpReason: 'Đi công tác tỉnh', substituteUserId: await fixtures.userId('tp.tuphap'), rsvpAt: new Date('2026-12-14T02:03:04.005Z') },
    );
    const raw = await participantsOf(dataSource.manager, meeting.id);
    const viaEntity = await repo.find({ where: { meetingId: meeting.id }, order: { createdAt: 'ASC' } });
    expect(raw).toHaveLength(4);
    expect(raw).toEqual(viaEntity);
    expect(raw.every((p) => p instanceof ParticipantEntity)).toBe(true);
    expect(raw.find((p) => p.id === lan.id)).toMatchObject({ rsvp: 'delegated', rsvpReason: 'Đi công tác tỉnh', rsvpAt: new Date('2026-12-14T02:03:04.005Z') });
    expect(await participantsOf(dataSource.manager, 'a0000000-0000-4000-8000-000000000000')).toEqual([]);
  });
});
