import { api } from '../../api/client';

export const RESULT_FIGURES = ['casesAssigned', 'visits', 'casesResolved', 'moneyResolved', 'coercionsAvoided', 'promisesKept', 'promisesBroken'] as const;
export type ResultFigure = (typeof RESULT_FIGURES)[number];
export type ResultGrouping = 'team' | 'commune' | 'enforcer';
/** Counts are numbers; money (moneyResolved) is a string of đồng. */
export type Figures = Record<ResultFigure, number | string>;
export interface Share { cases: number | null; money: number | null }

export interface ResultsRow {
  key: string | null;
  label: string | null;
  figures: Figures;
  share: Share;
  drillDown: Record<ResultFigure, string>;
}

export interface Results {
  unit: { code: string; name: string };
  period: { from: string; to: string };
  by: ResultGrouping;
  policy: { windowDays: number };
  official: { casesResolved: number; moneyCollected: string };
  total: { figures: Figures; share: Share; drillDown: Record<ResultFigure, string> | null };
  rows: ResultsRow[];
}

export interface ResultItem { caseId: string; teamId: string; visitId: string | null; on: string; value: number | string }
export interface ResultItemsPage { total: number | string; count: number; hasMore: boolean; items: ResultItem[] }

/** GET /api/mobilisation/results: what the teams of a unit achieved in [from, to]. */
export function getResults(unit: string, from: string, to: string, by: ResultGrouping): Promise<Results> {
  const q = new URLSearchParams({ unit, from, to, by });
  return api.get<Results>(`/api/mobilisation/results?${q.toString()}`);
}

/** The items behind one figure: the link the server gave, every page up to `limit` items. */
export async function getResultItems(link: string, limit = 5000): Promise<ResultItemsPage> {
  const items: ResultItem[] = [];
  let first: ResultItemsPage | null = null;
  for (let page = 1; items.length < limit; page++) {
    const p = await api.get<ResultItemsPage>(`${link}&page=${page}&pageSize=500`);
    first ??= p;
    items.push(...p.items);
    if (!p.hasMore) return { ...first, items, hasMore: false };
  }
  return { ...first!, items, hasMore: true };
}
