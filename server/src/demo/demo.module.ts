import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaModule } from '../agenda/agenda.module.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { DemoSeed } from '../users/demo-seed.js';
import { UserEntity } from '../users/user.entity.js';
import { UsersModule } from '../users/users.module.js';
import { DemoMeetingSeed } from './demo-meeting.js';

/** First start on an empty database: accounts, then (development only) the demo meeting. */
@Injectable()
class FirstStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly accounts: DemoSeed,
    private readonly meeting: DemoMeetingSeed,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const seeded = await this.accounts.run();
    if (seeded !== 'demo' || !this.config.demoMeeting) return;
    try {
      await this.meeting.run();
    } catch (error) {
      // The demo meeting is a convenience: a missing tool (e.g. qpdf) must not stop the server.
      this.logger.warn(`Không tạo được cuộc họp mẫu: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), UsersModule, MeetingsModule, AgendaModule, DocumentsModule],
  providers: [FirstStart, DemoMeetingSeed],
})
export class DemoModule {}
