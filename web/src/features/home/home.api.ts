// The home page's own read: the deadline queue counted (src/modules/cases: GET /api/deadlines/summary). The
// other figures come from the endpoints of their modules (cases, statistics, mobilisation).
import { api } from '../../api/client';
import type { CodeName, StepCode } from '../cases/cases.api';

export interface DeadlineCounts {
  overdue: number;
  dueThisWeek: number;
}

export interface DeadlineSummary {
  today: string;
  weekEnds: string;
  total: DeadlineCounts;
  byEnforcer: (DeadlineCounts & { enforcer: CodeName | null })[];
  /** `headDecision`: a step the head of office decides (assignment, no means, postponement). */
  byStep: (DeadlineCounts & { step: StepCode; title_vi: string; title_en: string; headDecision: boolean })[];
}

/** `mine`: the signed-in enforcer's steps; otherwise the working unit's. */
export function getDeadlineSummary(options: { mine: boolean }): Promise<DeadlineSummary> {
  return api.get<DeadlineSummary>('/api/deadlines/summary', { query: { mine: options.mine ? 'true' : undefined } });
}
