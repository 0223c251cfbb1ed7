export * from './minutes-facts.js';
export * from './minutes-verify.js';
export * from './conclusion-notice.js';
export * from './task-status.js';
export * from './minutes.schemas.js';
