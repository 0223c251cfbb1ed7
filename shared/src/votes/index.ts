export * from './vote.schemas.js';
export * from './tally.js';
export * from './vote-live.js';
export * from './votes.commands.js';
