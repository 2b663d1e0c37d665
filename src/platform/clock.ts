import type { IsoDate } from '../kernel/calendar/index.js';

/** Where the application reads the time: a parameter everywhere, so that tests move it by hand. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

// Built once: constructing an Intl.DateTimeFormat costs more than a whole case read.
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Today in Viet Nam (UTC+7): deadlines, "overdue" and report dates are about the office's calendar day. */
export function todayInVietnam(clock: { now(): Date }): IsoDate {
  return VIETNAM_DAY.format(clock.now());
}
