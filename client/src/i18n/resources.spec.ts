import { describe, expect, it } from '@jest/globals';
import { ERROR_MESSAGES_VI } from '@phonghop/shared';
import { en } from './en';
import { vi } from './vi';

function flatKeys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? flatKeys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function lookup(obj: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], obj);
}

describe('i18n resources', () => {
  it('Vietnamese and English have exactly the same keys', () => {
    expect(flatKeys(en).sort()).toEqual(flatKeys(vi).sort());
  });

  it('no value is empty', () => {
    for (const res of [vi, en]) {
      for (const key of flatKeys(res)) expect({ key, value: (lookup(res, key) as string).trim().length > 0 }).toEqual({ key, value: true });
    }
  });

  it('every server error code has a translation in both languages', () => {
    for (const code of Object.keys(ERROR_MESSAGES_VI)) {
      expect(typeof lookup(vi, `errors.${code}`)).toBe('string');
      expect(typeof lookup(en, `errors.${code}`)).toBe('string');
    }
  });

  it('Vietnamese error texts agree with the server’s messages', () => {
    for (const [code, message] of Object.entries(ERROR_MESSAGES_VI)) expect(lookup(vi, `errors.${code}`)).toBe(message);
  });

  it('interpolation placeholders match between languages', () => {
    const placeholders = (s: string) => (s.match(/{{\s*\w+\s*}}/g) ?? []).sort();
    for (const key of flatKeys(vi)) {
      expect({ key, p: placeholders(lookup(en, key) as string) }).toEqual({ key, p: placeholders(lookup(vi, key) as string) });
    }
  });

  it('the test hooks’ visible texts are the agreed ones', () => {
    expect(vi.home.title).toBe('Cuộc họp của tôi');
    expect(en.home.title).toBe('My meetings');
    expect(vi.login.username).toBe('Tên đăng nhập');
    expect(vi.login.password).toBe('Mật khẩu');
    expect(vi.login.submit).toBe('Đăng nhập');
    expect(vi.connection.connected).toBe('Đã kết nối');
    expect(vi.connection.disconnected).toBe('Mất kết nối – đang thử lại…');
    expect(vi.home.emptyText).toBe('Chưa có cuộc họp nào. Khi thư ký phát hành giấy mời, cuộc họp sẽ hiện ở đây.');
  });
});
