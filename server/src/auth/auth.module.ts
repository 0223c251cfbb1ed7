import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '../users/user.entity.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginFailureEntity } from './login-failure.entity.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionGuard } from './session.guard.js';
import { SessionEntity } from './session.entity.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, LoginFailureEntity])],
  controllers: [AuthController],
  providers: [AuthService, SessionsService, PasswordHasher, { provide: APP_GUARD, useClass: SessionGuard }],
  exports: [SessionsService, PasswordHasher],
})
export class AuthModule {}
