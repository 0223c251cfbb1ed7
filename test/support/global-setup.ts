import { execSync } from 'node:child_process';
import path from 'node:path';

/** Browser and multi-process tests run the built app, as production does; Nx makes a repeat build a cache hit. */
export default function globalSetup(): void {
  if (process.env.SKIP_BUILD === '1') return;
  execSync('npx nx run-many -t build --outputStyle=static', {
    cwd: path.resolve(import.meta.dirname, '../..'),
    stdio: 'inherit',
  });
}
