import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { SystemRole } from '@phonghop/shared';
import type { SessionEntity } from './session.entity.js';
import type { UserEntity } from '../users/user.entity.js';

export const IS_PUBLIC = 'auth:public';
export const REQUIRED_ROLES = 'auth:roles';

/** Routes reachable without a session (login, health, the web client). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** System roles allowed on a route; admins are not implicitly allowed everywhere. */
export const Roles = (...roles: SystemRole[]) => SetMetadata(REQUIRED_ROLES, roles);

export interface RequestAuth {
  user: UserEntity;
  session: SessionEntity;
}

export const CurrentAuth = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestAuth => {
  const auth = ctx.switchToHttp().getRequest<{ auth?: RequestAuth }>().auth;
  if (!auth) throw new Error('CurrentAuth used on a public route');
  return auth;
});

/** The caller as the meeting rules see them. */
export function viewerOf(auth: RequestAuth): { userId: string; systemRole: SystemRole } {
  return { userId: auth.user.id, systemRole: auth.user.role };
}
