import { Controller, Get, Query } from '@nestjs/common';
import { type SpeakingStatsQuery, speakingStatsQuerySchema, type SpeakingStatsRowDto } from '@phonghop/shared';
import { CurrentAuth, type RequestAuth, viewerOf } from '../auth/auth.decorators.js';
import { ZodPipe } from '../common/zod.pipe.js';
import { SpeakingStatsService } from './speaking-stats.service.js';

@Controller('api/live')
export class SpeakingStatsController {
  constructor(private readonly stats: SpeakingStatsService) {}

  /** Turns and speaking time per member across meetings (office staff: everyone; members: themselves). */
  @Get('speaking-stats')
  async speakingStats(
    @CurrentAuth() auth: RequestAuth,
    @Query(new ZodPipe(speakingStatsQuerySchema)) query: SpeakingStatsQuery,
  ): Promise<SpeakingStatsRowDto[]> {
    return this.stats.stats(viewerOf(auth), query);
  }
}
