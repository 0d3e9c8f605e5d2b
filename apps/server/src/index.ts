export * from './access.js';
export * from './app.js';
export * from './errors.js';
export * from './i18n.js';
export * from './start.js';
