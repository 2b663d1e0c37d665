import type { IsoDate } from '../../../kernel/calendar/index.js';

/** Law 106/2025/QH15 on civil judgment enforcement applies to events dated from 01/07/2026. */
export const LAW_106_IN_FORCE: IsoDate = '2026-07-01';

export type LawRegime = 'law_2008' | 'law_106_2025';

/** The law governing an event: Law 26/2008 (as amended) before 01/07/2026, Law 106/2025/QH15 from then. */
export function lawRegimeOn(date: IsoDate): LawRegime {
  return date < LAW_106_IN_FORCE ? 'law_2008' : 'law_106_2025';
}
