/**
 * The Vietnamese legal calendar: lunar dates, public holidays, compensatory and swapped days off of state
 * bodies, and working-day / deadline arithmetic (2015–2035). Pure domain code: no I/O, no clock.
 */
export { formatDateVi } from './local-date.js';
export {
  type IsoDate,
  type Weekday,
  type CivilDate,
  isLeapYear,
  daysInMonth,
  parseIsoDate,
  isIsoDate,
  formatIsoDate,
  toDayNumber,
  fromDayNumber,
  weekdayOf,
  isWeekend,
  addCalendarDays,
  calendarDaysBetween,
  compareIsoDates,
  addMonths,
  addYears,
} from './local-date.js';
export {
  type LunarDate,
  toLunar,
  fromLunar,
  lunarMonthLength,
  lunarNewYear,
  hungKingsDay,
  leapMonthOf,
} from './lunar-calendar.js';
export { type Swap, type OfficialYearSchedule, OFFICIAL_SCHEDULES } from './official-schedules.js';
export {
  type Occasion,
  type DayOff,
  type DayOffKind,
  type MakeUpWorkingDay,
  type ScheduleStatus,
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  FIRST_SUPPORTED_DATE,
  LAST_SUPPORTED_DATE,
  holidaysOf,
  makeUpWorkingDaysOf,
  scheduleStatusOf,
  dayOffOn,
  makeUpWorkingDayOn,
  ruleScheduleOf,
  assertSupportedDate,
} from './public-holidays.js';
export { isWorkingDay, addWorkingDays, workingDaysBetween, nextWorkingDayOnOrAfter } from './working-days.js';
