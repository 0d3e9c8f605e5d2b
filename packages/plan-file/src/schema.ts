/**
 * The zod schemas of the plan file `chitieu.plan/1` (docs/plan-format.md). They live in @chitieu/rules,
 * the one set of rules shared with the API and the web forms; re-exported here for the reader's users.
 */
export {
  codeSchema,
  DATE_PATTERN,
  indicatorSchema,
  localizedTextSchema,
  PERIOD_PATTERN,
  PLAN_FORMAT,
  type PlanFileInput,
  planFileSchema,
  planSchema,
  programSchema,
  targetSchema,
  taskSchema,
  unitSchema,
  valueSchema,
  yearSchema,
} from '@chitieu/rules';
