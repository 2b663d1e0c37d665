import { formatDateVi } from '../../../kernel/calendar/index.js';
import type { CampaignFacts, CampaignRuleError, CampaignStatus, CampaignTargets } from './campaign-types.js';

const hasMoreThanTwoDecimals = (x: number) => Math.abs(x * 100 - Math.round(x * 100)) > 1e-6;

/** A target rate is a percentage in (0, 100] with at most two decimals (the forms' precision). */
function rateErrors(field: string, rate: number | null): CampaignRuleError[] {
  if (rate === null) return [];
  if (!Number.isFinite(rate) || rate > 100) return [{ field, rule: 'rate_over_100', message: 'Chỉ tiêu tỷ lệ không được vượt quá 100 %.' }];
  if (rate <= 0) return [{ field, rule: 'rate_not_positive', message: 'Chỉ tiêu tỷ lệ phải lớn hơn 0 %.' }];
  if (hasMoreThanTwoDecimals(rate)) return [{ field, rule: 'rate_decimals', message: 'Chỉ tiêu tỷ lệ có tối đa 2 chữ số thập phân.' }];
  return [];
}

/** The targets of a campaign: amounts above zero, rates in (0, 100] (issue #14 item 6, "bad input"). */
export function campaignTargetErrors(t: CampaignTargets): CampaignRuleError[] {
  const out: CampaignRuleError[] = [];
  if (t.cases !== null && (!Number.isInteger(t.cases) || t.cases <= 0)) {
    out.push({ field: 'targets.cases', rule: 'target_not_positive', message: 'Chỉ tiêu số việc phải là số nguyên lớn hơn 0.' });
  }
  if (t.money !== null && t.money <= 0n) out.push({ field: 'targets.money', rule: 'target_not_positive', message: 'Chỉ tiêu số tiền phải lớn hơn 0 đồng.' });
  out.push(...rateErrors('targets.casesRate', t.casesRate), ...rateErrors('targets.moneyRate', t.moneyRate));
  return out;
}

/** A campaign as opened or edited: it ends on or after its start, decided on or before its start, sensible targets. */
export function validateCampaign(c: CampaignFacts): CampaignRuleError[] {
  const out: CampaignRuleError[] = [];
  if (c.name.trim() === '') out.push({ field: 'name', rule: 'required', message: 'Cần tên đợt cao điểm.' });
  if (c.to < c.from) {
    out.push({ field: 'to', rule: 'ends_before_start', message: `Đợt cao điểm kết thúc (${formatDateVi(c.to)}) trước khi bắt đầu (${formatDateVi(c.from)}).` });
  }
  if (c.decision.date > c.from) {
    out.push({ field: 'decision.date', rule: 'decision_after_start', message: `Ngày quyết định (${formatDateVi(c.decision.date)}) sau ngày bắt đầu đợt (${formatDateVi(c.from)}).` });
  }
  out.push(...campaignTargetErrors(c.targets));
  return out;
}

/** A closed campaign's figures are frozen: nothing of it is edited any more (issue #14, "editing a closed campaign"). */
export function editErrors(status: CampaignStatus): CampaignRuleError[] {
  return status === 'closed' ? [{ field: 'status', rule: 'campaign_closed', message: 'Đợt cao điểm đã kết thúc và chốt số liệu; không thể sửa.' }] : [];
}

/** A campaign is closed once, and not before it has started (its figures would be empty). */
export function closeErrors(status: CampaignStatus, from: string, today: string): CampaignRuleError[] {
  const out = editErrors(status);
  if (out.length === 0 && today < from) out.push({ field: 'from', rule: 'not_started', message: `Đợt cao điểm chưa bắt đầu (từ ${formatDateVi(from)}); chưa thể kết thúc.` });
  return out;
}

/**
 * Named difficult cases must be cases of the campaign's scope (held by one of its offices); an unknown case
 * gets the same answer as one of another unit, so the answer tells nothing about other units' cases.
 */
export function namedCaseErrors(cases: readonly { caseId: string; inScope: boolean }[]): CampaignRuleError[] {
  return cases.flatMap((c, i) => (c.inScope ? [] : [{
    field: `cases[${i}].caseId`, rule: 'case_outside_scope', message: `Việc ${c.caseId} không thuộc phạm vi đợt cao điểm.`,
  }]));
}
