import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgendaModule } from './agenda/agenda.module.js';
import { AnnotationsModule } from './annotations/annotations.module.js';
import { AuthModule } from './auth/auth.module.js';
import { Clock, SystemClock } from './common/clock.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { APP_CONFIG, type AppConfig } from './config/env.js';
import { buildDataSourceOptions } from './database/data-source.js';
import { DatabaseModule } from './database/database.module.js';
import { bindNumericParameters } from './database/sqlite-bound-numbers.js';
import { runMigrations } from './database/migrate.js';
import { DemoModule } from './demo/demo.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { HealthController } from './health/health.controller.js';
import { LiveModule } from './live/live.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { MinutesModule } from './minutes/minutes.module.js';
import { RealtimeCoreModule } from './realtime/realtime-emitter.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { SearchModule } from './search/search.module.js';
import { UsersModule } from './users/users.module.js';
import { VotesModule } from './votes/votes.module.js';

export interface AppOverrides {
  clock?: Clock;
}

@Global()
@Module({})
class CoreModule {
  static forRoot(config: AppConfig, overrides: AppOverrides): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: overrides.clock ?? new SystemClock() },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: AppOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, overrides),
        TypeOrmModule.forRootAsync({
          useFactory: () => buildDataSourceOptions(config.db),
          // Migrations run before anything else touches the database; never `synchronize`.
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            bindNumericParameters(dataSource);
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
        DatabaseModule,
        SearchModule,
        RealtimeCoreModule,
        AuthModule,
        UsersModule,
        MeetingsModule,
        AgendaModule,
        DocumentsModule,
        LiveModule,
        VotesModule,
        MinutesModule,
        AnnotationsModule,
        RealtimeModule,
        DemoModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
    };
  }
}
