import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeClock } from '../common/clock.js';
import { cookieFrom, startTestApp, type TestApp } from '../testing/test-app.js';
import { DEMO_PASSWORD } from '../users/demo-accounts.js';

describe('auth over HTTP', () => {
  const clock = new FakeClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) =>
    t.request('POST', '/api/auth/login', { body: { username, password } });

  it('logs a demo member in with an httpOnly SameSite cookie that opens the session', async () => {
    const res = await login('chutich', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { fullName: string; role: string } };
    expect(body.user).toMatchObject({ fullName: 'Trần Văn Minh', role: 'member' });
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/phonghop_sid=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const session = await t.request('GET', '/api/auth/session', { cookie: cookieFrom(res) });
    expect(session.status).toBe(200);
    expect(((await session.json()) as { user: { username: string } }).user.username).toBe('chutich');
  });

  it('accepts the username in any case and with spaces around it', async () => {
    expect((await login('  ChuTich ', DEMO_PASSWORD)).status).toBe(200);
  });

  it('refuses a wrong password with 401 and a Vietnamese message', async () => {
    const res = await login('pct.nam', 'sai-mat-khau');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const res = await login('khong.ton.tai', 'whatever1');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('INVALID_CREDENTIALS');
  });

  it('throttles the 10th wrong attempt within a minute, even with the right password, then lets it through', async () => {
    for (let i = 1; i <= 9; i++) {
      const res = await login('pct.lan', `sai-${i}-mat-khau`);
      expect(res.status).toBe(401);
      clock.advance(1000);
    }
    const tenth = await login('pct.lan', DEMO_PASSWORD);
    expect(tenth.status).toBe(429);
    const body = (await tenth.json()) as { code: string; message: string; retryAfterSeconds: number };
    expect(body.code).toBe('LOGIN_THROTTLED');
    expect(body.message).toMatch(/quá nhiều lần/);
    expect(body.retryAfterSeconds).toBeGreaterThan(0);
    expect(tenth.headers.get('retry-after')).toBe(String(body.retryAfterSeconds));
    // Other accounts are unaffected.
    expect((await login('cvp.son', DEMO_PASSWORD)).status).toBe(200);
    clock.advance(61_000);
    expect((await login('pct.lan', DEMO_PASSWORD)).status).toBe(200);
  });

  it('refuses a malformed body with 400 and field messages in Vietnamese', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: { username: '' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; details: Record<string, string> };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.username).toBe('Vui lòng nhập tên đăng nhập.');
    expect(body.details.password).toBeDefined();
  });

  it('refuses broken JSON with a 400 error body, not a crash', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
  });

  it('requires a session on protected routes', async () => {
    const res = await t.request('GET', '/api/auth/session');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
    const forged = await t.request('GET', '/api/auth/session', { cookie: 'phonghop_sid=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(forged.status).toBe(401);
  });

  it('ends the session on logout', async () => {
    const cookie = await t.login('tp.noivu');
    const out = await t.request('POST', '/api/auth/logout', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/phonghop_sid=;/);
    expect((await t.request('GET', '/api/auth/session', { cookie })).status).toBe(401);
  });

  it('expires a session after its lifetime without use, and slides while used', async () => {
    const cookie = await t.login('tp.taichinh');
    const ttl = t.config.sessionTtlMs;
    clock.advance(ttl - 60_000);
    expect((await t.request('GET', '/api/auth/session', { cookie })).status).toBe(200); // used: slides
    clock.advance(ttl - 60_000);
    expect((await t.request('GET', '/api/auth/session', { cookie })).status).toBe(200);
    clock.advance(ttl + 1);
    expect((await t.request('GET', '/api/auth/session', { cookie })).status).toBe(401);
  });

  it('changes the password: the old one stops working and other devices are signed out', async () => {
    const here = await t.login('tp.tuphap');
    const otherDevice = await t.login('tp.tuphap');
    const wrong = await t.request('POST', '/api/auth/change-password', {
      cookie: here,
      body: { currentPassword: 'khong-dung-1', newPassword: 'MatKhauMoi#2026' },
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { code: string }).code).toBe('WRONG_CURRENT_PASSWORD');

    const ok = await t.request('POST', '/api/auth/change-password', {
      cookie: here,
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'MatKhauMoi#2026' },
    });
    expect(ok.status).toBe(204);
    expect((await t.request('GET', '/api/auth/session', { cookie: here })).status).toBe(200);
    expect((await t.request('GET', '/api/auth/session', { cookie: otherDevice })).status).toBe(401);
    expect((await login('tp.tuphap', DEMO_PASSWORD)).status).toBe(401);
    expect((await login('tp.tuphap', 'MatKhauMoi#2026')).status).toBe(200);
  });
});
