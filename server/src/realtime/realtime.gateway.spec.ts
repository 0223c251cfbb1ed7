import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AnnouncementEvent, WelcomeEvent } from '@phonghop/shared';
import { nextEvent, startTestApp, type TestApp, type TestSocket } from '../testing/test-app.js';

function connected(socket: TestSocket): Promise<WelcomeEvent> {
  return nextEvent<WelcomeEvent>(socket, 'session:welcomed');
}

function refused(socket: TestSocket): Promise<{ message: string; data?: { code: string; message: string } }> {
  return nextEvent(socket, 'connect_error');
}

describe('realtime gateway', () => {
  let t: TestApp;
  let member: string;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    member = await t.login('pct.nam');
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('refuses a connection without a session', async () => {
    const err = await refused(t.socket(undefined));
    expect(err.data).toEqual({ code: 'UNAUTHENTICATED', message: 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn.' });
  });

  it('refuses a connection with a forged session cookie', async () => {
    const err = await refused(t.socket('phonghop_sid=forgedforgedforgedforgedforgedforgedforge'));
    expect(err.data?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a valid session coming from a foreign origin', async () => {
    const err = await refused(t.socket(member, { origin: 'https://trang-la.example' }));
    expect(err.data?.code).toBe('ORIGIN_NOT_ALLOWED');
  });

  it('accepts a valid session from the server’s own origin and welcomes it', async () => {
    const socket = t.socket(member, { origin: t.url });
    const welcome = await connected(socket);
    expect(welcome.protocolVersion).toBe(1);
    expect(typeof welcome.userId).toBe('string');
    const ack = await socket.emitWithAck('session:ping', { clientTime: 42 });
    expect(ack).toMatchObject({ ok: true, clientTime: 42 });
  });

  it('answers a malformed payload with an error ack and keeps serving everyone', async () => {
    const bad = t.socket(member);
    const other = t.socket(admin);
    await Promise.all([connected(bad), connected(other)]);
    const ack = await bad.emitWithAck('session:ping', { clientTime: 'not-a-number' } as never);
    expect(ack).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: 'Dữ liệu gửi lên không hợp lệ.' });
    const noPayload = await bad.emitWithAck('session:ping', undefined as never);
    expect(noPayload).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    // The same socket and another one are still served.
    expect(await bad.emitWithAck('session:ping', { clientTime: 1 })).toMatchObject({ ok: true });
    expect(await other.emitWithAck('session:ping', { clientTime: 2 })).toMatchObject({ ok: true });
  });

  it('answers an unknown event with UNKNOWN_EVENT instead of leaving the ack hanging', async () => {
    const socket = t.socket(member);
    await connected(socket);
    const ack = await (socket as unknown as { emitWithAck: (e: string, p: unknown) => Promise<unknown> }).emitWithAck('vote:hack', {});
    expect(ack).toMatchObject({ ok: false, code: 'UNKNOWN_EVENT' });
  });

  it('lets only an admin announce, and delivers the announcement to every connected user', async () => {
    const listener = t.socket(member);
    const announcer = t.socket(admin);
    await Promise.all([connected(listener), connected(announcer)]);

    const refusedAck = await listener.emitWithAck('system:announce', { message: 'Tôi không phải quản trị' });
    expect(refusedAck).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const heard = nextEvent<AnnouncementEvent>(listener, 'system:announced');
    const ack = await announcer.emitWithAck('system:announce', { message: 'Phòng họp số 2 đổi sang 14 giờ.' });
    expect(ack).toMatchObject({ ok: true });
    expect(await heard).toMatchObject({ message: 'Phòng họp số 2 đổi sang 14 giờ.', fromName: 'Quản trị hệ thống' });
  });

  it('tells a socket its session ended on logout and disconnects it', async () => {
    const cookie = await t.login('cvp.son');
    const socket = t.socket(cookie);
    await connected(socket);
    const revoked = nextEvent<{ reason: string }>(socket, 'session:revoked');
    const disconnected = nextEvent<string>(socket, 'disconnect');
    await t.request('POST', '/api/auth/logout', { cookie });
    expect(await revoked).toEqual({ reason: 'logout' });
    expect(await disconnected).toBe('io server disconnect');
  });
});
