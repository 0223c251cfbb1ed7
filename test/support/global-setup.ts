import { execSync } from 'node:child_process';
import path from 'node:path';

interface ProjectConfig {
  displayName?: { name: string } | string;
}

/**
 * Browser and multi-process tests run the built app, as production does; Nx makes a repeat build a cache hit.
 * The browser tests need everything (client/dist too); the scale tests only the server (and shared).
 */
export default function globalSetup(_globalConfig: unknown, projectConfig?: ProjectConfig): void {
  if (process.env.SKIP_BUILD === '1') return;
  const name = typeof projectConfig?.displayName === 'string' ? projectConfig.displayName : projectConfig?.displayName?.name;
  const projects = name === 'scale' ? ' -p @phonghop/server' : '';
  execSync(`npx nx run-many -t build${projects} --outputStyle=static`, {
    cwd: path.resolve(import.meta.dirname, '../..'),
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: process.env.NX_DAEMON ?? 'false', NX_NO_CLOUD: 'true' },
  });
}
