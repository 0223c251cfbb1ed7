import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import { UsersService } from './users.service.js';

/**
 * First start on an empty database: demo accounts (development), or one admin from ADMIN_PASSWORD
 * (production, where demo accounts never exist).
 */
@Injectable()
export class DemoSeed {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns 'demo' when it created the demo accounts (the caller then adds the demo meeting). */
  async run(): Promise<'demo' | 'admin' | 'none'> {
    if ((await this.users.count()) > 0) return 'none';
    if (this.config.env === 'production' || !this.config.demoSeed) {
      if (!this.config.adminPassword) return 'none';
      await this.users.create({
        username: 'admin',
        fullName: 'Quản trị hệ thống',
        position: '',
        unit: '',
        role: 'admin',
        password: this.config.adminPassword,
        mustChangePassword: false,
      });
      this.logger.log('Đã tạo tài khoản quản trị "admin" với mật khẩu từ ADMIN_PASSWORD.');
      return 'admin';
    }
    try {
      for (const account of DEMO_ACCOUNTS) {
        await this.users.create({ ...account, password: DEMO_PASSWORD, mustChangePassword: false });
      }
    } catch (error) {
      // Two nodes starting together on one empty database: the other one seeded first.
      const e = error as { code?: string; driverError?: { code?: string } };
      if (e.code === 'USERNAME_TAKEN' || /23505|SQLITE_CONSTRAINT/.test(String(e.driverError?.code))) return 'none';
      throw error;
    }
    const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.username.length));
    const lines = DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(width)}  ${a.fullName} — ${a.position}`);
    this.logger.log(
      `Tài khoản dùng thử (mật khẩu chung: ${DEMO_PASSWORD}) / demo logins (password ${DEMO_PASSWORD}):\n${lines.join('\n')}`,
    );
    return 'demo';
  }
}
