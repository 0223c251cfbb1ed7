export * from './fold.js';
export * from './search.schemas.js';
