/**
 * Official holiday schedules for state bodies (cán bộ, công chức, viên chức), year by year, 2015–2026.
 *
 * THIS IS THE FILE TO CORRECT when an announced schedule turns out to be different: each year is one entry.
 *
 * What the law fixes (and the code derives, so it is not repeated here):
 *   - Tết Dương lịch 1/1, Ngày Chiến thắng 30/4, Ngày Quốc tế Lao động 1/5, Quốc khánh 2/9;
 *   - Giỗ Tổ Hùng Vương on lunar 10/3 (computed by lunar-calendar.ts);
 *   (Bộ luật Lao động 2012 Điều 115 khoản 1 for 2013–2020; Bộ luật Lao động 2019 Điều 112 khoản 1 from 2021.)
 * What each year's announcement decides, and is therefore listed below:
 *   - `tet`: which five consecutive days are the statutory Tết days (e.g. 29 and 30 tháng Chạp + mùng 1–3);
 *   - `nationalDayExtra`: from 2021, the second Quốc khánh day, "01 ngày liền kề trước hoặc sau" 2/9;
 *   - `compensatory`: nghỉ bù, the next working day after a statutory holiday falling on Saturday or Sunday
 *     (BLLĐ 2012 Điều 115 khoản 3; BLLĐ 2019 Điều 111 khoản 3);
 *   - `swaps`: hoán đổi ngày làm việc, a working day given off in exchange for a Saturday worked (làm bù),
 *     decided by the Prime Minister on the proposal of Bộ LĐTBXH (from 03/2025: Bộ Nội vụ) for state bodies
 *     that rest on Saturday and Sunday;
 *   - `breaks`: the continuous breaks as announced ("nghỉ từ … đến hết …", weekends included). They are not
 *     used to compute anything; a unit test checks that the other fields produce exactly these breaks, so a
 *     typo in one place is caught.
 *
 * `sources` names the announcements (Thông báo of Bộ LĐTBXH / Văn phòng Chính phủ) as far as they could be
 * identified; the dates were cross-checked against contemporaneous press reports of those announcements.
 * `note` flags the breaks that were not seen spelled out in a report and follow from the statutory rule alone.
 *
 * Years after the last entry are computed by rule (public-holidays.ts) and marked as computed.
 */
import type { IsoDate } from './local-date.js';

export type Occasion = 'new_year' | 'tet' | 'hung_kings' | 'reunification' | 'labour_day' | 'national_day';

export interface Swap {
  /** The working day given off (nghỉ hoán đổi). */
  readonly off: IsoDate;
  /** The Saturday worked instead (ngày làm bù); it counts as a working day. */
  readonly workOn: IsoDate;
  readonly occasion: Occasion;
}

export interface OfficialYearSchedule {
  readonly year: number;
  readonly sources: readonly string[];
  /** First and last of the five statutory Tết days (consecutive). */
  readonly tet: readonly [IsoDate, IsoDate];
  /** From 2021: the second National Day holiday (1/9 or 3/9). */
  readonly nationalDayExtra?: IsoDate;
  readonly compensatory: readonly (readonly [IsoDate, Occasion])[];
  readonly swaps: readonly Swap[];
  /** Announced continuous breaks, weekends included (checked by a unit test, not used for computing). */
  readonly breaks: readonly (readonly [IsoDate, IsoDate])[];
  readonly note?: string;
}

export const OFFICIAL_SCHEDULES: readonly OfficialYearSchedule[] = [
  {
    year: 2015,
    sources: [
      'Bộ LĐTBXH, thông báo nghỉ Tết Âm lịch và hoán đổi ngày nghỉ năm 2015 (on Tờ trình 89/TTr-LĐTBXH ngày 20/11/2014, approved by the Prime Minister)',
    ],
    // Tết Ất Mùi = Thu 19/02/2015. Tết days: 29 and 30 tháng Chạp + mùng 1–3 (Tue 17/02 – Sat 21/02).
    tet: ['2015-02-17', '2015-02-21'],
    compensatory: [['2015-02-23', 'tet']], // mùng 3 on Saturday 21/02
    swaps: [
      { off: '2015-01-02', workOn: '2014-12-27', occasion: 'new_year' },
      { off: '2015-02-16', workOn: '2015-02-14', occasion: 'tet' },
      { off: '2015-04-29', workOn: '2015-04-25', occasion: 'hung_kings' }, // bridges Giỗ Tổ (Tue 28/04) and 30/4
    ],
    breaks: [
      ['2015-01-01', '2015-01-04'],
      ['2015-02-15', '2015-02-23'],
      ['2015-04-28', '2015-05-03'],
      ['2015-09-02', '2015-09-02'],
    ],
  },
  {
    year: 2016,
    sources: ['Thông báo 4659/TB-LĐTBXH (11/2015) on holidays of 2016'],
    // Tết Bính Thân = Mon 08/02/2016; announced break Sat 06/02 (28 tháng Chạp) – Sun 14/02 (mùng 7), no swap.
    // Which five days were named Tết days is not certain (28 Chạp – mùng 3 assumed, as in 2015/2017/2018);
    // the days off are the same either way.
    tet: ['2016-02-06', '2016-02-10'],
    compensatory: [
      ['2016-02-11', 'tet'],
      ['2016-02-12', 'tet'],
      ['2016-04-18', 'hung_kings'], // Giỗ Tổ on Saturday 16/04
      ['2016-05-02', 'reunification'], // 30/4 on Saturday
      ['2016-05-03', 'labour_day'], // 1/5 on Sunday
    ],
    swaps: [],
    breaks: [
      ['2016-01-01', '2016-01-03'],
      ['2016-02-06', '2016-02-14'],
      ['2016-04-16', '2016-04-18'],
      ['2016-04-30', '2016-05-03'],
      ['2016-09-02', '2016-09-04'],
    ],
  },
  {
    year: 2017,
    sources: ['Bộ LĐTBXH, thông báo nghỉ lễ, Tết năm 2017 (11/2016), Tết approved by the Prime Minister'],
    // Tết Đinh Dậu = Sat 28/01/2017. Tết days 29 tháng Chạp – mùng 3 (Thu 26/01 – Mon 30/01).
    tet: ['2017-01-26', '2017-01-30'],
    compensatory: [
      ['2017-01-02', 'new_year'], // 1/1 on Sunday
      ['2017-01-31', 'tet'],
      ['2017-02-01', 'tet'],
      ['2017-05-02', 'reunification'], // 30/4 on Sunday, 1/5 is Monday
      ['2017-09-04', 'national_day'], // 2/9 on Saturday
    ],
    swaps: [],
    breaks: [
      ['2016-12-31', '2017-01-02'],
      ['2017-01-26', '2017-02-01'],
      ['2017-04-06', '2017-04-06'],
      ['2017-04-29', '2017-05-02'],
      ['2017-09-02', '2017-09-04'],
    ],
  },
  {
    year: 2018,
    sources: ['Thông báo 573/TB-VPCP ngày 14/12/2017'],
    // Tết Mậu Tuất = Fri 16/02/2018. Tết days 29 and 30 tháng Chạp + mùng 1–3 (Wed 14/02 – Sun 18/02).
    tet: ['2018-02-14', '2018-02-18'],
    compensatory: [
      ['2018-02-19', 'tet'],
      ['2018-02-20', 'tet'],
      ['2018-09-03', 'national_day'], // 2/9 on Sunday
    ],
    swaps: [],
    breaks: [
      ['2017-12-30', '2018-01-01'],
      ['2018-02-14', '2018-02-20'],
      ['2018-04-25', '2018-04-25'],
      ['2018-04-28', '2018-05-01'],
      ['2018-09-01', '2018-09-03'],
    ],
  },
  {
    year: 2019,
    sources: ['Công văn 6519/VPCP-KGVX (2018) and Bộ LĐTBXH thông báo nghỉ lễ, Tết năm 2019'],
    // Tết Kỷ Hợi = Tue 05/02/2019. Tết days 30 tháng Chạp + mùng 1–4 (Mon 04/02 – Fri 08/02).
    tet: ['2019-02-04', '2019-02-08'],
    compensatory: [['2019-04-15', 'hung_kings']], // Giỗ Tổ on Sunday 14/04
    swaps: [
      { off: '2018-12-31', workOn: '2019-01-05', occasion: 'new_year' },
      { off: '2019-04-29', workOn: '2019-05-04', occasion: 'reunification' },
    ],
    breaks: [
      ['2018-12-29', '2019-01-01'],
      ['2019-02-02', '2019-02-10'],
      ['2019-04-13', '2019-04-15'],
      ['2019-04-27', '2019-05-01'],
      ['2019-08-31', '2019-09-02'],
    ],
    note: 'Giỗ Tổ 13–15/04 follows from the statutory rule (not seen spelled out in a report).',
  },
  {
    year: 2020,
    sources: ['Bộ LĐTBXH, thông báo nghỉ lễ, Tết năm 2020 (12/2019)'],
    // Tết Canh Tý = Sat 25/01/2020. Tết days 29 and 30 tháng Chạp + mùng 1–3 (Thu 23/01 – Mon 27/01).
    tet: ['2020-01-23', '2020-01-27'],
    compensatory: [
      ['2020-01-28', 'tet'],
      ['2020-01-29', 'tet'],
    ],
    swaps: [],
    breaks: [
      ['2020-01-01', '2020-01-01'],
      ['2020-01-23', '2020-01-29'],
      ['2020-04-02', '2020-04-02'],
      ['2020-04-30', '2020-05-03'],
      ['2020-09-02', '2020-09-02'],
    ],
  },
  {
    year: 2021,
    sources: ['Bộ LĐTBXH, thông báo nghỉ lễ, Tết năm 2021 (12/2020); first year of BLLĐ 2019 (2 days for Quốc khánh)'],
    // Tết Tân Sửu = Fri 12/02/2021. Tết days 29 and 30 tháng Chạp + mùng 1–3 (Wed 10/02 – Sun 14/02).
    tet: ['2021-02-10', '2021-02-14'],
    nationalDayExtra: '2021-09-03',
    compensatory: [
      ['2021-02-15', 'tet'],
      ['2021-02-16', 'tet'],
      ['2021-05-03', 'labour_day'], // 1/5 on Saturday
    ],
    swaps: [],
    breaks: [
      ['2021-01-01', '2021-01-03'],
      ['2021-02-10', '2021-02-16'],
      ['2021-04-21', '2021-04-21'],
      ['2021-04-30', '2021-05-03'],
      ['2021-09-02', '2021-09-05'],
    ],
  },
  {
    year: 2022,
    sources: [
      'Bộ LĐTBXH, thông báo nghỉ lễ, Tết năm 2022',
      'Công văn 245/VPCP-KGVX ngày 11/01/2022 (Tết Nhâm Dần)',
    ],
    // Tết Nhâm Dần = Tue 01/02/2022. Tết days 29 tháng Chạp (last day of the year) + mùng 1–4 (Mon 31/01 – Fri 04/02).
    tet: ['2022-01-31', '2022-02-04'],
    nationalDayExtra: '2022-09-01',
    compensatory: [
      ['2022-01-03', 'new_year'], // 1/1 on Saturday
      ['2022-04-11', 'hung_kings'], // Giỗ Tổ on Sunday 10/04
      ['2022-05-02', 'reunification'], // 30/4 on Saturday
      ['2022-05-03', 'labour_day'], // 1/5 on Sunday
    ],
    swaps: [],
    breaks: [
      ['2022-01-01', '2022-01-03'],
      ['2022-01-29', '2022-02-06'],
      ['2022-04-09', '2022-04-11'],
      ['2022-04-30', '2022-05-03'],
      ['2022-09-01', '2022-09-04'],
    ],
    note: 'Giỗ Tổ and 30/4–1/5 breaks follow from the statutory rule (not seen spelled out in a report).',
  },
  {
    year: 2023,
    sources: ['Công văn 8056/VPCP-KGVX ngày 01/12/2022; Bộ LĐTBXH, thông báo nghỉ lễ, Tết năm 2023'],
    // Tết Quý Mão = Sun 22/01/2023. Tết days 29 and 30 tháng Chạp + mùng 1–3 (Fri 20/01 – Tue 24/01).
    tet: ['2023-01-20', '2023-01-24'],
    nationalDayExtra: '2023-09-01',
    compensatory: [
      ['2023-01-02', 'new_year'], // 1/1 on Sunday
      ['2023-01-25', 'tet'],
      ['2023-01-26', 'tet'],
      ['2023-05-02', 'hung_kings'], // Giỗ Tổ on Saturday 29/04 (1/5 is Monday)
      ['2023-05-03', 'reunification'], // 30/4 on Sunday
      ['2023-09-04', 'national_day'], // 2/9 on Saturday
    ],
    // No swap: the 29/04–03/05 break is five days without one. (A "làm bù thứ Bảy 06/05/2023" was mentioned
    // in the brief for this module but no announcement of it was found.)
    swaps: [],
    breaks: [
      ['2022-12-31', '2023-01-02'],
      ['2023-01-20', '2023-01-26'],
      ['2023-04-29', '2023-05-03'],
      ['2023-09-01', '2023-09-04'],
    ],
  },
  {
    year: 2024,
    sources: [
      'Bộ LĐTBXH, thông báo nghỉ Tết Âm lịch và Quốc khánh năm 2024 (11/2023), approved by the Prime Minister',
      'Công văn 2450/VPCP-KGVX ngày 12/4/2024 (hoán đổi 29/4 ↔ 04/5)',
    ],
    // Tết Giáp Thìn = Sat 10/02/2024. Tết days 29 and 30 tháng Chạp + mùng 1–3 (Thu 08/02 – Mon 12/02).
    tet: ['2024-02-08', '2024-02-12'],
    nationalDayExtra: '2024-09-03',
    compensatory: [
      ['2024-02-13', 'tet'],
      ['2024-02-14', 'tet'],
    ],
    swaps: [{ off: '2024-04-29', workOn: '2024-05-04', occasion: 'reunification' }],
    breaks: [
      ['2023-12-30', '2024-01-01'],
      ['2024-02-08', '2024-02-14'],
      ['2024-04-18', '2024-04-18'],
      ['2024-04-27', '2024-05-01'],
      ['2024-08-31', '2024-09-03'],
    ],
  },
  {
    year: 2025,
    sources: [
      'Bộ LĐTBXH, thông báo nghỉ Tết Âm lịch và Quốc khánh năm 2025 (11/2024), approved by the Prime Minister',
      'Hoán đổi 02/5 ↔ 26/4/2025 approved by the Prime Minister (Bộ Nội vụ proposal, 2025)',
    ],
    // Tết Ất Tỵ = Wed 29/01/2025 (tháng Chạp Giáp Thìn has 29 days). Break Sat 25/01 (26 Chạp) – Sun 02/02
    // (mùng 5): the five weekdays 27/01–31/01 (28 Chạp – mùng 3) are the Tết days; no swap.
    tet: ['2025-01-27', '2025-01-31'],
    nationalDayExtra: '2025-09-01',
    compensatory: [],
    swaps: [{ off: '2025-05-02', workOn: '2025-04-26', occasion: 'labour_day' }],
    breaks: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-25', '2025-02-02'],
      ['2025-04-05', '2025-04-07'],
      ['2025-04-30', '2025-05-04'],
      ['2025-08-30', '2025-09-02'],
    ],
  },
  {
    year: 2026,
    sources: [
      'Văn phòng Chính phủ, ý kiến Thủ tướng về nghỉ Tết Âm lịch và Quốc khánh năm 2026 (10/2025, Bộ Nội vụ proposal)',
      'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (Tết Dương lịch: hoán đổi 02/01 ↔ 10/01/2026)',
    ],
    // Tết Bính Ngọ = Tue 17/02/2026. Tết days 29 tháng Chạp (last day) + mùng 1–4 (Mon 16/02 – Fri 20/02).
    tet: ['2026-02-16', '2026-02-20'],
    nationalDayExtra: '2026-09-01',
    compensatory: [['2026-04-27', 'hung_kings']], // Giỗ Tổ on Sunday 26/04
    swaps: [
      { off: '2026-01-02', workOn: '2026-01-10', occasion: 'new_year' },
      { off: '2026-08-31', workOn: '2026-08-22', occasion: 'national_day' },
    ],
    breaks: [
      ['2026-01-01', '2026-01-04'],
      ['2026-02-14', '2026-02-22'],
      ['2026-04-25', '2026-04-27'],
      ['2026-04-30', '2026-05-03'],
      ['2026-08-29', '2026-09-02'],
    ],
    note:
      'Giỗ Tổ (25–27/04) and 30/4–1/5 (30/04–03/05) follow from the statutory rule; no swap for 28–29/04 had ' +
      'been announced in the sources consulted (as of 02/2026). Ngày Văn hóa Việt Nam 24/11 (Nghị quyết ' +
      '80-NQ/TW ngày 07/01/2026; Nghị quyết 30/NQ-CP asks to amend BLLĐ Điều 112) is NOT a statutory holiday ' +
      'until the Labour Code is amended, so it is not included.',
  },
];
