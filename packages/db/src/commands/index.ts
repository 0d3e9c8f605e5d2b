export * from './approvals.js';
export * from './context.js';
export * from './figures.js';
export * from './plan-file.js';
