import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { CreateUserRequest, DirectoryEntryDto, PersonRef, ResetPasswordRequest, UpdateUserRequest, UserDto } from '@phonghop/shared';
import { createUserRequestSchema } from '@phonghop/shared';
import { PasswordHasher } from '../auth/password-hasher.js';
import { SessionsService } from '../auth/sessions.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { DbWriter } from '../database/db-writer.js';
import { UserEntity } from './user.entity.js';

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    position: user.position,
    unit: user.unit,
    role: user.role,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}

export function toPersonRef(user: UserEntity): PersonRef {
  return { id: user.id, fullName: user.fullName, position: user.position, unit: user.unit };
}

type NewUser = ReturnType<typeof createUserRequestSchema.parse> & { mustChangePassword?: boolean };

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly db: DbWriter,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
  ) {}

  async list(): Promise<UserDto[]> {
    const rows = await this.users.find({ order: { fullName: 'ASC' } });
    // Vietnamese order: by given name (the last word), then the whole name, as on official lists.
    const collator = new Intl.Collator('vi');
    const given = (n: string) => n.trim().split(/\s+/).at(-1) ?? n;
    rows.sort((a, b) => collator.compare(given(a.fullName), given(b.fullName)) || collator.compare(a.fullName, b.fullName));
    return rows.map(toUserDto);
  }

  async directory(): Promise<DirectoryEntryDto[]> {
    const rows = await this.users.find({ where: { disabled: false } });
    return rows
      .map((u) => ({ ...toPersonRef(u), username: u.username, role: u.role }))
      .sort((a, b) => new Intl.Collator('vi').compare(a.fullName, b.fullName));
  }

  /** Names and positions for display, keyed by id; unknown ids are simply absent. */
  async people(ids: Iterable<string>): Promise<Map<string, PersonRef>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.users.find({ where: { id: In(unique) } });
    return new Map(rows.map((u) => [u.id, toPersonRef(u)]));
  }

  async findActive(id: string): Promise<UserEntity | null> {
    const user = await this.users.findOne({ where: { id } });
    return user && !user.disabled ? user : null;
  }

  count(): Promise<number> {
    return this.users.count();
  }

  async create(input: NewUser | CreateUserRequest): Promise<UserDto> {
    const data = createUserRequestSchema.parse(input);
    const passwordHash = await this.hasher.hash(data.password);
    const now = this.clock.now();
    const user = this.users.create({
      id: randomUUID(),
      username: data.username,
      fullName: data.fullName,
      position: data.position,
      unit: data.unit,
      role: data.role,
      passwordHash,
      disabled: false,
      mustChangePassword: 'mustChangePassword' in input ? Boolean(input.mustChangePassword) : true,
      createdAt: now,
      updatedAt: now,
      lastLoginAt: null,
      calendarTokenHash: null,
    });
    await this.db.transaction(async (em) => {
      // Checked inside the serialised write so two admins cannot both take a name.
      if (await em.exists(UserEntity, { where: { username: data.username } })) throw new AppError('USERNAME_TAKEN');
      await em.insert(UserEntity, user);
    });
    return toUserDto(user);
  }

  async update(actorId: string, id: string, patch: UpdateUserRequest): Promise<UserDto> {
    const user = await this.users.findOne({ where: { id } });
    if (!user) throw new AppError('NOT_FOUND');
    if (actorId === id && (patch.disabled === true || (patch.role && patch.role !== user.role))) {
      throw new AppError('CANNOT_DISABLE_SELF');
    }
    Object.assign(user, patch, { updatedAt: this.clock.now() });
    await this.db.transaction((em) =>
      em.update(UserEntity, { id }, { ...patch, updatedAt: user.updatedAt }),
    );
    if (patch.disabled) await this.sessions.revokeAllForUser(id, 'account-disabled');
    return toUserDto(user);
  }

  /** An admin sets a temporary password: the user's sessions end and they must choose a new one. */
  async resetPassword(id: string, request: ResetPasswordRequest): Promise<void> {
    if (!(await this.users.exists({ where: { id } }))) throw new AppError('NOT_FOUND');
    const passwordHash = await this.hasher.hash(request.newPassword);
    await this.db.transaction((em) =>
      em.update(UserEntity, { id }, { passwordHash, mustChangePassword: true, updatedAt: this.clock.now() }),
    );
    await this.sessions.revokeAllForUser(id, 'password-reset');
  }
}
