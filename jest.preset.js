// Shared Jest settings: native ESM (NestJS 12 is ESM-only), TypeScript through SWC with decorator metadata.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

/** @param {string} name @param {string[]} testMatch @param {object} [extra] */
export function project(name, testMatch, extra = {}) {
  return {
    displayName: name,
    rootDir: import.meta.dirname,
    testEnvironment: 'node',
    testMatch,
    extensionsToTreatAsEsm: ['.ts', '.tsx'],
    transform: { '^.+\\.tsx?$': swc },
    moduleNameMapper: {
      '^@phonghop/shared$': '<rootDir>/shared/src/index.ts',
      // nodenext imports carry .js; map them back to the TypeScript source.
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    ...extra,
  };
}
