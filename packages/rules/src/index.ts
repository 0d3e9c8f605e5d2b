/**
 * @chitieu/rules — the one set of rules for valid data, used by the plan-file reader, the domain
 * commands, the API schemas and web forms (pure: zod and the core, nothing Node-specific).
 *
 * - Schemas of each record (`unitSchema`, `indicatorSchema`, `targetSchema`, `valueSchema`, `planSchema`,
 *   `planFileSchema`): strict — an unknown key is refused with the closest valid one.
 * - Checks across fields and records, each returning located `Problem`s (path, code, params):
 *   `checkIndicator`, `checkTarget(target, { indicator, plan })`, `checkValue(value, { indicator, years })`,
 *   `checkPlan`, `checkTermYear`, `textProblems` (NUL, control characters, mojibake).
 * - Warnings, returned apart from errors: `valueWarnings`, `figureSetWarnings`.
 * - `message(code, params, lang)`: the sentence, Vietnamese or English; `WARNING_CODES`.
 * - For API bodies: `problemsFromZod(error, input, schema)`, `unknownKeyProblems`, `closestKey`.
 *
 * @example
 * import { checkValue, message } from '@chitieu/rules';
 * const [p] = checkValue({ year: 2023, value: 250 }, { indicator: { code: 'BHYT', unit: '%' } });
 * message(p.code, p.params ?? {}, 'en')
 * // 'The value 250 is outside the bounds of indicator BHYT: it must be between 0 and 100 (a % indicator …).'
 */
export * from './bounds.js';
export * from './indicator.js';
export * from './keys.js';
export * from './messages.js';
export * from './plan.js';
export * from './problem.js';
export * from './schemas.js';
export * from './target.js';
export * from './text.js';
export * from './value.js';
export * from './warnings.js';
export * from './years.js';
export * from './zod-problems.js';
