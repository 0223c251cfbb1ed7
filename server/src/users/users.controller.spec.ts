import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { UserDto } from '@phonghop/shared';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';

describe('admin user management', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const newUser = {
    username: 'pho.phong.vh',
    fullName: 'Ngô Thị Hồng Nhung',
    position: 'Phó Trưởng phòng',
    unit: 'Phòng Văn hóa và Thông tin',
    role: 'member',
    password: 'TamThoi@123',
  };

  it('seeded the demo accounts on first start and lists them in Vietnamese name order', async () => {
    const res = await t.request('GET', '/api/users', { cookie: admin });
    expect(res.status).toBe(200);
    const users = (await res.json()) as UserDto[];
    expect(users.map((u) => u.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    expect(users.find((u) => u.username === 'thuky')).toMatchObject({ fullName: 'Nguyễn Thị Thu Hà', role: 'secretary' });
    // Given names: Bảo, Hà, Lan, Mai, Minh, Nam, Sơn, Tâm, (Quản trị hệ) thống
    const given = users.map((u) => u.fullName.split(' ').at(-1) ?? '');
    expect(given).toEqual([...given].sort(new Intl.Collator('vi').compare));
    expect(JSON.stringify(users)).not.toMatch(/passwordHash|\$argon2/);
  });

  it('is closed to non-admins', async () => {
    const secretary = await t.login('thuky');
    expect((await t.request('GET', '/api/users', { cookie: secretary })).status).toBe(403);
    const res = await t.request('POST', '/api/users', { cookie: secretary, body: newUser });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toBe('Bạn không có quyền thực hiện thao tác này.');
  });

  it('creates a user who must change the temporary password at first login', async () => {
    const res = await t.request('POST', '/api/users', { cookie: admin, body: newUser });
    expect(res.status).toBe(201);
    const created = (await res.json()) as UserDto;
    expect(created).toMatchObject({ username: 'pho.phong.vh', fullName: 'Ngô Thị Hồng Nhung', mustChangePassword: true });
    const login = await t.request('POST', '/api/auth/login', { body: { username: 'pho.phong.vh', password: 'TamThoi@123' } });
    expect(((await login.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);
  });

  it('refuses a taken username with 409 and keeps the existing account unchanged', async () => {
    const res = await t.request('POST', '/api/users', { cookie: admin, body: { ...newUser, fullName: 'Người Khác' } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: string }).code).toBe('USERNAME_TAKEN');
    const users = (await (await t.request('GET', '/api/users', { cookie: admin })).json()) as UserDto[];
    expect(users.filter((u) => u.username === 'pho.phong.vh').map((u) => u.fullName)).toEqual(['Ngô Thị Hồng Nhung']);
  });

  it('explains invalid input field by field', async () => {
    const res = await t.request('POST', '/api/users', {
      cookie: admin,
      body: { username: 'Tên Có Dấu', fullName: 'A', role: 'boss', password: 'short' },
    });
    expect(res.status).toBe(400);
    const { details } = (await res.json()) as { details: Record<string, string> };
    expect(details.username).toMatch(/chữ không dấu/);
    expect(details.fullName).toBe('Vui lòng nhập họ và tên.');
    expect(details.password).toBe('Mật khẩu cần ít nhất 8 ký tự.');
    expect(details.role).toBeDefined();
  });

  it('resets a password: the user’s sessions end and the new password works', async () => {
    const users = (await (await t.request('GET', '/api/users', { cookie: admin })).json()) as UserDto[];
    const son = users.find((u) => u.username === 'cvp.son')!;
    const sonCookie = await t.login('cvp.son');
    const res = await t.request('POST', `/api/users/${son.id}/reset-password`, { cookie: admin, body: { newPassword: 'DatLai@2026' } });
    expect(res.status).toBe(204);
    expect((await t.request('GET', '/api/auth/session', { cookie: sonCookie })).status).toBe(401);
    const relog = await t.request('POST', '/api/auth/login', { body: { username: 'cvp.son', password: 'DatLai@2026' } });
    expect(relog.status).toBe(200);
    expect(((await relog.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);
  });

  it('disables an account: its sessions end and it can no longer log in', async () => {
    const users = (await (await t.request('GET', '/api/users', { cookie: admin })).json()) as UserDto[];
    const mai = users.find((u) => u.username === 'tp.taichinh')!;
    const maiCookie = await t.login('tp.taichinh');
    const res = await t.request('PATCH', `/api/users/${mai.id}`, { cookie: admin, body: { disabled: true } });
    expect(res.status).toBe(200);
    expect((await t.request('GET', '/api/auth/session', { cookie: maiCookie })).status).toBe(401);
    const relog = await t.request('POST', '/api/auth/login', { body: { username: 'tp.taichinh', password: 'Demo@2026' } });
    expect(relog.status).toBe(403);
    expect(((await relog.json()) as { code: string }).code).toBe('ACCOUNT_DISABLED');
  });

  it('does not let an admin lock themselves out', async () => {
    const users = (await (await t.request('GET', '/api/users', { cookie: admin })).json()) as UserDto[];
    const self = users.find((u) => u.username === 'admin')!;
    const res = await t.request('PATCH', `/api/users/${self.id}`, { cookie: admin, body: { role: 'member' } });
    expect(res.status).toBe(409);
    expect((await t.request('GET', '/api/users', { cookie: admin })).status).toBe(200);
  });

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    const unknown = await t.request('PATCH', '/api/users/00000000-0000-4000-8000-000000000000', { cookie: admin, body: { unit: 'X' } });
    expect(unknown.status).toBe(404);
    const malformed = await t.request('PATCH', '/api/users/not-a-uuid', { cookie: admin, body: { unit: 'X' } });
    expect(malformed.status).toBe(400);
  });
});
