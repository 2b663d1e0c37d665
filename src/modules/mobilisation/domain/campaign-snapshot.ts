import type { IsoDate } from '../../../kernel/calendar/index.js';
import type { CampaignCaseReason, LeaderboardBy } from './campaign-types.js';

/**
 * The figures a campaign's close freezes (like a period close, statistics.md §1): the totals of its
 * counted period, its leaderboards and the state of its named cases, as they stood. `version` names the
 * stored format; a change of what is frozen is a new version that readCampaignSnapshot converts.
 */
export interface CampaignSnapshotRow {
  readonly rank: number;
  readonly key: string | null;
  readonly label: string | null;
  readonly casesResolved: number;
  readonly moneyResolved: bigint;
  readonly withMeans: number | null;
  readonly rate: number | null;
}

export interface CampaignSnapshotTotals {
  readonly casesResolved: number;
  readonly moneyResolved: bigint;
  readonly withMeans: number;
  readonly moneyWithMeans: bigint;
  readonly rate: number | null;
  readonly moneyRate: number | null;
}

export interface CampaignNamedCaseState {
  readonly caseId: string;
  readonly decisionNumber: string;
  readonly reason: CampaignCaseReason;
  readonly status: string;
  readonly outstanding: bigint;
}

export interface CampaignSnapshot {
  readonly version: 1;
  /** The unit the figures are of (the campaign's scope). */
  readonly unit: string;
  readonly period: { readonly from: IsoDate; readonly to: IsoDate };
  /** The period counted: [from, min(to, day of the close)]. */
  readonly counted: { readonly from: IsoDate; readonly to: IsoDate };
  readonly closedOn: IsoDate;
  readonly policies: { readonly moneyResolved: readonly string[]; readonly teamPolicy: string };
  readonly totals: CampaignSnapshotTotals;
  readonly leaderboards: Readonly<Partial<Record<LeaderboardBy, readonly CampaignSnapshotRow[]>>>;
  readonly namedCases: readonly CampaignNamedCaseState[];
}

type Json<T> = T extends bigint ? string : T extends readonly (infer U)[] ? Json<U>[] : T extends object ? { -readonly [K in keyof T]: Json<T[K]> } : T;
export type CampaignSnapshotJson = Json<CampaignSnapshot>;

const rowToJson = (r: CampaignSnapshotRow): Json<CampaignSnapshotRow> => ({ ...r, moneyResolved: r.moneyResolved.toString() });
const rowOfJson = (r: Json<CampaignSnapshotRow>): CampaignSnapshotRow => ({ ...r, moneyResolved: BigInt(r.moneyResolved) });

/** The stored form (version 1): money as strings of digits, so no đồng depends on a float. */
export function campaignSnapshotToJson(s: CampaignSnapshot): CampaignSnapshotJson {
  const leaderboards: Partial<Record<LeaderboardBy, Json<CampaignSnapshotRow>[]>> = {};
  for (const [by, rows] of Object.entries(s.leaderboards) as [LeaderboardBy, readonly CampaignSnapshotRow[]][]) leaderboards[by] = rows.map(rowToJson);
  return {
    version: 1,
    unit: s.unit,
    period: { ...s.period },
    counted: { ...s.counted },
    closedOn: s.closedOn,
    policies: { moneyResolved: [...s.policies.moneyResolved], teamPolicy: s.policies.teamPolicy },
    totals: { ...s.totals, moneyResolved: s.totals.moneyResolved.toString(), moneyWithMeans: s.totals.moneyWithMeans.toString() },
    leaderboards,
    namedCases: s.namedCases.map((c) => ({ ...c, outstanding: c.outstanding.toString() })),
  };
}

/** Reads a stored snapshot (refuses an unknown version: a bug, never silently wrong figures). */
export function readCampaignSnapshot(raw: unknown): CampaignSnapshot {
  const j = raw as CampaignSnapshotJson;
  if (typeof j !== 'object' || j === null || j.version !== 1) throw new Error(`unknown campaign snapshot version ${JSON.stringify((j as { version?: unknown } | null)?.version)}`);
  const leaderboards: Partial<Record<LeaderboardBy, CampaignSnapshotRow[]>> = {};
  for (const [by, rows] of Object.entries(j.leaderboards) as [LeaderboardBy, Json<CampaignSnapshotRow>[]][]) leaderboards[by] = rows.map(rowOfJson);
  return {
    version: 1,
    unit: j.unit,
    period: j.period,
    counted: j.counted,
    closedOn: j.closedOn,
    policies: j.policies,
    totals: { ...j.totals, moneyResolved: BigInt(j.totals.moneyResolved), moneyWithMeans: BigInt(j.totals.moneyWithMeans) },
    leaderboards,
    namedCases: j.namedCases.map((c) => ({ ...c, outstanding: BigInt(c.outstanding) })),
  };
}
