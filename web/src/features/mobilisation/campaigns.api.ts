import { api } from '../../api/client';

export type LeaderboardBy = 'office' | 'enforcer' | 'team' | 'commune';
export type CaseReason = 'large_amount' | 'long_pending' | 'coercion_needed' | 'other';

export interface CampaignTargets { cases: number | null; money: string | null; casesRate: number | null; moneyRate: number | null }
export interface CampaignSummary {
  id: string;
  name: string;
  decision: { number: string; date: string; signer: string };
  decidedBy: 'committee' | 'office';
  unit: { code: string; name: string; level: string };
  from: string;
  to: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  targets: CampaignTargets;
  running?: boolean;
}
export interface NamedCase {
  caseId: string;
  reason: CaseReason;
  note: string | null;
  decisionNumber: string | null;
  office: string | null;
  enforcer: string | null;
  status: string;
  outstanding: string | null;
  frozen: { status: string; outstanding: string } | null;
}
export interface CampaignDetail {
  campaign: CampaignSummary & { counted: { from: string; to: string } | null; frozen: boolean; canManage: boolean };
  namedCases: NamedCase[];
  participants: { kind: string; label: string | null; role: string }[];
}
export interface TargetProgress { target: number | string | null; achieved: number | string | null; progress: number | null; reached: boolean | null }
export interface LeaderboardRow {
  rank: number;
  key: string | null;
  label: string | null;
  casesResolved: number;
  moneyResolved: string;
  withMeans: number | null;
  rate: number | null;
  drillDown: { cases: string; money: string };
}
export interface Leaderboard {
  unit: { code: string; name: string };
  by: LeaderboardBy;
  counted: { from: string; to: string } | null;
  frozen: boolean;
  teamPolicy?: string;
  total: { casesResolved: number; moneyResolved: string; withMeans: number; rate: number | null; moneyRate: number | null };
  targets: { cases: TargetProgress; money: TargetProgress; casesRate: TargetProgress; moneyRate: TargetProgress };
  rows: LeaderboardRow[];
}
export interface Progress {
  counted: { from: string; to: string } | null;
  targets: { cases: number | null; money: string | null };
  points: { on: string; cases: number; money: string }[];
}
export interface Candidate { caseId: string; decisionNumber: string; acceptedOn: string; status: string; outstanding: string; office: string | null; coercion: boolean }
export interface DrillItem { caseId: string; episodeEnd?: string | null; value: number | string }

export interface NewCampaign {
  unit: string;
  name: string;
  decision: { number: string; date: string; signer: string };
  decidedBy: 'committee' | 'office';
  from: string;
  to: string;
  targets: { cases?: number | null; money?: string | null; casesRate?: number | null; moneyRate?: number | null };
}

const enc = encodeURIComponent;

export const listCampaigns = (unit: string) => api.get<{ items: CampaignSummary[] }>(`/api/campaigns?unit=${enc(unit)}`);
export const getCampaign = (id: string) => api.get<CampaignDetail>(`/api/campaigns/${enc(id)}`);
export const createCampaign = (body: NewCampaign) => api.post<CampaignDetail>('/api/campaigns', body);
export const closeCampaign = (id: string) => api.post<CampaignDetail>(`/api/campaigns/${enc(id)}/close`);
export const addNamedCases = (id: string, cases: { caseId: string; reason: CaseReason }[]) => api.post<CampaignDetail>(`/api/campaigns/${enc(id)}/cases`, { cases });
export const getLeaderboard = (id: string, by: LeaderboardBy) => api.get<Leaderboard>(`/api/campaigns/${enc(id)}/leaderboard?by=${by}`);
export const getProgress = (id: string) => api.get<Progress>(`/api/campaigns/${enc(id)}/progress`);
export const closingReportUrl = (id: string) => `/api/campaigns/${enc(id)}/closing-report.docx`;

export function getCandidates(id: string, f: { minOutstanding?: string; pendingSinceBefore?: string; coercion?: boolean }) {
  const q = new URLSearchParams();
  if (f.minOutstanding) q.set('minOutstanding', f.minOutstanding);
  if (f.pendingSinceBefore) q.set('pendingSinceBefore', f.pendingSinceBefore);
  if (f.coercion) q.set('coercion', 'true');
  return api.get<{ items: Candidate[] }>(`/api/campaigns/${enc(id)}/candidates?${q.toString()}`);
}

/** The cases behind a leaderboard figure (the link the server gave), every page up to `limit` items. */
export async function getDrillItems(link: string, limit = 5000): Promise<{ total: number | string; items: DrillItem[] }> {
  if (link.startsWith('/api/campaigns/')) return api.get<{ total: number | string; items: DrillItem[] }>(link);
  const items: DrillItem[] = [];
  let total: number | string = 0;
  for (let page = 1; items.length < limit; page++) {
    const p = await api.get<{ total: number | string; hasMore: boolean; items: DrillItem[] }>(`${link}&page=${page}&pageSize=500`);
    total = p.total;
    items.push(...p.items);
    if (!p.hasMore) break;
  }
  return { total, items };
}
