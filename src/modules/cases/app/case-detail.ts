import { AppError } from '../../../kernel/errors.js';
import { allowedEvents } from '../domain/allowed-events.js';
import { EVENT_VI, outstandingOf, STATUS_VI, totalOutstanding } from '../domain/case-ledger.js';
import type { CaseEvent, CaseFacts, CaseState } from '../domain/case-types.js';
import { nextSteps } from '../domain/deadlines.js';
import { canSeePersonalData, maskAddress, maskIdNumber } from '../domain/personal-data.js';
import { effectiveEvents } from '../domain/stored-event.js';
import { appendReadAudit } from '../../../platform/audit/audit-log.js';
import { loadCase } from '../infra/cases.repository.js';
import { readerSees, type Actor, type Reader } from '../../organisation/index.js';
import { officeCodes, today, type CasesDeps } from './case-support.js';

/**
 * Reads of one case. The detail is a use case, not only a presenter: it checks the scope, decides with the
 * named rule who sees personal data (domain/personal-data.ts) and writes the read audit, then whitelists
 * what leaves the server (a new column with personal data does not leak by default).
 */

/** The case as the detail screen shows it; personal data masked unless the role needs it (then logged). */
export async function caseDetail(deps: CasesDeps, actor: Actor, caseId: string) {
  const loaded = await loadCase(deps.db, caseId, { officeCodes: await officeCodes(deps), withNames: true });
  if (!loaded || !actor.scope.has(loaded.holdingOfficeId)) throw new AppError('NOT_FOUND');
  const { facts, state } = loaded;
  const canSeePersonal = canSeePersonalData(actor.permissions);
  if (canSeePersonal) {
    await appendReadAudit(deps.db, actor.ctx, { action: 'case.personal_data_read', entityType: 'case', entityId: caseId, unitId: loaded.holdingOfficeId });
  }
  const events = effectiveEvents(loaded.events);
  const reversed = new Set(loaded.events.filter((e) => e.type === 'reversal').map((e) => e.reversesSeq));
  const [office, holding] = [await deps.units.byId(loaded.officeId), await deps.units.byId(loaded.holdingOfficeId)];
  const enforcer = state.enforcer ? { code: state.enforcer, name: loaded.enforcerName ?? null } : null;
  const commune = loaded.commune ?? (facts.commune ? { code: facts.commune, name: null } : null);
  const obligations = facts.obligations.map((o) => {
    const p = state.progress[o.id]!;
    return {
      id: o.id, kind: o.kind, beneficiary: o.beneficiary, label: o.label,
      amount: o.kind === 'money' ? o.amount.toString() : null,
      value: o.kind === 'non_money' && o.value !== null ? o.value.toString() : null,
      paid: p.paid.toString(), reduced: p.reduced.toString(), performed: p.performed, disbursed: p.disbursed.toString(),
      outstanding: outstandingOf(o, p).toString(),
    };
  });
  const sum = (f: (p: CaseState['progress'][string]) => bigint) => Object.values(state.progress).reduce((s, p) => s + f(p), 0n);
  const total = facts.obligations.reduce((s, o) => s + (o.kind === 'money' ? o.amount : (o.value ?? 0n)), 0n);
  return {
    case: {
      id: facts.id,
      version: loaded.version,
      office: { code: office!.code, name: office!.name },
      holdingOffice: { code: holding!.code, name: holding!.name },
      decision: facts.decision,
      acceptedOn: facts.acceptedOn,
      initiation: facts.initiation,
      category: facts.category,
      judgment: facts.judgment,
      commune,
      enforcer,
      status: state.status,
      statusLabel: STATUS_VI[state.status],
      statusSince: state.statusSince,
      episodeStart: state.episodeStart,
      parties: facts.parties.map((p) => ({
        role: p.role, kind: p.kind, name: p.name,
        idNumber: canSeePersonal ? p.idNumber : maskIdNumber(p.idNumber),
        address: canSeePersonal ? p.address : maskAddress(p.address),
      })),
      obligations,
      money: {
        total: total.toString(),
        paid: sum((p) => p.paid).toString(),
        reduced: sum((p) => p.reduced).toString(),
        disbursed: sum((p) => p.disbursed).toString(),
        outstanding: totalOutstanding(facts, state).toString(),
      },
      timeline: [
        ...acceptanceEntries(facts),
        ...loaded.events.map((e) => ({
          seq: e.seq, type: e.type, label: e.type === 'reversal' ? 'Hủy sự kiện (bút toán đảo)' : EVENT_VI[e.type as CaseEvent['type']] ?? e.type,
          on: e.on, data: e.data, reversesSeq: e.reversesSeq, reversed: reversed.has(e.seq), derived: false,
          recordedBy: e.recordedByName, recordedAt: e.recordedAt.toISOString(),
        })),
      ],
      actions: allowedEvents(facts, state, today(deps)),
      deadlines: nextSteps(facts, state, events, today(deps)),
    },
    personalDataMasked: !canSeePersonal,
  };
}

/**
 * The acceptance (thụ lý) and the enforcer assigned with it are facts of the case, not recorded events:
 * the timeline shows them first, marked `derived` (no sequence number, nothing to reverse).
 */
function acceptanceEntries(facts: CaseFacts) {
  const entry = (type: 'accepted' | 'enforcer_assigned', label: string, data: Record<string, unknown>) => ({
    seq: null, type, label, on: facts.acceptedOn, data, reversesSeq: null, reversed: false, derived: true, recordedBy: null, recordedAt: null,
  });
  return [
    entry('accepted', 'Thụ lý', { decision: facts.decision }),
    ...(facts.enforcer ? [entry('enforcer_assigned', EVENT_VI.enforcer_assigned, { enforcer: facts.enforcer })] : []),
  ];
}

/** Every effective event of a case in order, rebuilt from the log (used by export and checks). */
export async function effectiveHistory(deps: CasesDeps, caseId: string) {
  const loaded = await loadCase(deps.db, caseId, { officeCodes: await officeCodes(deps) });
  return loaded ? { facts: loaded.facts, events: effectiveEvents(loaded.events), state: loaded.state, version: loaded.version } : undefined;
}

/** A case as another module reads it (mobilisation, documents): facts, state and effective events, unmasked. */
export interface CaseForModule {
  facts: CaseFacts;
  state: CaseState;
  events: CaseEvent[];
  holdingOfficeId: number;
  enforcerName: string | null;
  outstanding: bigint;
}

/**
 * One case for a use case of another module, which decides itself what of it leaves the server (its own
 * whitelisting presenter). The scope is checked here all the same: a reader who does not see the holding
 * office gets the 404 of a case that does not exist.
 */
export async function caseForModule(deps: CasesDeps, reader: Reader, caseId: string): Promise<CaseForModule> {
  const loaded = await loadCase(deps.db, caseId, { officeCodes: await officeCodes(deps), withNames: true });
  if (!loaded || !readerSees(reader, loaded.holdingOfficeId)) throw new AppError('NOT_FOUND');
  return {
    facts: loaded.facts, state: loaded.state, events: effectiveEvents(loaded.events), holdingOfficeId: loaded.holdingOfficeId,
    enforcerName: loaded.enforcerName ?? null, outstanding: totalOutstanding(loaded.facts, loaded.state),
  };
}
