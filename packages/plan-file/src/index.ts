export { checkPlanFile, formatPath, type PathSegment, type RawProblem } from './check.js';
export {
  applyDefaults,
  defaultDecimals,
  type PlanFile,
  type PlanFilePlan,
  type PlanFileTarget,
} from './defaults.js';
export { detectEncoding, type Encoding } from './encoding.js';
export { MESSAGES, type ProblemCode } from './messages.js';
export {
  type PlanFileOptions,
  type PlanFileProblem,
  type PlanFileResult,
  parsePlanFile,
  readPlanFile,
  serializePlanFile,
} from './parse.js';
export * from './schema.js';
