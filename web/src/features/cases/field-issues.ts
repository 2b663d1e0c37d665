import type { FormInstance } from 'antd';
import { fieldIssues, type FieldIssue } from '../../api/client';

export type NamePath = (string | number)[];

/** "obligations.1.amount" → ["obligations", 1, "amount"]; a prefix ("event.") is dropped first. */
export function toNamePath(field: string, prefix = ''): NamePath {
  const rest = prefix && field.startsWith(prefix) ? field.slice(prefix.length) : field;
  return rest.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Sorts the per-field problems of a failed request (VALIDATION_FAILED, CASE_RULE_VIOLATION) into those a
 * form field shows and the rest (shown above the form). `accepts` says whether a name path is a field of
 * the form as it is rendered now.
 */
export function sortIssues(
  issues: FieldIssue[],
  accepts: (path: NamePath) => boolean,
  prefix = '',
): { placed: { name: NamePath; errors: string[] }[]; unplaced: FieldIssue[] } {
  const byName = new Map<string, { name: NamePath; errors: string[] }>();
  const unplaced: FieldIssue[] = [];
  for (const issue of issues) {
    const name = toNamePath(issue.field, prefix);
    if (!accepts(name)) {
      unplaced.push(issue);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byName.set(key, entry);
  }
  return { placed: [...byName.values()], unplaced };
}

/** Puts an error's field problems on the form; returns the ones no field shows. */
export function showIssuesOnForm(
  form: FormInstance,
  error: unknown,
  accepts: (path: NamePath) => boolean,
  prefix = '',
): FieldIssue[] {
  const { placed, unplaced } = sortIssues(fieldIssues(error), accepts, prefix);
  form.setFields(placed);
  return unplaced;
}
