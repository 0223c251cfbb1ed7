import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  createUserRequestSchema,
  resetPasswordRequestSchema,
  updateUserRequestSchema,
  type CreateUserRequest,
  type DirectoryEntryDto,
  type ResetPasswordRequest,
  type UpdateUserRequest,
  type UserDto,
} from '@phonghop/shared';
import { CurrentAuth, Roles, type RequestAuth } from '../auth/auth.decorators.js';
import { ZodPipe } from '../common/zod.pipe.js';
import { UsersService } from './users.service.js';

@Controller('api/users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(): Promise<UserDto[]> {
    return this.users.list();
  }

  /** Who can be invited: active accounts, for the secretary's participant picker. */
  @Get('directory')
  @Roles('secretary', 'admin')
  directory(): Promise<DirectoryEntryDto[]> {
    return this.users.directory();
  }

  @Post()
  create(@Body(new ZodPipe(createUserRequestSchema)) body: CreateUserRequest): Promise<UserDto> {
    return this.users.create(body);
  }

  @Patch(':id')
  update(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateUserRequestSchema)) body: UpdateUserRequest,
  ): Promise<UserDto> {
    return this.users.update(auth.user.id, id, body);
  }

  @Post(':id/reset-password')
  @HttpCode(204)
  resetPassword(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(resetPasswordRequestSchema)) body: ResetPasswordRequest,
  ): Promise<void> {
    return this.users.resetPassword(id, body);
  }
}
