export * from './live-events.js';
export * from './quorum.js';
