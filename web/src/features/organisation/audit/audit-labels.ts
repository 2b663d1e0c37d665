import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, AUDIT_GROUPS, type AuditGroup } from '@domain/organisation';
import type { Translate } from '../../../i18n/i18n.context';
import { isMessageKey } from '../../../i18n/messages';

/** The label of an audit action code (src/modules/organisation/domain/audit-labels.ts); an unknown code is shown as it is. */
export function actionLabel(action: string, t: Translate): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

/** The action filter's options: every action by its label, grouped as the catalogue groups them. */
export function actionOptions(t: Translate): { label: string; title: string; options: { value: string; label: string }[] }[] {
  const byGroup = new Map<AuditGroup, { value: string; label: string }[]>();
  for (const [action, { group }] of Object.entries(AUDIT_ACTIONS)) {
    const list = byGroup.get(group) ?? [];
    list.push({ value: action, label: actionLabel(action, t) });
    byGroup.set(group, list);
  }
  return (Object.keys(AUDIT_GROUPS) as AuditGroup[])
    .filter((group) => byGroup.has(group))
    .map((group) => ({ label: t(`audit.group.${group}`), title: t(`audit.group.${group}`), options: byGroup.get(group) ?? [] }));
}

export const ENTITY_TYPES = Object.keys(AUDIT_ENTITY_TYPES);

export function entityTypeLabel(type: string, t: Translate): string {
  const key = `audit.entityType.${type}`;
  return isMessageKey(key) ? t(key) : type;
}

/**
 * How a person names the entity of a row: a case by its number ("Hồ sơ việc TN-KV3-2027-00001"), a setting
 * by what it sets, a numbered record by "#id".
 */
export function entityReference(type: string, id: string, t: Translate): string {
  if (type === 'setting') {
    const key = `audit.setting.${id}`;
    return isMessageKey(key) ? t(key) : id;
  }
  return /^\d+$/.test(id) ? `#${id}` : id;
}
