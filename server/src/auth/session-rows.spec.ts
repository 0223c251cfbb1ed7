import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { UserEntity } from '../users/user.entity.js';
import { liveSessionByTokenHash } from './session-rows.js';
import { hashSessionToken } from './session-token.js';
import { SessionEntity } from './session.entity.js';

describe(`liveSessionByTokenHash (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reads the session and its user as the repositories do, and nothing once the session is revoked', async () => {
    const cookie = await t.login('pct.nam');
    const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1).split(';')[0]);
    const tokenHash = hashSessionToken(token);
    const found = await liveSessionByTokenHash(t.dataSource.manager, tokenHash);
    const session = await t.dataSource.getRepository(SessionEntity).findOneByOrFail({ tokenHash });
    const user = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: session.userId });
    expect(found?.session).toBeInstanceOf(SessionEntity);
    expect(found?.user).toBeInstanceOf(UserEntity);
    expect(found).toEqual({ session, user });
    expect(found?.user).toMatchObject({ username: 'pct.nam', disabled: false });

    expect(await liveSessionByTokenHash(t.dataSource.manager, hashSessionToken('không-phải-phiên'))).toBeNull();
    await t.dataSource.getRepository(SessionEntity).update({ id: session.id }, { revokedAt: new Date(), revokedReason: 'logout' });
    expect(await liveSessionByTokenHash(t.dataSource.manager, tokenHash)).toBeNull();
    expect((await t.request('GET', '/api/auth/session', { cookie })).status).toBe(401);
  });
});
