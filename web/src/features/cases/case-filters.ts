import { CASE_STATUSES, CATEGORIES, INITIATIONS, type CaseQuery, type CaseStatus, type Category, type Initiation } from './cases.api';

// The list's filters live in the address (?q=…&status=…&page=2) so that a list can be bookmarked and shared.

export const PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

const text = (value: string | null): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

const positive = (value: string | null, fallback: number, max: number): number => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
};

export function queryFromParams(params: URLSearchParams): CaseQuery {
  const statuses = params.getAll('status').filter((s): s is CaseStatus => (CASE_STATUSES as readonly string[]).includes(s));
  const pageSize = positive(params.get('pageSize'), DEFAULT_PAGE_SIZE, 500);
  return {
    q: text(params.get('q')),
    idNumber: text(params.get('idNumber')),
    status: statuses.length ? statuses : undefined,
    initiation: oneOf<Initiation>(INITIATIONS, params.get('initiation')),
    category: oneOf<Category>(CATEGORIES, params.get('category')),
    enforcer: text(params.get('enforcer')),
    commune: text(params.get('commune')),
    overdue: params.get('overdue') === 'true' ? true : undefined,
    page: positive(params.get('page'), 1, 100_000),
    pageSize,
  };
}

/** The address form of a query; defaults (page 1, 20 a page) are left out to keep addresses short. */
export function paramsFromQuery(query: CaseQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.idNumber) params.set('idNumber', query.idNumber);
  for (const status of query.status ?? []) params.append('status', status);
  if (query.initiation) params.set('initiation', query.initiation);
  if (query.category) params.set('category', query.category);
  if (query.enforcer) params.set('enforcer', query.enforcer);
  if (query.commune) params.set('commune', query.commune);
  if (query.overdue) params.set('overdue', 'true');
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}
