import { SYSTEM_ROLES, type SystemRole } from '@phonghop/shared';

/** i18n key of each system role's label (vi: Quản trị / Thư ký / Thành viên). */
export function roleLabelKey(role: SystemRole): `roles.${SystemRole}` {
  return `roles.${role}`;
}

export const ROLE_OPTIONS: readonly SystemRole[] = SYSTEM_ROLES;
