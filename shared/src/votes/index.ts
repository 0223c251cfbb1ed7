export * from './vote.schemas.js';
export * from './tally.js';
