import type { Category, Initiation } from '../../cases/domain/index.js';
import { CASE_KEYS, MONEY_KEYS, type StatisticsReport } from '../domain/index.js';

/**
 * A report as the HTTP API returns it: the §7 object (statistics.md) with money as strings of digits, as
 * every amount in the API (docs/api.md); case counts, rates, target and excess are numbers.
 */
export interface ReportView {
  office: string;
  period: { from: string; to: string };
  policies: { moneyResolved: string[]; postponementGroundsWithoutMeans: string[] };
  cases: Record<string, number | null>;
  money: Record<string, string | number | null>;
  target: { cases: number; money: number } | null;
  excess: { cases: number | null; money: number | null } | null;
}

export function presentReport(r: StatisticsReport): ReportView {
  const cases: Record<string, number | null> = {};
  for (const k of CASE_KEYS) {
    cases[k] = r.cases[k];
    if (k === 'resolved') cases.rate = r.cases.rate;
  }
  const money: Record<string, string | number | null> = {};
  for (const k of MONEY_KEYS) {
    money[k] = r.money[k].toString();
    if (k === 'resolved') money.rate = r.money.rate;
  }
  return {
    office: r.office,
    period: { from: r.period.from, to: r.period.to },
    policies: { moneyResolved: [...r.policies.moneyResolved], postponementGroundsWithoutMeans: [...r.policies.postponementGroundsWithoutMeans] },
    cases,
    money,
    target: r.target === null ? null : { cases: r.target.cases, money: r.target.money },
    excess: r.excess === null ? null : { cases: r.excess.cases, money: r.excess.money },
  };
}

/** Row labels of the breakdowns by initiation and category (Thông tư 06/2019/TT-BTP wording). */
export const INITIATION_VI: Record<Initiation, string> = { ex_officio: 'Chủ động', on_request: 'Theo đơn yêu cầu' };
export const CATEGORY_VI: Record<Category, string> = {
  hinh_su: 'Hình sự', dan_su: 'Dân sự', hon_nhan_gia_dinh: 'Hôn nhân và gia đình', kinh_doanh_thuong_mai: 'Kinh doanh, thương mại',
  lao_dong: 'Lao động', hanh_chinh: 'Hành chính', pha_san: 'Phá sản', trong_tai: 'Trọng tài thương mại', khac: 'Khác',
};
