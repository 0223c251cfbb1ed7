import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule, type AppOverrides } from './app.module.js';
import type { AppConfig } from './config/env.js';
import { RedisStreamsIoAdapter } from './realtime/redis-io.adapter.js';
import { mountClientApp } from './web/client-app.js';
import { securityHeaders } from './web/security-headers.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

export interface CreateAppOptions extends AppOverrides {
  /** false silences Nest's logger (tests). */
  logger?: false;
  serveClient?: boolean;
}

/** Builds the whole application; `main.ts` and every test that needs a real server go through here. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    logger: options.logger === false ? false : LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
    // Fail with a thrown error (not process.exit) so tests and main.ts report it.
    abortOnError: false,
    bodyParser: true,
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.useBodyParser('json', { limit: '1mb' });
  if (config.redisUrl) {
    const adapter = new RedisStreamsIoAdapter(app, config.redisUrl);
    await adapter.connect();
    app.useWebSocketAdapter(adapter);
  }
  if (options.serveClient !== false) mountClientApp(app.getHttpAdapter().getInstance(), config.clientDist);
  app.enableShutdownHooks();
  return app;
}
