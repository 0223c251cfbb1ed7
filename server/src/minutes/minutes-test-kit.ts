import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import type { MeetingEventDto, MinutesDto, MinutesSaveResultDto } from '@phonghop/shared';
import type { FakeClock } from '../common/clock.js';
import { json } from '../testing/factories.js';
import { PEOPLE, VoteKit, type Who } from '../votes/vote-test-kit.js';

/** Test support for the minutes specs: one scripted meeting over real sockets, and the HTTP calls around it. */

export const MEETING_START = new Date('2026-12-15T01:00:00Z'); // 08:00 in Vietnam, Tuesday 15/12/2026
export const ABSENCE_REASON = 'Đi công tác tại tỉnh';
export const SUMMARIES = {
  nam: 'Đề nghị bổ sung số liệu thu ngân sách quý IV và giải pháp tháo gỡ vướng mắc giải phóng mặt bằng.',
  sub: 'Thống nhất với báo cáo; đề nghị ưu tiên vốn cho các xã vùng sâu, vùng xa.',
  chair: 'Yêu cầu các phòng chuyên môn hoàn thiện kế hoạch cải cách hành chính trước ngày 31/12.',
};
export const CONCLUSIONS = [
  'Thống nhất thông qua báo cáo tình hình kinh tế - xã hội năm 2026; Phòng Tài chính – Kế hoạch hoàn thiện số liệu.',
  'Giao Phòng Nội vụ chủ trì hoàn thiện Kế hoạch cải cách hành chính năm 2027, trình UBND huyện trước ngày 31/12/2026.',
];

export interface ScriptedMeeting {
  meetingId: string;
  items: string[];
  /** Seqs of the `speaker.granted` events: nam and the substitute on item 1, the chair on item 2. */
  turns: { nam: number; sub: number; chair: number };
  namedVoteId: string;
  secretVoteId: string;
}

export class MinutesKit {
  private constructor(
    readonly k: VoteKit,
    readonly clock: FakeClock,
  ) {}

  static async start(clock: FakeClock, env: Record<string, string> = {}): Promise<MinutesKit> {
    return new MinutesKit(await VoteKit.start(clock, env), clock);
  }

  get t() {
    return this.k.t;
  }

  private async step(who: Who, meetingId: string, event: string, extra: Record<string, unknown> = {}, advanceSec = 30): Promise<number> {
    this.clock.advance(advanceSec * 1000);
    return (await this.k.ok(who, meetingId, event, extra)).seq!;
  }

  /**
   * The meeting of the acceptance test: chair, nam and lan's substitute present, son absent with a reason, a guest;
   * two items, three speakers (summaries typed live), a named vote on item 1 and a secret vote on item 2, the end.
   */
  async scriptedMeeting(options: { end?: boolean } = {}): Promise<ScriptedMeeting> {
    const { k } = this;
    // sessions last 12 hours: the whole script runs on the meeting's day (published late, the short notice acknowledged)
    this.clock.set(new Date(MEETING_START.getTime() - 30 * 60_000));
    const { meeting, items } = await k.f.readyMeeting();
    await k.f.addParticipant(meeting.id, PEOPLE.son, 'member');
    await k.f.addParticipant(meeting.id, PEOPLE.secretary, 'secretary');
    await json(await k.f.publish(meeting.id, true));
    await json(
      await this.t.request('POST', `/api/meetings/${meeting.id}/rsvp`, {
        cookie: k.cookies.lan,
        body: {
          status: 'delegated',
          substituteUserId: k.ids.sub,
          reason: 'Dự hội nghị của tỉnh',
        },
      }),
    );
    this.clock.set(new Date(MEETING_START.getTime() - 10 * 60_000));
    const id = meeting.id;
    await this.step('secretary', id, 'attendance:mark', {
      userId: k.ids.chair,
      state: 'present_in_person',
    });
    await this.step('secretary', id, 'attendance:mark', {
      userId: k.ids.nam,
      state: 'present_in_person',
    });
    await this.step('secretary', id, 'attendance:mark', {
      userId: k.ids.sub,
      state: 'present_in_person',
    });
    await this.step('secretary', id, 'attendance:mark', {
      userId: k.ids.son,
      state: 'absent',
      reason: ABSENCE_REASON,
    });
    await this.step('secretary', id, 'attendance:mark', {
      userId: k.ids.guest,
      state: 'present_in_person',
    });
    this.clock.set(new Date(MEETING_START.getTime() + 5 * 60_000));
    await this.step('chair', id, 'meeting:start', {}, 0);

    // item 1: two speakers, a named vote
    await this.step('chair', id, 'agenda:open-item', { itemId: items[0] });
    await this.step('nam', id, 'speaker:request');
    await this.step('sub', id, 'speaker:request');
    const nam = await this.step('chair', id, 'speaker:grant', {
      userId: k.ids.nam,
    });
    await this.save(id, { [`turn:${nam}`]: SUMMARIES.nam });
    const sub = await this.step('chair', id, 'speaker:grant', { userId: k.ids.sub }, 200);
    await this.save(id, { [`turn:${sub}`]: SUMMARIES.sub });
    await this.step('chair', id, 'speaker:end-turn', {}, 95);
    this.clock.advance(60_000);
    const namedVoteId = await k.createVote(id, {
      question: 'Thông qua Báo cáo tình hình kinh tế - xã hội năm 2026',
      kind: 'named',
      rule: 'majority_of_present',
      agendaItemId: items[0],
    });
    await this.step('chair', id, 'vote:open', { voteId: namedVoteId });
    for (const [who, choice] of [
      ['chair', 'yes'],
      ['nam', 'yes'],
      ['sub', 'no'],
    ] as const) {
      this.clock.advance(5000);
      const ack = await k.cast(who, id, namedVoteId, [choice]);
      if (!ack.ok) throw new Error(`${who} could not vote: ${ack.code}`);
    }
    await this.step('chair', id, 'vote:close', { voteId: namedVoteId });
    await this.step('chair', id, 'vote:publish', { voteId: namedVoteId }, 5);

    // item 2: the chair speaks, a secret vote
    await this.step('chair', id, 'agenda:open-item', { itemId: items[1] }, 120);
    await this.step('chair', id, 'speaker:request');
    const chair = await this.step('chair', id, 'speaker:grant', {
      userId: k.ids.chair,
    });
    await this.save(id, { [`turn:${chair}`]: SUMMARIES.chair });
    await this.step('chair', id, 'speaker:end-turn', {}, 140);
    this.clock.advance(30_000);
    const secretVoteId = await k.createVote(id, {
      question: 'Thông qua Kế hoạch cải cách hành chính năm 2027',
      kind: 'secret',
      rule: 'majority_of_all',
      agendaItemId: items[1],
    });
    await this.step('chair', id, 'vote:open', { voteId: secretVoteId });
    for (const who of ['chair', 'nam', 'sub'] as const) {
      this.clock.advance(5000);
      const ack = await k.cast(who, id, secretVoteId, ['yes']);
      if (!ack.ok) throw new Error(`${who} could not vote: ${ack.code}`);
    }
    await this.step('chair', id, 'vote:close', { voteId: secretVoteId });
    await this.step('chair', id, 'vote:publish', { voteId: secretVoteId }, 5);
    await this.save(id, {
      [`item:${items[0]}:conclusion`]: CONCLUSIONS[0],
      [`item:${items[1]}:conclusion`]: CONCLUSIONS[1],
      'doc-number': '15',
    });
    if (options.end !== false) await this.step('chair', id, 'meeting:end', {}, 600);
    return {
      meetingId: id,
      items,
      turns: { nam, sub, chair },
      namedVoteId,
      secretVoteId,
    };
  }

  async minutes(meetingId: string, who: Who = 'secretary'): Promise<MinutesDto> {
    return json<MinutesDto>(
      await this.t.request('GET', `/api/meetings/${meetingId}/minutes`, {
        cookie: this.k.cookies[who],
      }),
    );
  }

  /** An autosave from the version the secretary holds now. */
  async save(meetingId: string, notes: Record<string, string | null>): Promise<MinutesSaveResultDto> {
    const { version } = await this.minutes(meetingId);
    return json<MinutesSaveResultDto>(
      await this.t.request('PATCH', `/api/meetings/${meetingId}/minutes`, {
        cookie: this.k.cookies.secretary,
        body: { version, notes },
      }),
    );
  }

  /** New sessions for everyone (after the clock moved past the sessions' lifetime). */
  async relogin(): Promise<void> {
    for (const [who, username] of Object.entries(PEOPLE) as Array<[Who, string]>) this.k.cookies[who] = await this.t.login(username);
  }

  call(who: Who, method: string, route: string, body?: unknown): Promise<Response> {
    return this.t.request(method, route, { cookie: this.k.cookies[who], body });
  }

  events(meetingId: string): Promise<MeetingEventDto[]> {
    return this.k.events(meetingId);
  }

  close(): Promise<void> {
    return this.k.close();
  }
}

/** Text of a PDF as pdftotext reads it (UTF-8). */
export function pdfText(pdf: Buffer, layout = false): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minutes-pdf-'));
  try {
    const file = path.join(dir, 'in.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes page 1 as PNG to test/output/ (git-ignored) for a person to look at; returns its path. */
export function pageOnePng(pdf: Buffer, name: string): string {
  const out = fileURLToPath(new URL('../../../test/output', import.meta.url));
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, path.join(out, name)]);
  return path.join(out, `${name}.png`);
}

/** One file of a ZIP (a DOCX), read through the central directory: no unzip tool needed. */
export function zipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n += 1) {
    const [method, size, nameLen, extraLen, commentLen, local] = [
      zip.readUInt16LE(p + 10),
      zip.readUInt32LE(p + 20),
      zip.readUInt16LE(p + 28),
      zip.readUInt16LE(p + 30),
      zip.readUInt16LE(p + 32),
      zip.readUInt32LE(p + 42),
    ];
    if (zip.subarray(p + 46, p + 46 + nameLen).toString() === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${name} not in the archive`);
}
