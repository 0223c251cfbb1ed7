import { afterAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { UserEntity } from './user.entity.js';

describe('first start', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close();
  });

  it('in production creates only the admin, from ADMIN_PASSWORD, and no demo account', async () => {
    const t = await startTestApp({ env: { NODE_ENV: 'production', ADMIN_PASSWORD: 'mat-khau-quan-tri-2026' } });
    apps.push(t);
    const users = await t.dataSource.getRepository(UserEntity).find();
    expect(users.map((u) => [u.username, u.role])).toEqual([['admin', 'admin']]);
    const login = await t.request('POST', '/api/auth/login', { body: { username: 'admin', password: 'mat-khau-quan-tri-2026' } });
    expect(login.status).toBe(200);
    const demo = await t.request('POST', '/api/auth/login', { body: { username: 'chutich', password: 'Demo@2026' } });
    expect(demo.status).toBe(401);
  });

  it('in development creates the demo accounts and a published Vietnamese demo meeting with the plan in its pack', async () => {
    const t = await startTestApp({ env: { DEMO_MEETING: 'true' } });
    apps.push(t);
    const member = await t.login('pct.nam');
    const meetings = (await (await t.request('GET', '/api/meetings', { cookie: member })).json()) as Array<{ id: string; title: string; status: string; myRole: string }>;
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ status: 'published', myRole: 'member', title: expect.stringMatching(/Phiên họp thường kỳ/) });
    const agenda = (await (await t.request('GET', `/api/meetings/${meetings[0].id}/agenda`, { cookie: member })).json()) as { status: string; items: Array<{ number: string }> };
    expect(agenda.status).toBe('published');
    expect(agenda.items.map((i) => i.number)).toEqual(['1', '2', '2.1', '3']);
    const docs = (await (await t.request('GET', `/api/meetings/${meetings[0].id}/documents`, { cookie: member })).json()) as Array<{ current: { pageCount: number } }>;
    expect(docs.map((d) => d.current.pageCount)).toEqual([7]);
  }, 60_000);

  it('with DEMO_SEED=false in development creates nobody', async () => {
    const t = await startTestApp({ env: { DEMO_SEED: 'false' } });
    apps.push(t);
    expect(await t.dataSource.getRepository(UserEntity).count()).toBe(0);
  });
});
