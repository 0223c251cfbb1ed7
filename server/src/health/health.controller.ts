import { Controller, Get, Inject } from '@nestjs/common';
import type { HealthDto } from '@phonghop/shared';
import { Public } from '../auth/auth.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';

@Controller('api/health')
export class HealthController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Get()
  health(): HealthDto {
    return {
      status: 'ok',
      db: this.config.db.kind,
      realtime: this.config.redisUrl ? 'redis' : 'single',
    };
  }
}
