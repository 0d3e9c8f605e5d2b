/**
 * Domain commands: the only code that changes data. Each runs in one transaction, checks its input
 * with the shared rules, writes, and appends its audit entries. The API routes, the CLI and every
 * importer call them.
 */
export * from './approvals.js';
export * from './context.js';
export * from './figures.js';
export type { ImportWarning } from './import-warnings.js';
export * from './indicators.js';
export * from './plan-file.js';
export * from './plans.js';
export * from './programs.js';
export { figureWarnings, ruleMessage } from './rules.js';
export * from './targets.js';
export * from './units.js';
export * from './workflow.js';
