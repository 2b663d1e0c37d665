import { describe, expect, it } from 'vitest';
import {
  checkIdentities, narrativeParagraphVi, narrativeTextVi, yearResultsOf, yearSentenceVi, type StatisticsReport,
} from '../../../src/modules/statistics/domain/index.js';
import { CHAU_THANH_YEARS, chauThanhReports, yearReport } from './report-builders.js';

const CHAU_THANH_PARAGRAPH =
  'Năm 2015: Thi hành xong về việc đạt tỷ lệ 90,31% (vượt 2,31%), về giá trị đạt tỷ lệ 81,38% (vượt 4,38%); ' +
  'Năm 2016: Thi hành xong về việc đạt tỷ lệ 77,43% (vượt 7,43%), về giá trị đạt tỷ lệ 39,44% (vượt 9,44%); ' +
  'Năm 2017: Thi hành xong về việc đạt tỷ lệ 71,57% (vượt 1,57%), về giá trị đạt tỷ lệ 36,13% (vượt 6,13%); ' +
  'Năm 2018: Thi hành xong về việc đạt tỷ lệ 77,98% (vượt 5,98%), về giá trị đạt tỷ lệ 52,78% (vượt 20,78%); ' +
  'Năm 2019: Thi hành xong về việc đạt tỷ lệ 75,75% (vượt 2,75%), về giá trị đạt tỷ lệ 41,89% (vượt 8,89%); ' +
  'Năm 2020: Thi hành xong về việc đạt tỷ lệ 83,06% (vượt 3,06%), về giá trị đạt tỷ lệ 61,20% (vượt 23,20%).';

describe('narrative summary (báo cáo tổng kết)', () => {
  const reports = chauThanhReports();

  it('the test reports have exactly the published rates and consistent forms', () => {
    reports.forEach((r, i) => {
      const y = CHAU_THANH_YEARS[i]!;
      expect([r.period, r.cases.rate, r.money.rate]).toEqual([{ from: `${y.fiscalYear - 1}-10-01`, to: `${y.fiscalYear}-09-30` }, y.casesRate, y.moneyRate]);
      expect(checkIdentities(r)).toEqual([]);
    });
  });

  it('writes the Châu Thành 2015–2020 paragraph as the office does (2020 money excess 23,20 computed, not the published 23,02)', () => {
    expect(narrativeParagraphVi(reports)).toBe(CHAU_THANH_PARAGRAPH);
  });

  it('orders the years whatever the order of the reports', () => {
    expect(narrativeParagraphVi([...reports].reverse())).toBe(CHAU_THANH_PARAGRAPH);
  });

  it('says "chưa đạt" below the target, "đạt chỉ tiêu" on it, nothing without a target', () => {
    const below = yearReport('LA-CT', 2021, 78.8, 38, { cases: 80, money: 38 });
    expect(yearSentenceVi(yearResultsOf([below])[0]!)).toBe(
      'Năm 2021: Thi hành xong về việc đạt tỷ lệ 78,80% (chưa đạt 1,20%), về giá trị đạt tỷ lệ 38,00% (đạt chỉ tiêu)',
    );
    const none = yearReport('LA-CT', 2021, 78.8, 40.5, null);
    expect(narrativeParagraphVi([none])).toBe('Năm 2021: Thi hành xong về việc đạt tỷ lệ 78,80%, về giá trị đạt tỷ lệ 40,50%.');
  });

  it('names a partial year by its dates and says so when nothing had means', () => {
    const r = yearReport('LA-CT', 2021, 50, 50, { cases: 80, money: 38 });
    const partial: StatisticsReport = {
      ...r,
      period: { from: '2020-10-01', to: '2021-03-31' },
      cases: { ...r.cases, rate: null },
      excess: { cases: null, money: r.excess!.money },
    };
    expect(narrativeParagraphVi([partial])).toBe(
      'Năm 2021 (từ ngày 01/10/2020 đến ngày 31/03/2021): Thi hành xong về việc không có việc có điều kiện thi hành, về giá trị đạt tỷ lệ 50,00% (vượt 12,00%).',
    );
  });

  it('refuses two reports of one fiscal year; no report gives an empty paragraph', () => {
    expect(() => narrativeParagraphVi([reports[0]!, reports[0]!])).toThrow(/fiscal year 2015/);
    expect(narrativeParagraphVi([])).toBe('');
  });

  it('plain text: title, span of years, unit, paragraph', () => {
    expect(narrativeTextVi({ unitName: 'Chi cục Thi hành án dân sự huyện Châu Thành', reports }).split('\n')).toEqual([
      'BÁO CÁO TỔNG KẾT',
      'Kết quả thi hành án dân sự giai đoạn 2015 - 2020',
      'Đơn vị: Chi cục Thi hành án dân sự huyện Châu Thành',
      '',
      CHAU_THANH_PARAGRAPH,
    ]);
  });
});
