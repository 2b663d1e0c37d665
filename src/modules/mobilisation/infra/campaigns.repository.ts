import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../../platform/db/database.js';
import {
  readCampaignSnapshot, type AssignmentSpan, type CampaignCaseReason, type CampaignDecider, type CampaignSnapshot, type CampaignStatus,
  type CampaignTargets, campaignSnapshotToJson,
} from '../domain/index.js';

/** The statuses that end a case (cases/domain TERMINAL_STATUSES): a candidate difficult case is still open. */
const TERMINAL = ['completed', 'terminated', 'transferred_out', 'withdrawn', 'separate_ledger', 'request_returned'];

export interface CampaignRecord {
  id: string;
  name: string;
  decision: { number: string; date: string; signer: string };
  decidedBy: CampaignDecider;
  scopeUnitId: number;
  from: string;
  to: string;
  targets: CampaignTargets;
  status: CampaignStatus;
  closedAt: Date | null;
  snapshot: CampaignSnapshot | null;
  createdBy: number | null;
}

export interface NewCampaignRow {
  name: string;
  decision: { number: string; date: string; signer: string };
  decidedBy: CampaignDecider;
  scopeUnitId: number;
  from: string;
  to: string;
  targets: CampaignTargets;
  createdBy: number | null;
}

const rate = (v: string | null) => (v === null ? null : Number(v));

const selectCampaigns = (db: DbOrTx) =>
  db.selectFrom('campaigns').select([
    'id', 'name', 'decision_number', 'decision_date', 'decision_signer', 'decided_by', 'scope_unit_id', 'from_on', 'to_on', 'target_cases',
    'target_money', 'target_cases_rate', 'target_money_rate', 'status', 'closed_at', 'closing_snapshot', 'created_by',
  ]);
type Row = Awaited<ReturnType<ReturnType<typeof selectCampaigns>['execute']>>[number];

const toRecord = (r: Row): CampaignRecord => ({
  id: r.id.toString(), name: r.name, decision: { number: r.decision_number, date: r.decision_date, signer: r.decision_signer },
  decidedBy: r.decided_by as CampaignDecider, scopeUnitId: r.scope_unit_id, from: r.from_on, to: r.to_on,
  targets: { cases: r.target_cases, money: r.target_money === null ? null : BigInt(r.target_money), casesRate: rate(r.target_cases_rate), moneyRate: rate(r.target_money_rate) },
  status: r.status as CampaignStatus, closedAt: r.closed_at, snapshot: r.closing_snapshot === null ? null : readCampaignSnapshot(r.closing_snapshot), createdBy: r.created_by,
});

const targetColumns = (t: CampaignTargets) => ({
  target_cases: t.cases, target_money: t.money === null ? null : t.money.toString(), target_cases_rate: t.casesRate, target_money_rate: t.moneyRate,
});

export async function insertCampaign(tx: DbOrTx, c: NewCampaignRow): Promise<string> {
  const r = await tx.insertInto('campaigns').values({
    name: c.name, decision_number: c.decision.number, decision_date: c.decision.date, decision_signer: c.decision.signer, decided_by: c.decidedBy,
    scope_unit_id: c.scopeUnitId, from_on: c.from, to_on: c.to, ...targetColumns(c.targets), created_by: c.createdBy, closing_snapshot: null,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id.toString();
}

export async function updateCampaign(tx: Tx, id: string, c: Omit<NewCampaignRow, 'scopeUnitId' | 'createdBy'>): Promise<void> {
  await tx.updateTable('campaigns').set({
    name: c.name, decision_number: c.decision.number, decision_date: c.decision.date, decision_signer: c.decision.signer, decided_by: c.decidedBy,
    from_on: c.from, to_on: c.to, ...targetColumns(c.targets), updated_at: sql`now()`,
  }).where('id', '=', BigInt(id)).execute();
}

/** One campaign; `lock` takes its row for the transaction (edits and the close serialise on it). */
export async function campaignById(db: DbOrTx, id: string, lock = false): Promise<CampaignRecord | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  let q = selectCampaigns(db).where('id', '=', BigInt(id));
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

/** The campaigns over any of these units, newest first. */
export async function campaignsOfUnits(db: DbOrTx, unitIds: readonly number[]): Promise<CampaignRecord[]> {
  if (unitIds.length === 0) return [];
  const rows = await selectCampaigns(db).where('scope_unit_id', 'in', [...unitIds]).orderBy('from_on', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toRecord);
}

export async function closeCampaignRow(tx: Tx, id: string, snapshot: CampaignSnapshot, closedBy: number | null, closedAt: Date): Promise<void> {
  await tx.updateTable('campaigns').set({
    status: 'closed', closed_at: closedAt, closed_by: closedBy, closing_snapshot: JSON.stringify(campaignSnapshotToJson(snapshot)), updated_at: sql`now()`,
  }).where('id', '=', BigInt(id)).execute();
}

export interface NamedCaseRecord {
  caseId: string;
  reason: CampaignCaseReason;
  note: string | null;
  decisionNumber: string;
  decisionDate: string;
  acceptedOn: string;
  status: string;
  outstanding: bigint;
  totalAmount: bigint;
  holdingOfficeId: number;
  enforcerCode: string | null;
}

/** The named difficult cases of a campaign with their current state (the case projection). */
export async function namedCasesOf(db: DbOrTx, campaignId: string): Promise<NamedCaseRecord[]> {
  const rows = await db.selectFrom('campaign_cases as cc').innerJoin('cases as c', 'c.id', 'cc.case_id')
    .select(['cc.case_id', 'cc.reason', 'cc.note', 'c.decision_number', 'c.decision_date', 'c.accepted_on', 'c.status', 'c.outstanding', 'c.total_amount', 'c.holding_office_id', 'c.enforcer_code'])
    .where('cc.campaign_id', '=', BigInt(campaignId)).orderBy('c.outstanding', 'desc').orderBy('cc.case_id').execute();
  return rows.map((r) => ({
    caseId: r.case_id, reason: r.reason as CampaignCaseReason, note: r.note, decisionNumber: r.decision_number, decisionDate: r.decision_date,
    acceptedOn: r.accepted_on, status: r.status, outstanding: BigInt(r.outstanding), totalAmount: BigInt(r.total_amount), holdingOfficeId: r.holding_office_id, enforcerCode: r.enforcer_code,
  }));
}

/** Names cases (a case named again gets its new reason and note). */
export async function upsertNamedCases(tx: Tx, campaignId: string, cases: readonly { caseId: string; reason: CampaignCaseReason; note: string | null }[], addedBy: number | null): Promise<void> {
  if (cases.length === 0) return;
  await tx.insertInto('campaign_cases')
    .values(cases.map((c) => ({ campaign_id: BigInt(campaignId), case_id: c.caseId, reason: c.reason, note: c.note, added_by: addedBy })))
    .onConflict((oc) => oc.columns(['campaign_id', 'case_id']).doUpdateSet((eb) => ({ reason: eb.ref('excluded.reason'), note: eb.ref('excluded.note') })))
    .execute();
}

/** The holding office of each of these cases (absent: no such case). */
export async function holdingOffices(db: DbOrTx, caseIds: readonly string[]): Promise<Map<string, number>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db.selectFrom('cases').select(['id', 'holding_office_id']).where('id', 'in', [...caseIds]).execute();
  return new Map(rows.map((r) => [r.id, r.holding_office_id]));
}

export interface ParticipantRecord {
  unitId: number | null;
  teamId: string | null;
  enforcerCode: string | null;
  role: string;
}

export async function participantsOf(db: DbOrTx, campaignId: string): Promise<(ParticipantRecord & { label: string | null })[]> {
  const rows = await db.selectFrom('campaign_participants as p')
    .leftJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('mobilisation_teams as t', 't.id', 'p.team_id')
    .leftJoin('enforcers as e', 'e.code', 'p.enforcer_code')
    .select(['p.unit_id', 'p.team_id', 'p.enforcer_code', 'p.role', 'u.name as unit_name', 't.name as team_name', 'e.name as enforcer_name'])
    .where('p.campaign_id', '=', BigInt(campaignId)).orderBy('p.id').execute();
  return rows.map((r) => ({
    unitId: r.unit_id, teamId: r.team_id === null ? null : r.team_id.toString(), enforcerCode: r.enforcer_code, role: r.role,
    label: r.unit_name ?? r.team_name ?? r.enforcer_name ?? null,
  }));
}

export async function replaceParticipants(tx: Tx, campaignId: string, list: readonly ParticipantRecord[]): Promise<void> {
  await tx.deleteFrom('campaign_participants').where('campaign_id', '=', BigInt(campaignId)).execute();
  if (list.length === 0) return;
  await tx.insertInto('campaign_participants').values(list.map((p) => ({
    campaign_id: BigInt(campaignId), unit_id: p.unitId, team_id: p.teamId === null ? null : BigInt(p.teamId), enforcer_code: p.enforcerCode, role: p.role,
  }))).execute();
}

/** Teams by id with their offices (to check a participant team belongs to the campaign's scope). */
export async function teamsByIds(db: DbOrTx, ids: readonly string[]): Promise<Map<string, { name: string; officeId: number; commune: string }>> {
  const valid = ids.filter((i) => /^\d{1,18}$/.test(i));
  if (valid.length === 0) return new Map();
  const rows = await db.selectFrom('mobilisation_teams as t').innerJoin('communes as c', 'c.id', 't.commune_id')
    .select(['t.id', 't.name', 't.office_id', 'c.name as commune']).where('t.id', 'in', valid.map((i) => BigInt(i))).execute();
  return new Map(rows.map((r) => [r.id.toString(), { name: r.name, officeId: r.office_id, commune: r.commune }]));
}

/** The enforcers with these codes and their units. */
export async function enforcersByCodes(db: DbOrTx, codes: readonly string[]): Promise<Map<string, { name: string; unitId: number }>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('enforcers').select(['code', 'name', 'unit_id']).where('code', 'in', [...codes]).execute();
  return new Map(rows.map((r) => [r.code, { name: r.name, unitId: r.unit_id }]));
}

/** Every assignment of these cases to a team (CAMPAIGN_TEAM_POLICY picks one per case). */
export async function assignmentsOfCases(db: DbOrTx, caseIds: readonly string[]): Promise<Map<string, AssignmentSpan[]>> {
  const out = new Map<string, AssignmentSpan[]>();
  for (let i = 0; i < caseIds.length; i += 5000) {
    const chunk = caseIds.slice(i, i + 5000);
    const rows = await db.selectFrom('mobilisation_assignments').select(['id', 'case_id', 'team_id', 'from_on', 'to_on']).where('case_id', 'in', chunk).execute();
    for (const r of rows) {
      const list = out.get(r.case_id) ?? [];
      list.push({ id: r.id.toString(), teamId: r.team_id.toString(), from: r.from_on, to: r.to_on });
      out.set(r.case_id, list);
    }
  }
  return out;
}

export interface CandidateFilters {
  minOutstanding: bigint | null;
  pendingSinceBefore: string | null;
  coercion: boolean;
  limit: number;
}

/**
 * Candidate difficult cases of a scope: open cases (not at a terminal status) held by its offices, with
 * optional filters (outstanding at least an amount, accepted before a date, coercion decided or planned),
 * largest outstanding first.
 */
export async function candidateCases(db: DbOrTx, offices: readonly number[] | null, f: CandidateFilters) {
  const coercion = sql<boolean>`(EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'coercion_decided'
        AND NOT EXISTS (SELECT 1 FROM case_events r WHERE r.case_id = e.case_id AND r.reverses_seq = e.seq))
     OR EXISTS (SELECT 1 FROM mobilisation_assignments a WHERE a.case_id = c.id AND a.coercion_planned_on IS NOT NULL))`;
  let q = db.selectFrom('cases as c')
    .select(['c.id', 'c.decision_number', 'c.decision_date', 'c.accepted_on', 'c.status', 'c.outstanding', 'c.total_amount', 'c.holding_office_id', 'c.enforcer_code'])
    .select(coercion.as('coercion'))
    .where('c.status', 'not in', TERMINAL);
  if (offices !== null) q = q.where('c.holding_office_id', 'in', offices.length ? [...offices] : [-1]);
  if (f.minOutstanding !== null) q = q.where('c.outstanding', '>=', f.minOutstanding);
  if (f.pendingSinceBefore !== null) q = q.where('c.accepted_on', '<', f.pendingSinceBefore);
  if (f.coercion) q = q.where(coercion);
  const rows = await q.orderBy('c.outstanding', 'desc').orderBy('c.id').limit(f.limit).execute();
  return rows.map((r) => ({
    caseId: r.id, decisionNumber: r.decision_number, decisionDate: r.decision_date, acceptedOn: r.accepted_on, status: r.status,
    outstanding: BigInt(r.outstanding), totalAmount: BigInt(r.total_amount), holdingOfficeId: r.holding_office_id, enforcerCode: r.enforcer_code, coercion: r.coercion,
  }));
}

/**
 * The money a case's episode resolved day by day within [from, to] under the policy's parts of `resolved`
 * (statistics.md §4): payments and valued performances (`completed`), reductions (`reduced`) from the
 * derived flows, the outstanding extinguished by a termination (`terminated`) on its day. The episode is
 * the one the statistics drill-down names (case, episode start).
 */
export async function resolvedMoneyByDay(db: DbOrTx, episodes: readonly { caseId: string; start: string }[], from: string, to: string, parts: readonly string[]) {
  const out: { caseId: string; on: string; amount: bigint }[] = [];
  const kinds = [...(parts.includes('completed') ? ['paid'] : []), ...(parts.includes('reduced') ? ['reduced'] : [])];
  const terminated = parts.includes('terminated');
  for (let i = 0; i < episodes.length; i += 2000) {
    const chunk = episodes.slice(i, i + 2000);
    const rows = await sql<{ case_id: string; on: string; amount: string }>`
      WITH ep AS (
        SELECT e.case_id, e.episode_no, e.end_on, e.end_type, e.outstanding_at_end
        FROM unnest(${chunk.map((c) => c.caseId)}::text[], ${chunk.map((c) => c.start)}::date[]) AS x(case_id, start_on)
        JOIN stat_episodes e ON e.case_id = x.case_id AND e.start_on = x.start_on
      )
      SELECT f.case_id, f."on"::text AS "on", sum(f.amount)::text AS amount
        FROM ep JOIN stat_flows f ON f.case_id = ep.case_id AND f.episode_no = ep.episode_no
       WHERE f."on" BETWEEN ${from}::date AND ${to}::date AND f.kind = ANY(${kinds}::text[])
       GROUP BY f.case_id, f."on"
      UNION ALL
      SELECT ep.case_id, ep.end_on::text, ep.outstanding_at_end::text
        FROM ep
       WHERE ${terminated} AND ep.end_type = 'terminated' AND ep.end_on BETWEEN ${from}::date AND ${to}::date AND ep.outstanding_at_end <> 0`.execute(db);
    for (const r of rows.rows) out.push({ caseId: r.case_id, on: r.on, amount: BigInt(r.amount) });
  }
  return out;
}
