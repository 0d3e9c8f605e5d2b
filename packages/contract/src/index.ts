/**
 * The API's contract: every request and response schema (zod) and the types inferred from them. The
 * server validates and documents with these; the web client types its calls with the same ones.
 * Browser-safe: it loads zod and the plan file's record schemas, nothing of Node.
 */
export * from './audit.js';
export * from './auth.js';
export * from './common.js';
export * from './endpoints.js';
export * from './evaluation.js';
export * from './figures.js';
export * from './health.js';
export * from './indicators.js';
export * from './plan-files.js';
export * from './plans.js';
export * from './programs.js';
export * from './reports.js';
export * from './targets.js';
export * from './tokens.js';
export * from './units.js';
export * from './users.js';
export * from './workflow.js';
