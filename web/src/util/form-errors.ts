import type { FormInstance } from 'antd';
import { fieldIssues } from '../api/client';

/**
 * Puts the per-field messages of an error (VALIDATION_FAILED, PASSWORD_POLICY, a wrong current password)
 * on the form fields they name; form fields are named like the API's. Returns true when every problem
 * found its field; otherwise the caller shows the error as a whole-form message too.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  const known = new Set(Object.keys(form.getFieldsValue() as object));
  const issues = fieldIssues(error);
  const byField = new Map<string, string[]>();
  for (const { field, message } of issues) {
    if (known.has(field)) byField.set(field, [...(byField.get(field) ?? []), message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return issues.length > 0 && issues.every(({ field }) => known.has(field));
}
