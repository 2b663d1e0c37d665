import type { IsoDate } from '../domain/calendar/index.js';

/** Today in Viet Nam (UTC+7): deadlines, "overdue" and report dates are about the office's calendar day. */
export function todayInVietnam(clock: { now(): Date }): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(clock.now());
}
