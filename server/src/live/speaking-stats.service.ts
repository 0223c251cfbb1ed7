import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { LiveState, MeetingEventDto, SpeakingStatsQuery, SpeakingStatsRowDto } from '@phonghop/shared';
import type { Viewer } from '../meetings/meeting-access.js';
import { UsersService } from '../users/users.service.js';
import { SpeakingTurnEntity } from './speaking-turn.entity.js';

const DAY_MS = 86_400_000;

/** Speaking statistics across meetings: one row per finished turn, summed per member on request. */
@Injectable()
export class SpeakingStatsService {
  constructor(
    @InjectRepository(SpeakingTurnEntity) private readonly turns: Repository<SpeakingTurnEntity>,
    private readonly users: UsersService,
  ) {}

  /** Called in the command's transaction: the turns the event ended (the reducer counted them in speakingStats). */
  async recordEndedTurns(em: EntityManager, meetingId: string, before: LiveState, after: LiveState, event: MeetingEventDto): Promise<void> {
    for (const [userId, stats] of Object.entries(after.speakingStats)) {
      const prev = before.speakingStats[userId] ?? { turns: 0, totalMs: 0 };
      if (stats.turns === prev.turns) continue;
      await em.insert(SpeakingTurnEntity, {
        id: randomUUID(),
        meetingId,
        userId,
        agendaItemId: before.currentItemId,
        seq: event.seq,
        endedAt: new Date(event.at),
        durationMs: stats.totalMs - prev.totalMs,
      });
    }
  }

  /** Office staff see everyone; a member sees their own figures. Days are Vietnam days (UTC+7). */
  async stats(viewer: Viewer, query: SpeakingStatsQuery): Promise<SpeakingStatsRowDto[]> {
    const qb = this.turns
      .createQueryBuilder('t')
      .select('t.user_id', 'userId')
      .addSelect('COUNT(*)', 'turns')
      .addSelect('SUM(t.duration_ms)', 'totalMs')
      .addSelect('COUNT(DISTINCT t.meeting_id)', 'meetings')
      .groupBy('t.user_id');
    if (viewer.systemRole === 'member') qb.andWhere('t.user_id = :me', { me: viewer.userId });
    if (query.from) qb.andWhere('t.ended_at >= :from', { from: vnDayStart(query.from) });
    if (query.to) qb.andWhere('t.ended_at < :to', { to: new Date(vnDayStart(query.to).getTime() + DAY_MS) });
    const rows = await qb.getRawMany<{ userId: string; turns: string | number; totalMs: string | number; meetings: string | number }>();
    const people = await this.users.people(rows.map((r) => r.userId));
    return rows
      .map((r) => ({
        user: people.get(r.userId) ?? { id: r.userId, fullName: '(tài khoản đã xóa)', position: '', unit: '' },
        turns: Number(r.turns),
        totalMs: Number(r.totalMs),
        meetings: Number(r.meetings),
      }))
      .sort((a, b) => b.totalMs - a.totalMs || a.user.fullName.localeCompare(b.user.fullName, 'vi'));
  }
}

function vnDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}
