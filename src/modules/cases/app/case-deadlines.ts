import { sql } from 'kysely';
import { addCalendarDays, weekdayOf } from '../../../kernel/calendar/index.js';
import { STATUS_VI } from '../domain/case-ledger.js';
import type { CaseState } from '../domain/case-types.js';
import { stepTitles } from '../domain/deadlines.js';
import type { Actor } from '../../organisation/index.js';
import { today as todayOf, type CasesDeps } from './case-support.js';

/** Overdue and due-this-week steps, for an enforcer ("Việc của tôi") or the whole office. */
export async function deadlineQueue(deps: CasesDeps, actor: Actor, opts: { mine: boolean; enforcer?: string | undefined }) {
  const today = todayOf(deps);
  const weekday = weekdayOf(today); // 1 = Monday … 7 = Sunday
  const sunday = addCalendarDays(today, 7 - weekday);
  let enforcer = opts.enforcer;
  if (opts.mine) {
    const me = await deps.db.selectFrom('users as u').leftJoin('enforcers as e', 'e.id', 'u.enforcer_id').select('e.code').where('u.id', '=', actor.userId).executeTakeFirst();
    enforcer = me?.code ?? '\u0000none';
  }
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
