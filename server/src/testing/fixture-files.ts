import fs from 'node:fs';
import path from 'node:path';

/** The repository's own copies of the sample documents (test/fixtures), so a fresh clone needs nothing else. */
export const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures');

export function fixture(relative: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, relative));
}
