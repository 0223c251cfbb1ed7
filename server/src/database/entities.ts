import { LoginFailureEntity } from '../auth/login-failure.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** Every entity, listed once for Nest and for the migration tooling. */
export const ENTITIES = [UserEntity, SessionEntity, LoginFailureEntity];
