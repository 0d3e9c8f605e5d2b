export * from './availability.js';
export * from './commands/index.js';
export * from './connect.js';
export * from './migrate.js';
export { LATEST_MIGRATION } from './migrations/index.js';
export * from './repositories/accounts.js';
export * from './repositories/audit.js';
export * from './repositories/data-version.js';
export * from './repositories/domain.js';
export * from './repositories/figure-lock.js';
export * from './repositories/figures.js';
export * from './repositories/lineage.js';
export type { ImportProblemCode } from './repositories/messages.js';
export * from './repositories/plan-file.js';
export * from './repositories/records.js';
export {
  indicatorOfRow,
  indicatorRow,
  localizedOf,
  planRow,
  programRow,
  type StoredTarget,
  targetRow,
  taskRow,
} from './repositories/row-mapping.js';
export type { RowCounts } from './repositories/rows.js';
export * from './repositories/unit-scope.js';
export * from './repositories/workflow.js';
export type * from './schema.js';
export * from './testing/databases.js';
export * from './testing/fixture.js';
export * from './transaction.js';
