import type { IsoDate } from '../../../kernel/calendar/index.js';

/** Who decided a peak campaign (đợt cao điểm): the steering committee (Ban Chỉ đạo THADS) or the office itself. */
export const CAMPAIGN_DECIDERS = ['committee', 'office'] as const;
export type CampaignDecider = (typeof CAMPAIGN_DECIDERS)[number];

/** Why a case is named among a campaign's difficult cases. */
export const CAMPAIGN_CASE_REASONS = ['large_amount', 'long_pending', 'coercion_needed', 'other'] as const;
export type CampaignCaseReason = (typeof CAMPAIGN_CASE_REASONS)[number];

export const CAMPAIGN_STATUSES = ['open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** The groupings of a campaign leaderboard. */
export const LEADERBOARD_BYS = ['office', 'enforcer', 'team', 'commune'] as const;
export type LeaderboardBy = (typeof LEADERBOARD_BYS)[number];

export const CAMPAIGN_CASE_REASON_VI: Readonly<Record<CampaignCaseReason, string>> = {
  large_amount: 'Số tiền lớn',
  long_pending: 'Tồn đọng kéo dài',
  coercion_needed: 'Phải cưỡng chế',
  other: 'Lý do khác',
};

/** The targets of a campaign: absolute (cases, đồng to resolve within its dates) and/or rates (percent). */
export interface CampaignTargets {
  readonly cases: number | null;
  readonly money: bigint | null;
  readonly casesRate: number | null;
  readonly moneyRate: number | null;
}

export interface CampaignDecision {
  readonly number: string;
  readonly date: IsoDate;
  readonly signer: string;
}

/** What a campaign is, as the rules see it. */
export interface CampaignFacts {
  readonly name: string;
  readonly decision: CampaignDecision;
  readonly decidedBy: CampaignDecider;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly targets: CampaignTargets;
}

export interface CampaignRuleError {
  field: string;
  rule: string;
  message: string;
}
