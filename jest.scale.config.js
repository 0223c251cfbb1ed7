import { project } from './jest.preset.js';

/** `npm run test:scale`: multi-process tests against PostgreSQL + Redis. */
export default {
  projects: [
    project('scale', ['<rootDir>/test/scale/**/*.scale.ts'], {
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    }),
  ],
  testTimeout: 60_000,
};
