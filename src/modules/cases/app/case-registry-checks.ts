import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.js';
import type { IsoDate } from '../../../kernel/calendar/index.js';
import type { CaseRuleError } from '../domain/case-ledger.js';
import type { CaseEvent, CaseFacts } from '../domain/case-types.js';
import { communeErrors, enforcerErrors, futureDateErrors, holdingOfficeDateErrors, officeChangeErrors, sameDecisionNumber, successorChain, type RegistryEnforcer } from '../domain/case-references.js';
import type { LoadedCase } from '../infra/cases.repository.js';
import type { Actor, UnitRow } from '../../organisation/index.js';
import { ruleError, today, type CasesDeps } from './case-support.js';

/**
 * The registry side of a case write (ARCHITECTURE "Registry rules of a case write"): the queries the pure
 * rules of domain/case-references.ts need, and the duplicate-decision check.
 */

/** Advisory lock class of the duplicate-decision check (the pair (class, key) names the lock). */
const DECISION_LOCK_CLASS = 710_001;

/** Enforcer and commune of a new case, against the registry and the accepting office. */
export async function checkReferences(deps: CasesDeps, facts: Omit<CaseFacts, 'id'>, office: UnitRow, errors: CaseRuleError[]) {
  if (facts.enforcer) errors.push(...enforcerErrors('enforcer', facts.enforcer, await registryEnforcer(deps.db, facts.enforcer), office));
  if (facts.commune) {
    const rows = await deps.db.selectFrom('communes').select(['code', 'office_id as officeId']).where('code', '=', facts.commune).execute();
    const scope = await deps.units.scopeOf(office.id);
    const territory = await deps.db.selectFrom('communes').select('id').where('office_id', 'in', [...scope]).limit(1).executeTakeFirst();
    errors.push(...communeErrors(facts.commune, rows, scope, territory !== undefined, office));
  }
}

/**
 * What the lifecycle table cannot see: the event's date against today and the holding office's validity,
 * the enforcer against the holding office, an office change against the reorganisation's successor chain
 * and the recording user's units (domain/case-references.ts). A payment costs no query here.
 */
export async function checkEventReferences(deps: CasesDeps, tx: Tx, actor: Actor, loaded: LoadedCase, event: CaseEvent) {
  const { byId } = await deps.units.maps();
  const holding = byId.get(loaded.holdingOfficeId)!;
  const errors = [...futureDateErrors([{ field: 'on', date: event.on }], today(deps)), ...holdingOfficeDateErrors(event, holding)];
  if (event.type === 'enforcer_assigned') errors.push(...enforcerErrors('enforcer', event.enforcer, await registryEnforcer(tx, event.enforcer), holding));
  if (event.type === 'office_changed') {
    const to = await deps.units.byCode(event.to);
    errors.push(...officeChangeErrors(holding, to, event.on, successorChain(holding, byId), to !== undefined && actor.scope.has(to.id)));
  }
  if (errors.length) throw ruleError(errors, 'event');
}

/**
 * Cases of the office already accepted for the same enforcement decision (number and date). A
 * transaction-scoped advisory lock on (office, date) makes two simultaneous entries of one decision wait
 * for each other, so the second sees the first.
 */
export async function sameDecision(tx: Tx, officeId: number, decision: { number: string; date: IsoDate }): Promise<string[]> {
  await sql`SELECT pg_advisory_xact_lock(${DECISION_LOCK_CLASS}::int, hashtext(${`${officeId}|${decision.date}`}))`.execute(tx);
  const rows = await tx.selectFrom('cases').select(['id', 'decision_number']).where('office_id', '=', officeId).where('decision_date', '=', decision.date).execute();
  return rows.filter((r) => sameDecisionNumber(r.decision_number, decision.number)).map((r) => r.id);
}

async function registryEnforcer(db: Db | Tx, code: string): Promise<RegistryEnforcer | undefined> {
  const e = await db.selectFrom('enforcers').select(['code', 'unit_id', 'active']).where('code', '=', code).executeTakeFirst();
  return e ? { code: e.code, unitId: e.unit_id, active: e.active } : undefined;
}
