import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MeetingDto, MeetingPublishedEvent, MeetingSummaryDto, PublishResultDto } from '@phonghop/shared';
import { FakeClock } from '../common/clock.js';
import { Fixtures, json } from '../testing/factories.js';
import { nextEvent, startTestApp, type TestApp } from '../testing/test-app.js';

describe('meetings', () => {
  // Tuesday 1 December 2026, 08:00 in Hà Nội.
  const clock = new FakeClock(new Date('2026-12-01T01:00:00Z'));
  let t: TestApp;
  let f: Fixtures;
  let member: string;
  beforeAll(async () => {
    t = await startTestApp({ clock });
    f = await Fixtures.create(t);
    member = await t.login('pct.nam');
  });
  afterAll(() => t.close());

  it('lets a secretary create a meeting, and nobody else', async () => {
    const meeting = await f.meeting();
    expect(meeting).toMatchObject({ status: 'draft', agendaStatus: 'draft', title: 'Phiên họp thường kỳ UBND huyện tháng 12 năm 2026' });
    const res = await t.request('POST', '/api/meetings', { cookie: member, body: { title: 'x' } });
    expect(res.status).toBe(400); // validated first…
    const valid = await t.request('POST', '/api/meetings', {
      cookie: member,
      body: { title: 'Họp', kind: 'briefing', startsAt: '2026-12-10T08:00:00+07:00', endsAt: '2026-12-10T09:00:00+07:00', location: 'P1', organizer: 'UBND' },
    });
    expect(valid.status).toBe(403); // …then authorised
  });

  it('refuses an end before the start, in Vietnamese', async () => {
    const res = await t.request('POST', '/api/meetings', {
      cookie: f.secretary,
      body: { title: 'Họp', kind: 'briefing', startsAt: '2026-12-10T09:00:00+07:00', endsAt: '2026-12-10T08:00:00+07:00', location: 'P1', organizer: 'UBND' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { details: Record<string, string> }).details.endsAt).toBe('Thời gian kết thúc phải sau thời gian bắt đầu.');
  });

  it('keeps a draft from its participants until it is published', async () => {
    const meeting = await f.meeting();
    await f.addParticipant(meeting.id, 'pct.nam', 'member');
    expect((await t.request('GET', `/api/meetings/${meeting.id}`, { cookie: member })).status).toBe(404);
    const mine = await json<MeetingSummaryDto[]>(await t.request('GET', '/api/meetings', { cookie: member }));
    expect(mine.map((m) => m.id)).not.toContain(meeting.id);
  });

  it('refuses a participant twice', async () => {
    const meeting = await f.meeting();
    await f.addParticipant(meeting.id, 'pct.lan', 'member');
    const again = await t.request('POST', `/api/meetings/${meeting.id}/participants`, {
      cookie: f.secretary,
      body: { userId: await f.userId('pct.lan'), role: 'guest' },
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('PARTICIPANT_EXISTS');
  });

  it('publishes only with a chair and an approved agenda', async () => {
    const meeting = await f.meeting();
    expect(((await (await f.publish(meeting.id)).json()) as { code: string }).code).toBe('CHAIR_REQUIRED');
    await f.addParticipant(meeting.id, 'chutich', 'chair');
    await f.agendaItem(meeting.id, 'Khai mạc');
    expect(((await (await f.publish(meeting.id)).json()) as { code: string }).code).toBe('AGENDA_NOT_APPROVED');
    // Only the chair approves.
    expect((await t.request('POST', `/api/meetings/${meeting.id}/agenda/approve`, { cookie: f.secretary })).status).toBe(403);
    const chair = await t.login('chutich');
    const approved = await json<MeetingDto>(await t.request('POST', `/api/meetings/${meeting.id}/agenda/approve`, { cookie: chair }));
    expect(approved.agendaStatus).toBe('approved');
    // Editing the agenda sends it back to the chair.
    await f.agendaItem(meeting.id, 'Bế mạc');
    const after = await json<MeetingDto>(await t.request('GET', `/api/meetings/${meeting.id}`, { cookie: f.secretary }));
    expect(after.agendaStatus).toBe('draft');
  });

  it('warns when fewer than 3 working days remain, and publishes once the secretary confirms', async () => {
    // Published Tuesday 1/12 for Thursday 3/12: only Wednesday in between.
    const { meeting } = await f.readyMeeting({ startsAt: '2026-12-03T08:00:00+07:00', endsAt: '2026-12-03T11:00:00+07:00' });
    const warned = await f.publish(meeting.id);
    expect(warned.status).toBe(409);
    const body = (await warned.json()) as { code: string; message: string };
    expect(body.code).toBe('PUBLISH_SHORT_NOTICE');
    expect(body.message).toMatch(/chỉ còn 1 ngày làm việc/);
    const confirmed = await json<PublishResultDto>(await f.publish(meeting.id, true));
    expect(confirmed).toMatchObject({ shortNotice: true, workingDaysAhead: 1, meeting: { status: 'published', agendaStatus: 'published' } });
  });

  it('publishes with enough notice, telling each participant’s tablet and nobody else', async () => {
    const { meeting } = await f.readyMeeting();
    const outsiderCookie = await t.login('tp.noivu');
    const memberSocket = t.socket(member);
    const outsider = t.socket(outsiderCookie);
    await Promise.all([nextEvent(memberSocket, 'session:welcomed'), nextEvent(outsider, 'session:welcomed')]);
    let outsiderHeard = false;
    outsider.on('meeting:published', () => (outsiderHeard = true));
    const heard = nextEvent<MeetingPublishedEvent>(memberSocket, 'meeting:published');
    const result = await json<PublishResultDto>(await f.publish(meeting.id));
    expect(result).toMatchObject({ shortNotice: false, workingDaysAhead: 9 });
    expect(await heard).toEqual({ meetingId: meeting.id, title: meeting.title, startsAt: '2026-12-15T01:00:00.000Z' });
    await t.request('GET', '/api/health'); // let any stray emit arrive
    expect(outsiderHeard).toBe(false);
    const mine = await json<MeetingSummaryDto[]>(await t.request('GET', '/api/meetings', { cookie: member }));
    expect(mine.find((m) => m.id === meeting.id)).toMatchObject({ myRole: 'member', chair: { fullName: 'Trần Văn Minh' } });
    // Publishing twice is refused.
    expect((await f.publish(meeting.id)).status).toBe(409);
  });

  it('records answers to the invitation, and a substitute who then holds the member’s seat', async () => {
    const { meeting } = await f.readyMeeting();
    await json(await f.publish(meeting.id));
    const lan = await t.login('pct.lan');
    const noReason = await t.request('POST', `/api/meetings/${meeting.id}/rsvp`, { cookie: lan, body: { status: 'absent' } });
    expect(noReason.status).toBe(400);
    const bad = await t.request('POST', `/api/meetings/${meeting.id}/rsvp`, {
      cookie: lan,
      body: { status: 'delegated', substituteUserId: await f.userId('pct.nam') },
    });
    expect(((await bad.json()) as { code: string }).code).toBe('SUBSTITUTE_INVALID');

    const candidates = await json<Array<{ fullName: string }>>(await t.request('GET', `/api/meetings/${meeting.id}/substitute-candidates`, { cookie: lan }));
    expect(candidates.map((c) => c.fullName)).toContain('Bùi Thanh Sơn');
    expect(candidates.map((c) => c.fullName)).not.toContain('Lê Hoàng Nam');

    const delegated = await json<MeetingDto>(
      await t.request('POST', `/api/meetings/${meeting.id}/rsvp`, {
        cookie: lan,
        body: { status: 'delegated', substituteUserId: await f.userId('cvp.son'), reason: 'Đi công tác tỉnh' },
      }),
    );
    const seat = delegated.participants.find((p) => p.user.fullName === 'Phạm Thị Lan')!;
    expect(seat).toMatchObject({ rsvp: 'delegated', rsvpReason: 'Đi công tác tỉnh', substitute: { fullName: 'Bùi Thanh Sơn' } });
    expect(seat.rsvpAt).toBe(clock.now().toISOString());

    const son = await t.login('cvp.son');
    const sonsList = await json<MeetingSummaryDto[]>(await t.request('GET', '/api/meetings', { cookie: son }));
    expect(sonsList.find((m) => m.id === meeting.id)).toMatchObject({ myRole: 'member', asSubstituteFor: { fullName: 'Phạm Thị Lan' } });
    // The substitute attends; they do not answer the invitation themselves.
    const sonRsvp = await t.request('POST', `/api/meetings/${meeting.id}/rsvp`, { cookie: son, body: { status: 'attending' } });
    expect(sonRsvp.status).toBe(403);
  });

  it('cancels with a reason, tells the participants, and allows nothing after', async () => {
    const { meeting } = await f.readyMeeting();
    await json(await f.publish(meeting.id));
    const socket = t.socket(member);
    await nextEvent(socket, 'session:welcomed');
    const heard = nextEvent<{ reason: string }>(socket, 'meeting:cancelled');
    const cancelled = await json<MeetingDto>(
      await t.request('POST', `/api/meetings/${meeting.id}/cancel`, { cookie: f.secretary, body: { reason: 'Trùng lịch họp Huyện ủy' } }),
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Trùng lịch họp Huyện ủy' });
    expect((await heard).reason).toBe('Trùng lịch họp Huyện ủy');
    const again = await t.request('POST', `/api/meetings/${meeting.id}/publish`, { cookie: f.secretary, body: {} });
    expect(((await again.json()) as { code: string }).code).toBe('INVALID_STATUS_TRANSITION');
  });

  it('gives the invitation, an ICS file and a personal calendar feed that needs no cookie', async () => {
    const { meeting } = await f.readyMeeting();
    await json(await f.publish(meeting.id));
    const invitation = await json<{ title: string; time: string; chair: { fullName: string }; agenda: Array<{ number: string }> }>(
      await t.request('GET', `/api/meetings/${meeting.id}/invitation`, { cookie: member }),
    );
    expect(invitation).toMatchObject({ title: 'GIẤY MỜI', chair: { fullName: 'Trần Văn Minh' } });
    expect(invitation.time).toBe('Vào lúc 8 giờ 00 phút, thứ Ba, ngày 15 tháng 12 năm 2026');
    expect(invitation.agenda.map((i) => i.number)).toEqual(['1', '2']);

    const ics = await t.request('GET', `/api/meetings/${meeting.id}/calendar.ics`, { cookie: member });
    expect(ics.headers.get('content-type')).toMatch(/text\/calendar/);
    expect(await ics.text()).toContain('DTSTART:20261215T010000Z');

    const { path } = await json<{ path: string }>(await t.request('POST', '/api/calendar/feed-token', { cookie: member }));
    const feed = await t.request('GET', path);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain(`UID:${meeting.id}@phonghop`);
    await json(await t.request('POST', '/api/calendar/feed-token', { cookie: member }));
    expect((await t.request('GET', path)).status).toBe(404);
  });
});
