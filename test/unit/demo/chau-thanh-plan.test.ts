import { describe, expect, it } from 'vitest';
import { planOf, targetRecords, YEAR_PLANS } from '../../../src/modules/demo/app/chau-thanh-plan.js';
import published from '../../../../shared/data/chau-thanh-2015-2020.json' with { type: 'json' };
import national from '../../../../shared/data/national-results.json' with { type: 'json' };

/** The yearly plan of the demo office against the published results and the national targets. */
describe('the Châu Thành plan', () => {
  it.each(published.years)('fiscal year $fiscal_year reproduces the published rates and targets', (y) => {
    const p = planOf(y.fiscal_year);
    expect(p.source).toBe('published');
    expect(p.rates).toEqual({ cases: y.cases_rate, money: y.money_rate });
    expect(p.target).toEqual({ cases: y.cases_target, money: y.money_target });
  });

  it('takes the national targets for 2021–2025 (2021: none published, 2020 kept)', () => {
    for (const fy of [2022, 2023, 2024, 2025]) {
      const n = national.years.find((y) => y.fiscal_year === fy)!;
      expect(planOf(fy).target, String(fy)).toEqual({ cases: n.target_cases, money: n.target_money });
    }
    expect(planOf(2021).target).toEqual({ cases: 80, money: 38 });
  });

  it('covers every fiscal year from 2011 to the current one, 1,500–3,000 new cases a year from 2015', () => {
    expect(YEAR_PLANS.map((p) => p.fiscalYear)).toEqual(Array.from({ length: 17 }, (_, i) => 2011 + i));
    for (const p of YEAR_PLANS.filter((y) => y.fiscalYear >= 2015)) expect(p.newCases, String(p.fiscalYear)).toBeGreaterThanOrEqual(1500);
    for (const p of YEAR_PLANS) expect(p.newCases, String(p.fiscalYear)).toBeLessThanOrEqual(3000);
    // Exact rates everywhere except the first year (no stock yet) and the live one.
    expect(YEAR_PLANS.filter((p) => p.rates === null).map((p) => p.fiscalYear)).toEqual([2011, 2027]);
  });

  it('sets the targets for LA-CT until 2025 and for its successor TN-KV3 from 2025', () => {
    const t = targetRecords(2027);
    expect(t.filter((x) => x.office === 'LA-CT').map((x) => x.fiscalYear)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(t.filter((x) => x.office === 'TN-KV3').map((x) => x.fiscalYear)).toEqual([2025, 2026, 2027]);
    expect(targetRecords(2023).every((x) => x.fiscalYear <= 2023)).toBe(true);
  });
});
