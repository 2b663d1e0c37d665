import type { Translate } from '../../../i18n/i18n.context';
import { isMessageKey } from '../../../i18n/messages';

/** Vietnamese label of an audit action code; an unknown code is shown as it is. */
export function actionLabel(action: string, t: Translate): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

export const ENTITY_TYPES = ['user', 'unit', 'session', 'mobilisation_team'] as const;

export function entityTypeLabel(type: string, t: Translate): string {
  const key = `audit.entityType.${type}`;
  return isMessageKey(key) ? t(key) : type;
}
