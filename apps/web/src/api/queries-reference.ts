import type { EndpointQuery, EndpointResponse } from '@chitieu/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Page, UnitRow } from './types';

// Reads of the rankings, province, reports and audit pages. Lists the API pages are read whole
// (units and indicators are small: a province has tens of units, a plan tens of indicators).

/** `GET /api/indicators`: one row, as the pickers and column heads need it (the contract's fields). */
export type IndicatorRow = Pick<
  EndpointResponse<'getIndicator'>,
  'code' | 'name' | 'unit' | 'direction' | 'decimals'
>;

/** Every indicator (the rankings' picker, the province grid's column heads). */
export function useIndicators() {
  return useQuery({
    queryKey: ['indicators'],
    queryFn: () => api<Page<IndicatorRow>>('GET', '/indicators', { query: { limit: 500 } }),
    staleTime: 5 * 60_000,
  });
}

/** Every unit: the parent pickers and unit names. */
export function useAllUnits() {
  return useQuery({
    queryKey: ['units', 'all'],
    queryFn: () => api<Page<UnitRow>>('GET', '/units', { query: { limit: 500 } }),
    staleTime: 5 * 60_000,
  });
}

/** `GET /api/audit` filters (the contract's names); `before` pages back (entries older than that id). */
export type AuditQuery = Omit<EndpointQuery<'listAudit'>, 'before' | 'limit'> & {
  before?: number;
  limit: number;
};

/** One audit record as `GET /api/audit` answers it (before/after are the changed fields). */
export type AuditRecord = EndpointResponse<'listAudit'>['entries'][number];

/** One page of the audit trail, newest first. */
export function useAuditPage(query: AuditQuery, enabled: boolean) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => api<{ entries: AuditRecord[] }>('GET', '/audit', { query: { ...query } }),
    enabled,
    retry: false,
  });
}
