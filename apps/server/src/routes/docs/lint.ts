/**
 * Lints an OpenAPI document with Spectral's `spectral:oas` ruleset, in-process (tests only: the
 * Spectral packages are development dependencies).
 */
import spectralCore, { type RulesetDefinition } from '@stoplight/spectral-core';
import * as parsers from '@stoplight/spectral-parsers';
import spectralRulesets from '@stoplight/spectral-rulesets';

/** One finding: the rule, where in the document, and what it says. */
export interface LintFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  path: string;
  message: string;
}

const SEVERITY = ['error', 'warning', 'info', 'hint'] as const;

/**
 * Every finding of `spectral:oas` on `document`.
 *
 * @example (await lintOpenApi(app.swagger())).filter((f) => f.severity !== 'info') // []
 */
export async function lintOpenApi(document: unknown): Promise<LintFinding[]> {
  const { Document, Spectral } = spectralCore;
  const spectral = new Spectral();
  spectral.setRuleset({ extends: [[spectralRulesets.oas as RulesetDefinition, 'recommended']] });
  const results = await spectral.run(new Document(JSON.stringify(document, null, 2), parsers.Json));
  return results.map((r) => ({
    rule: String(r.code),
    severity: SEVERITY[r.severity] ?? 'error',
    path: r.path.join('.'),
    message: r.message,
  }));
}
