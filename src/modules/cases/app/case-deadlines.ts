import { sql } from 'kysely';
import { addCalendarDays, weekdayOf } from '../../../kernel/calendar/index.js';
import { STATUS_VI } from '../domain/case-ledger.js';
import type { CaseState } from '../domain/case-types.js';
import { HEAD_DECISION_STEPS, stepTitles, type StepCode } from '../domain/deadlines.js';
import type { Actor } from '../../organisation/index.js';
import { today as todayOf, type CasesDeps } from './case-support.js';

/** Overdue and due-this-week steps, for an enforcer ("Việc của tôi") or the whole office. */
export async function deadlineQueue(deps: CasesDeps, actor: Actor, opts: { mine: boolean; enforcer?: string | undefined }) {
  const today = todayOf(deps);
  const weekday = weekdayOf(today); // 1 = Monday … 7 = Sunday
  const sunday = addCalendarDays(today, 7 - weekday);
  const enforcer = opts.mine ? await ownEnforcerCode(deps, actor) : opts.enforcer;
  let q = deps.db
    .selectFrom('cases as c')
    .leftJoin('enforcers as e', 'e.code', 'c.enforcer_code')
    .where('c.holding_office_id', 'in', [...actor.activeScope])
    .where('c.next_due', 'is not', null)
    .where('c.next_due', '<=', sunday);
  if (enforcer) q = q.where('c.enforcer_code', '=', enforcer);
  const rows = await q
    .select([
      'c.id', 'c.decision_number', 'c.status', 'c.next_step', 'c.next_due', 'c.enforcer_code', 'e.name as enforcer_name', 'c.outstanding',
      sql<string>`(SELECT string_agg(p.name, ', ' ORDER BY p.seq) FROM case_parties p WHERE p.case_id = c.id AND p.role = 'obligor')`.as('obligors'),
    ])
    .orderBy('c.next_due')
    .limit(1000)
    .execute();
  const items = rows.map((r) => ({
    id: r.id, decisionNumber: r.decision_number, status: r.status, statusLabel: STATUS_VI[r.status as CaseState['status']], step: r.next_step,
    ...(stepTitles(r.next_step ?? '') ?? { title_vi: r.next_step, title_en: r.next_step }),
    due: r.next_due!, overdue: r.next_due! < today, enforcer: r.enforcer_code ? { code: r.enforcer_code, name: r.enforcer_name } : null,
    obligors: r.obligors, outstanding: r.outstanding.toString(),
  }));
  return { today, weekEnds: sunday, overdue: items.filter((i) => i.overdue), dueThisWeek: items.filter((i) => !i.overdue) };
}

/**
 * The enforcer code of the signed-in user, or a text no enforcer code can be (the codes are letters, digits
 * and dashes) when the account is not an enforcer's: "mine" then matches no case. Never a NUL character:
 * PostgreSQL refuses it in a text parameter (it answered 500 here).
 */
const NO_ENFORCER = '(không có chấp hành viên)';
async function ownEnforcerCode(deps: CasesDeps, actor: Actor): Promise<string> {
  const me = await deps.db.selectFrom('users as u').leftJoin('enforcers as e', 'e.id', 'u.enforcer_id').select('e.code').where('u.id', '=', actor.userId).executeTakeFirst();
  return me?.code ?? NO_ENFORCER;
}

interface Counts {
  overdue: number;
  dueThisWeek: number;
}

/**
 * The deadline queue counted, without its 1,000-row cap: overdue and due-this-week steps by enforcer and by
 * step (the same cases as `deadlineQueue`), for the signed-in enforcer (`mine`), or the units of `unitCode`
 * in the reader's scope (the working unit when absent). `headDecision` marks the steps awaiting the head.
 */
export async function deadlineSummary(deps: CasesDeps, actor: Actor, opts: { mine: boolean; unitCode?: string | undefined }) {
  const today = todayOf(deps);
  const sunday = addCalendarDays(today, 7 - weekdayOf(today));
  let unitIds = [...actor.activeScope];
  if (opts.unitCode) {
    const u = await deps.units.byCode(opts.unitCode);
    unitIds = u && actor.scope.has(u.id) ? [...(await deps.units.scopeOf(u.id))].filter((id) => actor.scope.has(id)) : [];
  }
  if (unitIds.length === 0) return { today, weekEnds: sunday, total: { overdue: 0, dueThisWeek: 0 }, byEnforcer: [], byStep: [] };
  let q = deps.db
    .selectFrom('cases as c')
    .leftJoin('enforcers as e', 'e.code', 'c.enforcer_code')
    .where('c.holding_office_id', 'in', unitIds)
    .where('c.next_due', 'is not', null)
    .where('c.next_due', '<=', sunday);
  if (opts.mine) q = q.where('c.enforcer_code', '=', await ownEnforcerCode(deps, actor));
  const rows = await q
    .select([
      'c.enforcer_code', 'e.name as enforcer_name', 'c.next_step',
      sql<string>`count(*) FILTER (WHERE c.next_due < ${today})`.as('overdue'),
      sql<string>`count(*) FILTER (WHERE c.next_due >= ${today})`.as('due_this_week'),
    ])
    .groupBy(['c.enforcer_code', 'e.name', 'c.next_step'])
    .execute();
  const total: Counts = { overdue: 0, dueThisWeek: 0 };
  const byEnforcer = new Map<string, { enforcer: { code: string; name: string | null } | null } & Counts>();
  const byStep = new Map<string, Counts>();
  for (const r of rows) {
    const n = { overdue: Number(r.overdue), dueThisWeek: Number(r.due_this_week) };
    add(total, n);
    const key = r.enforcer_code ?? '';
    const e = byEnforcer.get(key) ?? { enforcer: r.enforcer_code ? { code: r.enforcer_code, name: r.enforcer_name } : null, overdue: 0, dueThisWeek: 0 };
    byEnforcer.set(key, add(e, n));
    const step = r.next_step ?? '';
    byStep.set(step, add(byStep.get(step) ?? { overdue: 0, dueThisWeek: 0 }, n));
  }
  return {
    today,
    weekEnds: sunday,
    total,
    byEnforcer: [...byEnforcer.values()].sort((a, b) => b.overdue - a.overdue || b.dueThisWeek - a.dueThisWeek || (a.enforcer?.code ?? '').localeCompare(b.enforcer?.code ?? '')),
    byStep: [...byStep.entries()]
      .map(([step, n]) => ({ step, ...(stepTitles(step) ?? { title_vi: step, title_en: step }), headDecision: HEAD_DECISION_STEPS.includes(step as StepCode), ...n }))
      .sort((a, b) => b.overdue - a.overdue || b.dueThisWeek - a.dueThisWeek || a.step.localeCompare(b.step)),
  };
}

function add<T extends Counts>(into: T, n: Counts): T {
  into.overdue += n.overdue;
  into.dueThisWeek += n.dueThisWeek;
  return into;
}
