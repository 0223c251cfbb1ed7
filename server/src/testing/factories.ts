import type { CreateMeetingRequest, DirectoryEntryDto, DocumentMetadata, MeetingDto, MeetingRole } from '@phonghop/shared';
import type { TestApp } from './test-app.js';

/** Test data through the real HTTP API, as a secretary would enter it. */
export class Fixtures {
  private directoryCache: DirectoryEntryDto[] | undefined;

  constructor(
    private readonly t: TestApp,
    readonly secretary: string,
  ) {}

  static async create(t: TestApp): Promise<Fixtures> {
    return new Fixtures(t, await t.login('thuky'));
  }

  async userId(username: string): Promise<string> {
    this.directoryCache ??= (await json<DirectoryEntryDto[]>(await this.t.request('GET', '/api/users/directory', { cookie: this.secretary })));
    const user = this.directoryCache.find((u) => u.username === username);
    if (!user) throw new Error(`no user ${username}`);
    return user.id;
  }

  async meeting(overrides: Partial<CreateMeetingRequest> = {}): Promise<MeetingDto> {
    const body: CreateMeetingRequest = {
      title: 'Phiên họp thường kỳ UBND huyện tháng 12 năm 2026',
      kind: 'regular',
      startsAt: '2026-12-15T08:00:00+07:00',
      endsAt: '2026-12-15T11:30:00+07:00',
      location: 'Phòng họp số 1, trụ sở UBND huyện',
      organizer: 'Ủy ban nhân dân huyện Phụng Hiệp',
      content: 'Đánh giá tình hình kinh tế - xã hội năm 2026; nhiệm vụ năm 2027.',
      preparation: 'Các phòng chuẩn bị số liệu báo cáo.',
      ...overrides,
    };
    return json<MeetingDto>(await this.t.request('POST', '/api/meetings', { cookie: this.secretary, body }), 201);
  }

  async addParticipant(meetingId: string, username: string, role: MeetingRole): Promise<MeetingDto> {
    const res = await this.t.request('POST', `/api/meetings/${meetingId}/participants`, {
      cookie: this.secretary,
      body: { userId: await this.userId(username), role },
    });
    return json<MeetingDto>(res, 201);
  }

  async agendaItem(meetingId: string, title: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await this.t.request('POST', `/api/meetings/${meetingId}/agenda/items`, { cookie: this.secretary, body: { title, ...extra } });
    const agenda = await json<{ items: Array<{ id: string; title: string }> }>(res, 201);
    return agenda.items.find((i) => i.title === title)!.id;
  }

  /** A meeting with a chair (chutich), two members (pct.nam, pct.lan), a guest (tp.tuphap), two agenda items, approved. */
  async readyMeeting(overrides: Partial<CreateMeetingRequest> = {}): Promise<{ meeting: MeetingDto; items: string[]; chair: string }> {
    const meeting = await this.meeting(overrides);
    await this.addParticipant(meeting.id, 'chutich', 'chair');
    await this.addParticipant(meeting.id, 'pct.nam', 'member');
    await this.addParticipant(meeting.id, 'pct.lan', 'member');
    await this.addParticipant(meeting.id, 'tp.tuphap', 'guest');
    const items = [
      await this.agendaItem(meeting.id, 'Báo cáo tình hình kinh tế - xã hội năm 2026'),
      await this.agendaItem(meeting.id, 'Kế hoạch cải cách hành chính năm 2027'),
    ];
    const chair = await this.t.login('chutich');
    await json(await this.t.request('POST', `/api/meetings/${meeting.id}/agenda/approve`, { cookie: chair }));
    return { meeting, items, chair };
  }

  async publish(meetingId: string, acknowledgeShortNotice = false): Promise<Response> {
    return this.t.request('POST', `/api/meetings/${meetingId}/publish`, { cookie: this.secretary, body: { acknowledgeShortNotice } });
  }
}

/** The metadata of the plan fixture (vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.pdf), as a secretary enters it. */
export const documentMeta = (overrides: Partial<DocumentMetadata> = {}): DocumentMetadata => ({
  docType: 'ke_hoach',
  number: '125',
  symbol: 'KH-UBND',
  issuedOn: '2021-06-15',
  issuer: 'UBND huyện Phụng Hiệp',
  summary: 'Kế hoạch cải cách hành chính giai đoạn 2021 – 2025',
  ...overrides,
});

/** Parses a JSON answer, failing with the server's error body when the status is not the expected one. */
export async function json<T = unknown>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
