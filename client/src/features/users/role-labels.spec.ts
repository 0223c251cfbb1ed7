import { describe, expect, it } from '@jest/globals';
import { SYSTEM_ROLES } from '@phonghop/shared';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import { ROLE_OPTIONS, roleLabelKey } from './role-labels';

const label = (res: typeof vi, key: string) => res.roles[key.replace('roles.', '') as keyof typeof res.roles];

describe('role labels', () => {
  it('names the system roles in Vietnamese', () => {
    expect(label(vi, roleLabelKey('admin'))).toBe('Quản trị');
    expect(label(vi, roleLabelKey('secretary'))).toBe('Thư ký');
    expect(label(vi, roleLabelKey('member'))).toBe('Thành viên');
  });

  it('has a label for every role in both languages and offers every role', () => {
    for (const role of SYSTEM_ROLES) {
      expect(roleLabelKey(role)).toBe(`roles.${role}`);
      expect(label(vi, roleLabelKey(role))).toBeTruthy();
      expect(label(en, roleLabelKey(role))).toBeTruthy();
    }
    expect([...ROLE_OPTIONS]).toEqual([...SYSTEM_ROLES]);
  });
});
