/**
 * The years an evaluation or a ranking may be asked for, checked by the rules the CLI uses: an
 * evaluation year lies in the plan's term, a ranking year (and `since`) within the plausible window
 * of the plans (one term either side), so `?year=2099` is refused, not answered with empty numbers.
 */
import type { Executor } from '@chitieu/db';
import {
  checkFigureYear,
  checkTermYear,
  message,
  type Problem,
  plausibleYears,
  type YearSpan,
} from '@chitieu/rules';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../errors.js';
import { languageOf } from '../../i18n.js';

/** A 422 naming each wrong year of the query string, or nothing. */
function refuse(request: FastifyRequest, problems: Problem[], field = 'year'): void {
  if (problems.length === 0) return;
  const lang = languageOf(request.headers['accept-language']);
  throw new ApiError(
    422,
    'unprocessable',
    problems.map((p) => ({ path: `querystring.${field}`, message: message(p.code, p.params ?? {}, lang) })),
  );
}

/**
 * Refuse an evaluation year outside the plan's term (`baselineYear+1 … targetYear`).
 *
 * @example refuseYearOutsideTerm(request, 2030, { code: 'NQ', baselineYear: 2020, targetYear: 2025 }) // throws 422
 */
export function refuseYearOutsideTerm(request: FastifyRequest, year: number, plan: YearSpan): void {
  refuse(request, checkTermYear(year, plan));
}

/**
 * Refuse a ranking year or start year outside every plan's plausible window; with no plan at all,
 * any year passes (there is nothing to judge by).
 *
 * @example await refuseImplausibleYears(db, request, { year: 2099 }) // throws 422
 */
export async function refuseImplausibleYears(
  db: Executor,
  request: FastifyRequest,
  years: { year: number; since?: number | null },
): Promise<void> {
  const plans = await db.selectFrom('plans').select(['code', 'baseline_year', 'target_year']).execute();
  const window = plausibleYears(
    plans.map((p) => ({
      code: p.code,
      baselineYear: Number(p.baseline_year),
      targetYear: Number(p.target_year),
    })),
  );
  refuse(request, checkFigureYear(years.year, window));
  if (years.since != null) refuse(request, checkFigureYear(years.since, window), 'since');
}
