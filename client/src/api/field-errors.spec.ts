import { describe, expect, it } from '@jest/globals';
import { createUserRequestSchema } from '@phonghop/shared';
import { fieldErrors } from './field-errors';

describe('fieldErrors', () => {
  it('keeps the first message per dotted path', () => {
    expect(
      fieldErrors([
        { path: ['a'], message: 'first' },
        { path: ['a'], message: 'second' },
        { path: ['b', 0, 'c'], message: 'nested' },
        { path: [], message: 'form' },
      ]),
    ).toEqual({ a: 'first', 'b.0.c': 'nested', _: 'form' });
  });

  it('gives Vietnamese messages for the shared create-user schema', () => {
    const result = createUserRequestSchema.safeParse({ username: 'A', fullName: '', role: 'member', password: '123' });
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error?.issues ?? []);
    expect(errors.username).toBe('Tên đăng nhập cần ít nhất 3 ký tự.');
    expect(errors.fullName).toBe('Vui lòng nhập họ và tên.');
    expect(errors.password).toBe('Mật khẩu cần ít nhất 8 ký tự.');
  });
});
