import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLang } from '../i18n/use-lang';
import { api, setCsrfToken } from './client';
import type {
  AuditEntry,
  Evaluation,
  Page,
  PlanFile,
  PlanRow,
  Ranking,
  SessionResponse,
  UnitRow,
} from './types';

// One hook per API read. Query keys name the resource, its parameters and — for answers worded on the
// server (reasons in an evaluation) — the language.

export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      const session = await api<SessionResponse>('GET', '/auth/session');
      setCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: 60_000,
  });
}

export function usePlans(filter: { unit?: string } = {}) {
  return useQuery({
    queryKey: ['plans', filter],
    queryFn: () => api<Page<PlanRow>>('GET', '/plans', { query: { ...filter, limit: 500 } }),
  });
}

export function usePlan(code: string) {
  return useQuery({
    queryKey: ['plan', code],
    queryFn: () => api<PlanRow>('GET', `/plans/${encodeURIComponent(code)}`),
  });
}

/** The plan with its targets, programs, indicators, units and figures: what the core evaluates. */
export function usePlanFile(code: string) {
  return useQuery({
    queryKey: ['plan-file', code],
    queryFn: () => api<PlanFile>('GET', `/plans/${encodeURIComponent(code)}/plan-file`),
    staleTime: 30_000,
  });
}

export function useEvaluation(code: string, year: number | undefined) {
  const lang = useLang();
  return useQuery({
    queryKey: ['evaluation', code, year, lang],
    queryFn: () =>
      api<Evaluation>('GET', `/plans/${encodeURIComponent(code)}/evaluation`, { query: { year, lang } }),
    enabled: year !== undefined,
    placeholderData: keepPreviousData,
  });
}

export interface RankingParams {
  indicator?: string;
  year?: number;
  parent?: string;
  by?: 'value' | 'growth';
}

export function useRanking(params: RankingParams, enabled = true) {
  return useQuery({
    queryKey: ['ranking', params],
    queryFn: () => api<Ranking>('GET', '/rankings', { query: { ...params } }),
    enabled: enabled && params.indicator !== undefined && params.year !== undefined,
    retry: false,
  });
}

export function useUnits(filter: { parent?: string } = {}) {
  return useQuery({
    queryKey: ['units', filter],
    queryFn: () => api<Page<UnitRow>>('GET', '/units', { query: { ...filter, limit: 500 } }),
  });
}

export function useUnit(code: string | undefined) {
  return useQuery({
    queryKey: ['unit', code],
    queryFn: () => api<UnitRow>('GET', `/units/${encodeURIComponent(code ?? '')}`),
    enabled: code !== undefined,
  });
}

export interface AuditFilter {
  entity?: string;
  user?: string;
  from?: string;
  to?: string;
}

export function useAudit(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: () => api<{ entries: AuditEntry[] }>('GET', '/audit', { query: { ...filter, limit: 200 } }),
    retry: false,
  });
}

export function useFigureHistory(
  unit: string,
  indicator: string,
  year: number | undefined,
  enabled: boolean,
) {
  return useQuery({
    queryKey: ['figure-history', unit, indicator, year],
    queryFn: () =>
      api<{ entries: AuditEntry[] }>('GET', '/audit/figure', { query: { unit, indicator, year } }),
    enabled: enabled && year !== undefined,
    retry: false,
  });
}
