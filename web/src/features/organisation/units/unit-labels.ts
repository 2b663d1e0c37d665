import type { Translate } from '../../../i18n/i18n.context';
import { isMessageKey } from '../../../i18n/messages';

/** The Vietnamese (or English) name of a unit level; an unknown level is shown as the server sent it. */
export function levelLabel(level: string, t: Translate): string {
  const key = `level.${level}`;
  return isMessageKey(key) ? t(key) : level;
}
