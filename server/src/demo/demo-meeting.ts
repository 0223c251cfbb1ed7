import fs from 'node:fs';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { addWorkingDays, vnDateOf } from '@phonghop/shared';
import { AgendaService } from '../agenda/agenda.service.js';
import { Clock } from '../common/clock.js';
import { DocumentsService } from '../documents/documents.service.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { ParticipantsService } from '../meetings/participants.service.js';
import { UserEntity } from '../users/user.entity.js';

const PLAN_PDF = new URL('./ke-hoach-cai-cach-hanh-chinh-2021-2025.pdf', import.meta.url);

/**
 * The demo meeting a new installation opens with: a regular session of the district People's Committee a
 * week ahead, prepared, approved by the chair and published, with the administrative-reform plan in its pack.
 */
@Injectable()
export class DemoMeetingSeed {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly meetings: MeetingsService,
    private readonly participants: ParticipantsService,
    private readonly agenda: AgendaService,
    private readonly documents: DocumentsService,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<void> {
    const byName = new Map((await this.users.find()).map((u) => [u.username, u]));
    const id = (username: string) => byName.get(username)!.id;
    const secretary = { userId: id('thuky'), systemRole: 'secretary' as const };
    const chair = { userId: id('chutich'), systemRole: 'member' as const };

    // Five working days ahead: enough notice under QĐ 45/2018/QĐ-TTg, whatever the holidays.
    const day = addWorkingDays(vnDateOf(this.clock.now()), 5);
    const meeting = await this.meetings.create(secretary, {
      title: 'Phiên họp thường kỳ Ủy ban nhân dân huyện (dữ liệu mẫu)',
      kind: 'regular',
      startsAt: `${day}T08:00:00+07:00`,
      endsAt: `${day}T11:30:00+07:00`,
      location: 'Phòng họp số 1, trụ sở HĐND – UBND huyện Phụng Hiệp',
      organizer: 'Ủy ban nhân dân huyện Phụng Hiệp',
      content: 'Đánh giá tình hình kinh tế – xã hội; kết quả thực hiện Kế hoạch cải cách hành chính giai đoạn 2021 – 2025.',
      preparation: 'Các thành viên nghiên cứu tài liệu trên máy tính bảng trước phiên họp.',
    });
    for (const [username, role] of [
      ['chutich', 'chair'],
      ['thuky', 'secretary'],
      ['pct.nam', 'member'],
      ['pct.lan', 'member'],
      ['cvp.son', 'member'],
      ['tp.noivu', 'member'],
      ['tp.taichinh', 'member'],
      ['tp.tuphap', 'member'],
      ['maychieu', 'display'],
    ] as const) {
      await this.participants.add(secretary, meeting.id, id(username), role);
    }
    await this.agenda.create(secretary, meeting.id, {
      title: 'Báo cáo tình hình kinh tế – xã hội tháng 11, nhiệm vụ trọng tâm tháng 12 năm 2026',
      presenterUserId: id('tp.taichinh'),
      plannedMinutes: 40,
    });
    const reform = await this.agenda.create(secretary, meeting.id, {
      title: 'Đánh giá kết quả thực hiện Kế hoạch cải cách hành chính giai đoạn 2021 – 2025',
      presenterUserId: id('tp.noivu'),
      plannedMinutes: 45,
    });
    const reformId = reform.items.at(-1)!.id;
    await this.agenda.create(secretary, meeting.id, {
      title: 'Kết quả triển khai phòng họp không giấy cấp huyện',
      parentId: reformId,
      presenterUserId: id('cvp.son'),
      plannedMinutes: 15,
    });
    await this.agenda.create(secretary, meeting.id, { title: 'Các vấn đề phát sinh khác', plannedMinutes: 20 });
    await this.documents.upload(
      secretary,
      meeting.id,
      {
        docType: 'ke_hoach',
        number: '125',
        symbol: 'KH-UBND',
        issuedOn: '2021-06-15',
        issuer: 'Ủy ban nhân dân huyện Phụng Hiệp',
        summary: 'Kế hoạch cải cách hành chính giai đoạn 2021 – 2025',
        agendaItemId: reformId,
      },
      { body: fs.createReadStream(PLAN_PDF), fileName: 'Kế hoạch CCHC 2021-2025.pdf' },
    );
    await this.meetings.approveAgenda(chair, meeting.id);
    await this.meetings.publish(secretary, meeting.id, true);
    this.logger.log(`Đã tạo cuộc họp mẫu "${meeting.title}" ngày ${day}.`);
  }
}
