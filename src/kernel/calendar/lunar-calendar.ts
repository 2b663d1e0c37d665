/**
 * The Vietnamese lunisolar calendar (âm lịch).
 *
 * Algorithm of Hồ Ngọc Đức ("Thuật toán tính âm lịch", the reference used for the Vietnamese calendar), with
 * the rules of the calendar as decreed for Viet Nam (Quyết định 121/CP ngày 08/8/1967 of the Council of
 * Ministers: computations on meridian 105°E, i.e. UTC+7):
 *  - a lunar month begins on the day (UTC+7) that contains the astronomical new moon;
 *  - the 11th month is the month containing the winter solstice;
 *  - when 13 months lie between two 11th months, the first month after the 11th that contains no major solar
 *    term (trung khí) is the leap month and repeats the number of the month before it.
 * New moons and solar longitudes use Meeus' low-precision formulas, as in the reference implementation
 * (accurate to minutes for 1800–2199; this module accepts Gregorian years 1900–2100).
 *
 * All computations are on Julian day numbers (JDN); no `Date` object is involved.
 */
import { type IsoDate, fromDayNumber, toDayNumber } from './local-date.js';

/** A date of the Vietnamese lunar calendar; `leap` marks a leap month (tháng nhuận). */
export interface LunarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly leap: boolean;
}

/** Hours east of UTC of the meridian used for the Vietnamese calendar (105°E). */
const TIME_ZONE = 7;
/** JDN of 1970-01-01. */
const JDN_OF_DAY_ZERO = 2440588;
/** JDN of the new moon of 1900-01-01 used as origin of the new-moon index k. */
const NEW_MOON_EPOCH = 2415021.076998695;
const SYNODIC_MONTH = 29.530588853;

const MIN_DATE: IsoDate = '1900-01-01';
const MAX_DATE: IsoDate = '2100-12-31';
const MIN_DAY = toDayNumber(MIN_DATE);
const MAX_DAY = toDayNumber(MAX_DATE);

/** JDN (UTC+7 civil day) of the k-th new moon after the one of 1900-01-01 (Meeus, Astronomical Algorithms ch. 49, low precision). */
function newMoonDay(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  const jdNew = jd1 + c1 - deltaT;
  return Math.floor(jdNew + 0.5 + TIME_ZONE / 24);
}

/** Sector 0–11 (30° each, 0 = spring equinox) of the sun's apparent longitude at the start of the UTC+7 day `jdn`. */
function sunLongitudeSector(jdn: number): number {
  const T = (jdn - 2451545.5 - TIME_ZONE / 24) / 36525;
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L = L - Math.PI * 2 * Math.floor(L / (Math.PI * 2));
  return Math.floor((L / Math.PI) * 6);
}

/** JDN of the first day of the 11th lunar month (the one containing the winter solstice) of Gregorian year `year`. */
function lunarMonth11(year: number): number {
  const off = toDayNumber(`${String(year).padStart(4, '0')}-12-31`) + JDN_OF_DAY_ZERO - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  // The month starting at nm contains the solstice unless the sun has already passed 270° at its start.
  return sunLongitudeSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** Offset (in months after month 11 starting at `a11`) of the leap month: the first month without a major term. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let last: number;
  let i = 1;
  let arc = sunLongitudeSector(newMoonDay(k + i));
  do {
    last = arc;
    i++;
    arc = sunLongitudeSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

function checkGregorianRange(dayNumber: number, what: string): void {
  if (dayNumber < MIN_DAY || dayNumber > MAX_DAY) {
    throw new RangeError(`${what} is outside the range ${MIN_DATE} … ${MAX_DATE} supported by the lunar calendar`);
  }
}

/** Lunar date of a Gregorian date, Vietnamese calendar (UTC+7, Hồ Ngọc Đức algorithm; Quyết định 121/CP 1967). */
export function toLunar(date: IsoDate): LunarDate {
  const dayNumber = toDayNumber(date);
  checkGregorianRange(dayNumber, date);
  const jdn = dayNumber + JDN_OF_DAY_ZERO;
  const year = Number(date.slice(0, 4));
  const k = Math.floor((jdn - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > jdn) monthStart = newMoonDay(k);
  let a11 = lunarMonth11(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1);
  }
  const day = jdn - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month, day, leap };
}

/** JDN of the first day of lunar month (`month`, `leap`) of lunar year `year`, or null when no such month exists. */
function lunarMonthStart(year: number, month: number, leap: boolean): number | null {
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1);
    b11 = lunarMonth11(year);
  } else {
    a11 = lunarMonth11(year);
    b11 = lunarMonth11(year + 1);
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  return newMoonDay(k + off);
}

/** Number of days (29 or 30) of a lunar month. */
export function lunarMonthLength(year: number, month: number, leap = false): number {
  const start = lunarMonthStart(year, month, leap);
  if (start === null) throw new RangeError(`lunar year ${year} has no ${leap ? 'leap ' : ''}month ${month}`);
  // 30 days after day 1 is day 1 of the next month when this month has 30 days, day 2 when it has 29.
  const after = toLunar(fromDayNumber(start - JDN_OF_DAY_ZERO + 30));
  return 31 - after.day;
}

/** Gregorian date of a lunar date, Vietnamese calendar (inverse of {@link toLunar}); RangeError for a non-existent lunar date. */
export function fromLunar(lunar: LunarDate): IsoDate {
  const { year, month, day, leap } = lunar;
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 30) {
    throw new RangeError(`invalid lunar date ${day}/${month}${leap ? ' (leap)' : ''}/${year}`);
  }
  if (year < 1900 || year > 2100) throw new RangeError(`lunar year ${year} is outside the supported range 1900 … 2100`);
  const start = lunarMonthStart(year, month, leap);
  if (start === null) throw new RangeError(`lunar year ${year} has no leap month ${month}`);
  if (day > lunarMonthLength(year, month, leap)) {
    throw new RangeError(`lunar month ${month}${leap ? ' (leap)' : ''} of ${year} has fewer than ${day} days`);
  }
  const dayNumber = start - JDN_OF_DAY_ZERO + day - 1;
  checkGregorianRange(dayNumber, `lunar date ${day}/${month}/${year}`);
  return fromDayNumber(dayNumber);
}

/** Tết Nguyên đán: Gregorian date of lunar 1/1 of lunar year `year` (the lunar year that begins in Gregorian year `year`). */
export function lunarNewYear(year: number): IsoDate {
  return fromLunar({ year, month: 1, day: 1, leap: false });
}

/** Giỗ Tổ Hùng Vương: lunar 10/3 (of the regular, non-leap 3rd month; Bộ luật Lao động 2019 Điều 112 khoản 1 điểm e). */
export function hungKingsDay(year: number): IsoDate {
  return fromLunar({ year, month: 3, day: 10, leap: false });
}

/** The leap month (1–12) of lunar year `year`, or null when the year has twelve months. */
export function leapMonthOf(year: number): number | null {
  let d = toDayNumber(lunarNewYear(year));
  const end = toDayNumber(year + 1 <= 2100 ? lunarNewYear(year + 1) : MAX_DATE);
  while (d < end) {
    const l = toLunar(fromDayNumber(d));
    if (l.leap) return l.month;
    d += 29; // a month has at least 29 days: stepping 29 days from day 1 visits every month
    const next = toLunar(fromDayNumber(Math.min(d, MAX_DAY)));
    if (next.day !== 1) d += 1;
  }
  return null;
}
