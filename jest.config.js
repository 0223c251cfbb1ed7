import { project } from './jest.preset.js';

/**
 * `npm test`: unit and integration (real SQLite, or PostgreSQL when DATABASE_URL is set), then the built app in real
 * processes: the browser (test/e2e) and the live room under faults (test/live: kill -9, Wi-Fi drops).
 */
export default {
  projects: [
    project('shared', ['<rootDir>/shared/src/**/*.spec.ts']),
    project('server', ['<rootDir>/server/src/**/*.spec.ts']),
    project('client', ['<rootDir>/client/src/**/*.spec.ts']),
    project('e2e', ['<rootDir>/test/e2e/**/*.e2e.ts', '<rootDir>/test/live/**/*.live.ts'], {
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    }),
  ],
  testTimeout: 30_000,
};
