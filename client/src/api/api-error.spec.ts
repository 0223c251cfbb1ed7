import { describe, expect, it } from '@jest/globals';
import { en } from '../i18n/en';
import { vi } from '../i18n/vi';
import { ApiError, errorMessage, toApiError, type Lookup } from './api-error';

/** A tiny stand-in for i18next's t(): dotted key lookup with {{var}} interpolation. */
function lookupIn(resources: object): Lookup {
  return (key, vars) => {
    const value = key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], resources);
    if (typeof value !== 'string') return undefined;
    return value.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(vars?.[name] ?? ''));
  };
}

describe('toApiError', () => {
  it('keeps code, message, details and retryAfterSeconds from the body', () => {
    const err = toApiError(400, { code: 'VALIDATION_FAILED', message: 'Dữ liệu…', details: { username: 'Sai', n: 3 }, retryAfterSeconds: 5 });
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toBe('Dữ liệu…');
    expect(err.details).toEqual({ username: 'Sai' });
    expect(err.retryAfterSeconds).toBe(5);
  });

  it('falls back on unknown codes and malformed bodies', () => {
    expect(toApiError(500, 'oops').code).toBe('INTERNAL_ERROR');
    expect(toApiError(418, { code: 'TEAPOT', message: 'Tôi là ấm trà' })).toMatchObject({ code: 'UNKNOWN', message: 'Tôi là ấm trà' });
    expect(toApiError(401, null)).toMatchObject({ code: 'UNKNOWN', message: '' });
  });

  it('reads Retry-After when the body has no retryAfterSeconds', () => {
    expect(toApiError(429, { code: 'LOGIN_THROTTLED', message: 'x' }, '42').retryAfterSeconds).toBe(42);
  });
});

describe('errorMessage', () => {
  it('shows the translated code rather than the server message', () => {
    const err = new ApiError(401, 'INVALID_CREDENTIALS', 'server text');
    expect(errorMessage(err, lookupIn(vi))).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(errorMessage(err, lookupIn(en))).toBe('Incorrect username or password.');
  });

  it('includes the seconds to wait for a throttled login', () => {
    const err = new ApiError(429, 'LOGIN_THROTTLED', 'x', undefined, 37.2);
    expect(errorMessage(err, lookupIn(vi))).toBe('Bạn đã nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau 38 giây.');
    expect(errorMessage(new ApiError(429, 'LOGIN_THROTTLED', 'x'), lookupIn(vi))).toBe(vi.errors.LOGIN_THROTTLED);
  });

  it('falls back to the server message when the code has no translation', () => {
    const err = new ApiError(400, 'UNKNOWN', 'Thông điệp từ máy chủ');
    expect(errorMessage(err, lookupIn(vi))).toBe('Thông điệp từ máy chủ');
    const missing = new ApiError(403, 'FORBIDDEN', 'Máy chủ nói không');
    expect(errorMessage(missing, () => undefined)).toBe('Máy chủ nói không');
  });

  it('uses the generic message for anything that is not an ApiError', () => {
    expect(errorMessage(new Error('boom'), lookupIn(vi))).toBe(vi.errors.UNKNOWN);
    expect(errorMessage('weird', lookupIn(en))).toBe(en.errors.UNKNOWN);
  });

  it('translates the client-side network error', () => {
    expect(errorMessage(new ApiError(0, 'NETWORK_ERROR', ''), lookupIn(vi))).toBe(vi.errors.NETWORK_ERROR);
  });
});
