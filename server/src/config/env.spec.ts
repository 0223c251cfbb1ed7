import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('needs no configuration: port 3000, SQLite and files under ./data', () => {
    const c = loadConfig({}, '/srv/phonghop');
    expect(c.port).toBe(3000);
    expect(c.db).toEqual({ kind: 'sqlite', path: '/srv/phonghop/data/meeting-room.sqlite' });
    expect(c.filesDir).toBe('/srv/phonghop/data/files');
    expect(c.redisUrl).toBeUndefined();
    expect(c.demoSeed).toBe(true);
  });

  it('moves the database and the files together with DATA_DIR', () => {
    const c = loadConfig({ DATA_DIR: '/var/lib/phonghop' }, '/srv');
    expect(c.db).toEqual({ kind: 'sqlite', path: path.join('/var/lib/phonghop', 'meeting-room.sqlite') });
    expect(c.filesDir).toBe('/var/lib/phonghop/files');
  });

  it('switches to PostgreSQL and Redis by URL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db/phonghop', REDIS_URL: 'redis://cache:6379' });
    expect(c.db).toEqual({ kind: 'postgres', url: 'postgres://u@db/phonghop', schema: undefined });
    expect(c.redisUrl).toBe('redis://cache:6379');
  });

  it('lists every problem at once, readably', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', ALLOWED_ORIGINS: 'not a url' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: /m);
    expect(problems).toMatch(/^DATABASE_URL: must be a postgres:\/\/ URL/m);
    expect(problems).toMatch(/^ALLOWED_ORIGINS/m);
  });

  it('requires an admin password in production and never seeds demo accounts there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/ADMIN_PASSWORD: is required when NODE_ENV=production/);
    const c = loadConfig({ NODE_ENV: 'production', ADMIN_PASSWORD: 'a-long-admin-secret' });
    expect(c.demoSeed).toBe(false);
    expect(c.adminPassword).toBe('a-long-admin-secret');
  });
});
