import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  parseSearchWith,
  stringifySearchWith,
} from '@tanstack/react-router';
import { AppLayout } from '../components/AppLayout';
import { NotFoundPage } from '../pages/NotFoundPage';
import { oneOf, textParam, yearParam } from './search';

// Every page is its own file and its own chunk: the addresses below are the app's stable URLs.
const rootRoute = createRootRoute({ component: AppLayout, notFoundComponent: NotFoundPage });

export interface YearSearch {
  year?: number;
}
const yearSearch = (s: Record<string, unknown>): YearSearch => ({ year: yearParam(s.year) });

const home = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../pages/HomePage'), 'HomePage'),
});

export interface LoginSearch {
  redirect?: string;
}
const login = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (s: Record<string, unknown>): LoginSearch => {
    const r = textParam(s.redirect);
    // Only a path of this site: never send a signed-in user elsewhere.
    return { redirect: r?.startsWith('/') && !r.startsWith('//') ? r : undefined };
  },
  component: lazyRouteComponent(() => import('../pages/LoginPage'), 'LoginPage'),
});

const dashboard = createRoute({
  getParentRoute: () => rootRoute,
  path: '/plans/$code',
  validateSearch: yearSearch,
  component: lazyRouteComponent(() => import('../pages/dashboard/DashboardPage'), 'DashboardPage'),
});

export const BAND_FILTERS = ['0', '1', '2', '3', 'none'] as const;
export const FORECAST_FILTERS = ['exceed', 'complete', 'at-risk', 'insufficient-data'] as const;
export const TARGET_SORTS = ['plan', 'achievement-asc', 'achievement-desc'] as const;
export interface TargetsSearch extends YearSearch {
  q?: string;
  group?: string;
  band?: (typeof BAND_FILTERS)[number];
  forecast?: (typeof FORECAST_FILTERS)[number];
  sort?: (typeof TARGET_SORTS)[number];
}
const targets = createRoute({
  getParentRoute: () => rootRoute,
  path: '/plans/$code/targets',
  validateSearch: (s: Record<string, unknown>): TargetsSearch => ({
    year: yearParam(s.year),
    q: textParam(s.q),
    group: textParam(s.group),
    band: oneOf(String(s.band ?? ''), BAND_FILTERS),
    forecast: oneOf(s.forecast, FORECAST_FILTERS),
    sort: oneOf(s.sort, TARGET_SORTS),
  }),
  component: lazyRouteComponent(() => import('../pages/targets/TargetsPage'), 'TargetsPage'),
});

const target = createRoute({
  getParentRoute: () => rootRoute,
  path: '/plans/$code/targets/$target',
  validateSearch: yearSearch,
  component: lazyRouteComponent(() => import('../pages/target/TargetPage'), 'TargetPage'),
});

const programs = createRoute({
  getParentRoute: () => rootRoute,
  path: '/plans/$code/programs',
  validateSearch: yearSearch,
  component: lazyRouteComponent(() => import('../pages/programs/ProgramsPage'), 'ProgramsPage'),
});

const reports = createRoute({
  getParentRoute: () => rootRoute,
  path: '/plans/$code/reports',
  validateSearch: yearSearch,
  component: lazyRouteComponent(() => import('../pages/reports/ReportsPage'), 'ReportsPage'),
});

export interface RankingsSearch extends YearSearch {
  indicator?: string;
  parent?: string;
  by?: 'value' | 'growth';
}
const rankings = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rankings',
  validateSearch: (s: Record<string, unknown>): RankingsSearch => ({
    indicator: textParam(s.indicator),
    year: yearParam(s.year),
    parent: textParam(s.parent),
    by: oneOf(s.by, ['value', 'growth'] as const),
  }),
  component: lazyRouteComponent(() => import('../pages/rankings/RankingsPage'), 'RankingsPage'),
});

const children = createRoute({
  getParentRoute: () => rootRoute,
  path: '/units/$code/children',
  validateSearch: yearSearch,
  component: lazyRouteComponent(() => import('../pages/province/ProvincePage'), 'ProvincePage'),
});

export interface AuditSearch {
  unit?: string;
  indicator?: string;
  user?: string;
  entity?: string;
  from?: string;
  to?: string;
}
const audit = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  validateSearch: (s: Record<string, unknown>): AuditSearch => ({
    unit: textParam(s.unit),
    indicator: textParam(s.indicator),
    user: textParam(s.user),
    entity: textParam(s.entity),
    from: textParam(s.from),
    to: textParam(s.to),
  }),
  component: lazyRouteComponent(() => import('../pages/audit/AuditPage'), 'AuditPage'),
});

const routeTree = rootRoute.addChildren([
  home,
  login,
  dashboard,
  targets,
  target,
  programs,
  reports,
  rankings,
  children,
  audit,
]);

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  scrollRestoration: true,
  // Plain addresses (?parent=50, not ?parent=%2250%22): every value is read as text and each route's
  // validateSearch gives it its type.
  parseSearch: parseSearchWith((value) => value),
  stringifySearch: stringifySearchWith(JSON.stringify),
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
