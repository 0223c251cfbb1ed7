import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, type Repository } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { VoteCloser } from './vote-close.js';
import { VoteRoom } from './vote-room.js';
import { VoteEntity } from './vote.entity.js';

/** How often the deadlines are compared with the clock, and every how many ticks the database is asked again. */
const TICK_MS = 1000;
const POLL_EVERY_TICKS = 10;

/**
 * The countdowns of open votes. The deadline is `closes_at` in the database; this only wakes up to act on it:
 * once a second it compares the armed deadlines with the injected Clock, and every ten seconds it re-reads the open
 * votes with a deadline (a restart, or a vote opened on another node, is picked up that way). Closing is conditional
 * and keyed (`timer-close:<voteId>`), so two nodes or a chair racing the timer append one `vote.closed`.
 */
@Injectable()
export class VoteDeadlines implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Votes');
  private readonly armed = new Map<string, { meetingId: string; closesAt: number }>();
  private timer: NodeJS.Timeout | null = null;
  private ticks = 0;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    @InjectRepository(VoteEntity)
    private readonly votes: Repository<VoteEntity>,
    private readonly room: VoteRoom,
    private readonly closer: VoteCloser,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.rearm();
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick(++this.ticks % POLL_EVERY_TICKS === 0)
        .catch((error: unknown) => this.logger.error(error instanceof Error ? error.stack : String(error)))
        .finally(() => (this.running = null));
    }, TICK_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  arm(vote: Pick<VoteEntity, 'id' | 'meetingId' | 'closesAt'>): void {
    if (vote.closesAt)
      this.armed.set(vote.id, {
        meetingId: vote.meetingId,
        closesAt: vote.closesAt.getTime(),
      });
  }

  disarm(voteId: string): void {
    this.armed.delete(voteId);
  }

  /** Arms every open vote with a deadline, from the database. */
  async rearm(): Promise<void> {
    const open = await this.votes.find({
      where: { status: 'open', closesAt: Not(IsNull()) },
      select: { id: true, meetingId: true, closesAt: true },
    });
    for (const vote of open) this.arm(vote);
  }

  /** Closes the votes whose deadline has passed by the clock; returns their ids. */
  async tick(poll = false): Promise<string[]> {
    if (poll) await this.rearm();
    const now = this.clock.now().getTime();
    const due = [...this.armed].filter(([, d]) => d.closesAt <= now);
    const closed: string[] = [];
    for (const [voteId, { meetingId }] of due) {
      if (this.stopped) break;
      if (await this.expire(meetingId, voteId)) closed.push(voteId);
      this.armed.delete(voteId);
    }
    return closed;
  }

  private async expire(meetingId: string, voteId: string): Promise<boolean> {
    try {
      const event = await this.room.command(meetingId, `timer-close:${voteId}`, null, async (em, state) => {
        const vote = await em.findOneBy(VoteEntity, { id: voteId });
        if (!vote) throw new AppError('NOT_FOUND');
        return this.closer.close(em, vote, state, 'timer');
      });
      return !event.duplicate;
    } catch (error) {
      // Closed or cancelled meanwhile (by the chair, another node): nothing to do.
      if (error instanceof AppError) return false;
      throw error;
    }
  }
}
