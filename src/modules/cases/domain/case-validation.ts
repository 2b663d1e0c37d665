import type { CaseRuleError } from './case-ledger.js';
import type { CaseFacts } from './case-types.js';
import { formatDateVi } from '../../../kernel/calendar/index.js';

/**
 * Rules a new case must meet before it is accepted (domain.md §2): at least one obligor and one
 * obligation, unique obligation ids, amounts positive integers of đồng, dates in order
 * (judgment ≤ decision ≤ acceptance is not required by law for acceptance, but the decision must not
 * precede the judgment it enforces).
 */
export function validateNewCase(facts: CaseFacts): CaseRuleError[] {
  const errors: CaseRuleError[] = [];
  const add = (field: string, rule: string, message: string) => errors.push({ field, rule, message });
  if (!facts.parties.some((p) => p.role === 'obligor')) add('parties', 'obligor_required', 'Cần ít nhất một người phải thi hành án.');
  if (facts.obligations.length === 0) add('obligations', 'required', 'Cần ít nhất một khoản phải thi hành.');
  const seen = new Set<string>();
  facts.obligations.forEach((o, i) => {
    if (seen.has(o.id)) add(`obligations.${i}.id`, 'unique', `Mã khoản "${o.id}" bị trùng.`);
    seen.add(o.id);
    if (o.kind === 'money' && o.amount <= 0n) add(`obligations.${i}.amount`, 'positive', 'Số tiền phải là số nguyên dương (đồng).');
    if (o.kind === 'non_money' && o.value !== null && o.value <= 0n) add(`obligations.${i}.value`, 'positive', 'Giá trị phải là số nguyên dương (đồng) hoặc để trống.');
  });
  if (facts.decision.date < facts.judgment.date) {
    add('decision.date', 'after_judgment', `Ngày ra quyết định (${formatDateVi(facts.decision.date)}) trước ngày bản án (${formatDateVi(facts.judgment.date)}).`);
  }
  if (facts.acceptedOn < facts.judgment.date) {
    add('acceptedOn', 'after_judgment', `Ngày thụ lý (${formatDateVi(facts.acceptedOn)}) trước ngày bản án (${formatDateVi(facts.judgment.date)}).`);
  }
  return errors;
}
