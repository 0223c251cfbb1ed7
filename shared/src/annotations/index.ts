export * from './annotation.schemas.js';
export * from './apply-change.js';
export * from './annotations.events.js';
export * from './annotation-export.js';
