export * from './live-events.js';
export * from './quorum.js';
export * from './speaker-queue.js';
export * from './live-state.js';
export * from './live.commands.js';
