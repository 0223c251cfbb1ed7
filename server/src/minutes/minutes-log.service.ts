import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import {
  buildMinutesFacts,
  checkNamedBallots,
  compareFacts,
  type MeetingEventDto,
  type MinutesFacts,
  type MinutesVerificationDto,
  type NamedBallot,
} from '@phonghop/shared';
import { EVENT_PAGE_MAX, EventLogService } from '../live/event-log.service.js';
import { VoteBallotEntity } from '../votes/vote-records.entity.js';

/**
 * The minutes' side of the event log: facts derived from it (the shared builder, the live room's reducer) and the
 * proof that stored minutes still agree with it (`verifyMinutes`).
 */
@Injectable()
export class MinutesLog {
  constructor(
    @InjectRepository(VoteBallotEntity)
    private readonly ballots: Repository<VoteBallotEntity>,
    private readonly log: EventLogService,
  ) {}

  /** The log's last seq (cheap: decides whether stored facts are behind). */
  lastSeq(meetingId: string): Promise<number> {
    return this.log.lastSeq(meetingId);
  }

  /** Facts from the meeting's events up to `uptoSeq` (default: all), read in the log's pages. */
  async derive(meetingId: string, uptoSeq = Infinity): Promise<MinutesFacts> {
    const events: MeetingEventDto[] = [];
    for (let after = 0; after < uptoSeq; ) {
      const limit = Math.min(EVENT_PAGE_MAX, uptoSeq - after);
      const page = await this.log.since(meetingId, after, limit);
      events.push(...page);
      if (page.length < limit) break;
      after = page[page.length - 1].seq;
    }
    return buildMinutesFacts(events, events.at(-1)?.hash ?? null);
  }

  /** Each named vote's ballots (seat and choices), for the votes in the facts that were closed. */
  async namedBallots(facts: MinutesFacts): Promise<Record<string, NamedBallot[]>> {
    const named = facts.votes.filter((v) => v.kind === 'named' && v.closeSeq !== null).map((v) => v.voteId);
    if (named.length === 0) return {};
    const rows = await this.ballots.find({
      where: { voteId: In(named) },
      order: { castAt: 'ASC', seatUserId: 'ASC' },
    });
    const out: Record<string, NamedBallot[]> = Object.fromEntries(named.map((id) => [id, []]));
    for (const r of rows) out[r.voteId].push({ seatUserId: r.seatUserId, choices: [...r.choices] });
    return out;
  }

  /**
   * Checks stored minutes against the log: the chain must verify (EventLogService.verify), the event the minutes
   * stand on must still carry the hash they recorded, every stored fact must equal the fact derived again from the
   * log (same value, same seqs), and every named vote's ballots must match the voters and the published counts.
   */
  async verifyMinutes(draft: {
    meetingId: string;
    facts: MinutesFacts;
    namedBallots: Record<string, NamedBallot[]>;
  }): Promise<MinutesVerificationDto> {
    const chain = await this.log.verify(draft.meetingId);
    const derived = await this.derive(draft.meetingId, draft.facts.lastSeq);
    const headMatches = derived.lastSeq === draft.facts.lastSeq && derived.headHash === draft.facts.headHash;
    const checks = compareFacts(draft.facts, derived);
    for (const vote of derived.votes) {
      if (vote.kind === 'named' && vote.closeSeq !== null) checks.push(checkNamedBallots(vote, draft.namedBallots[vote.voteId] ?? []));
    }
    if (!chain.ok) {
      // name the facts that stand on the broken event or after it
      for (const c of checks)
        if (c.seqs.some((s) => s >= chain.brokenAtSeq) && c.ok)
          Object.assign(c, {
            ok: false,
            problem: `Dựa trên sự kiện số ${chain.brokenAtSeq} trở về sau, nơi chuỗi băm của nhật ký bị phá vỡ.`,
          });
    }
    return {
      ok: chain.ok && headMatches && checks.every((c) => c.ok),
      chain,
      headMatches,
      checks,
    };
  }
}
