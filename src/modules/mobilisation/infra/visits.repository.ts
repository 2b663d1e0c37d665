import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../../platform/db/database.js';
import type { Assignment, Instalment, MemberOrganisation, Team, TeamRole, Visit, VisitOutcome, VisitPlace } from '../domain/index.js';

/** A team with every member it ever had (validity decides who could visit on a day). */
export async function teamById(db: DbOrTx, id: string): Promise<(Team & { officeId: number; name: string; communeName: string }) | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const t = await db
    .selectFrom('mobilisation_teams as t')
    .innerJoin('communes as c', 'c.id', 't.commune_id')
    .select(['t.id', 't.office_id', 't.name', 'c.code as commune', 'c.name as commune_name', 't.valid_from', 't.valid_to'])
    .where('t.id', '=', BigInt(id))
    .executeTakeFirst();
  if (!t) return undefined;
  const members = await db.selectFrom('mobilisation_team_members').selectAll().where('team_id', '=', t.id).orderBy('seq').execute();
  return {
    id: t.id.toString(), office: String(t.office_id), officeId: t.office_id, name: t.name, commune: t.commune, communeName: t.commune_name,
    validFrom: t.valid_from, validTo: t.valid_to,
    members: members.map((m) => ({
      id: m.id.toString(), name: m.name, organisation: m.organisation as MemberOrganisation, role: m.role as TeamRole, validFrom: m.valid_from, validTo: m.valid_to,
    })),
  };
}

/** The teams a user belongs to today (a member row linked to the account and valid that day). */
export async function teamsOfUser(db: DbOrTx, userId: number, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('mobilisation_team_members')
    .select('team_id')
    .where('user_id', '=', userId)
    .where('valid_from', '<=', today)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
    .execute();
  return [...new Set(rows.map((r) => r.team_id.toString()))];
}

export async function assignmentsOfCase(db: DbOrTx, caseId: string): Promise<(Assignment & { coercionPlannedOn: string | null; endedReason: string | null })[]> {
  const rows = await db.selectFrom('mobilisation_assignments').selectAll().where('case_id', '=', caseId).orderBy('from_on').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id.toString(), caseId: r.case_id, teamId: r.team_id.toString(), from: r.from_on, to: r.to_on, coercionPlannedOn: r.coercion_planned_on, endedReason: r.ended_reason,
  }));
}

/** Locks the case's assignments for a write (two hands assigning the same case at once: one wins). */
export async function lockAssignmentsOfCase(tx: Tx, caseId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`mobilisation-assignment:${caseId}`}, 0))`.execute(tx);
}

export async function insertAssignment(tx: Tx, a: { caseId: string; teamId: string; from: string; coercionPlannedOn: string | null; assignedBy: number }): Promise<string> {
  const row = await tx
    .insertInto('mobilisation_assignments')
    .values({ case_id: a.caseId, team_id: BigInt(a.teamId), from_on: a.from, coercion_planned_on: a.coercionPlannedOn, assigned_by: a.assignedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id.toString();
}

export async function endAssignment(tx: Tx, id: string, on: string, reason: 'case_closed' | 'by_hand'): Promise<void> {
  await tx.updateTable('mobilisation_assignments').set({ to_on: on, ended_reason: reason }).where('id', '=', BigInt(id)).where('to_on', 'is', null).execute();
}

/** Every visit of the cases, oldest first per case, with the members present and the promised instalments (three queries). */
export async function visitsOfCases(db: DbOrTx, caseIds: readonly string[]): Promise<Map<string, (Visit & { notes: string | null })[]>> {
  const out = new Map<string, (Visit & { notes: string | null })[]>();
  if (caseIds.length === 0) return out;
  const visits = await db.selectFrom('mobilisation_visits').selectAll().where('case_id', 'in', [...new Set(caseIds)]).orderBy('case_id').orderBy('on').orderBy('id').execute();
  if (visits.length === 0) return out;
  const ids = visits.map((v) => v.id);
  const [members, instalments] = await Promise.all([
    db.selectFrom('mobilisation_visit_members').selectAll().where('visit_id', 'in', ids).execute(),
    db.selectFrom('mobilisation_instalments').selectAll().where('visit_id', 'in', ids).orderBy('seq').execute(),
  ]);
  const group = <T>(rows: readonly T[], key: (r: T) => bigint) => {
    const m = new Map<bigint, T[]>();
    for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return m;
  };
  const membersOf = group(members, (m) => m.visit_id);
  const instalmentsOf = group(instalments, (i) => i.visit_id);
  for (const v of visits) {
    const list = out.get(v.case_id) ?? [];
    list.push({
      id: v.id.toString(), teamId: v.team_id.toString(), caseId: v.case_id, on: v.on, place: v.place as VisitPlace, outcome: v.outcome as VisitOutcome,
      memberIds: (membersOf.get(v.id) ?? []).map((m) => m.member_id.toString()),
      instalments: (instalmentsOf.get(v.id) ?? []).map((i): Instalment => ({ due: i.due, amount: i.amount })),
      paidOnSpot: v.paid_on_spot, notes: v.notes,
    });
    out.set(v.case_id, list);
  }
  return out;
}

export async function insertVisit(tx: Tx, assignmentId: string, v: Omit<Visit, 'id'> & { notes: string | null; recordedBy: number }): Promise<string> {
  const row = await tx
    .insertInto('mobilisation_visits')
    .values({
      assignment_id: BigInt(assignmentId), case_id: v.caseId, team_id: BigInt(v.teamId), on: v.on, place: v.place, outcome: v.outcome,
      paid_on_spot: v.paidOnSpot, notes: v.notes, recorded_by: v.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('mobilisation_visit_members').values(v.memberIds.map((m) => ({ visit_id: row.id, member_id: BigInt(m) }))).execute();
  if (v.instalments.length > 0) {
    await tx.insertInto('mobilisation_instalments').values(v.instalments.map((i, k) => ({ visit_id: row.id, seq: k + 1, due: i.due, amount: i.amount }))).execute();
  }
  return row.id.toString();
}

/** Open assignments of the given teams, or of the teams whose cases are held by the given offices; oldest first. */
export async function openAssignments(db: DbOrTx, teamIds: readonly string[] | null, officeIds: readonly number[] | null, enforcerCode: string | null = null) {
  if ((teamIds && teamIds.length === 0) || (officeIds && officeIds.length === 0)) return [];
  let q = db
    .selectFrom('mobilisation_assignments as a')
    .innerJoin('mobilisation_teams as t', 't.id', 'a.team_id')
    .innerJoin('communes as c', 'c.id', 't.commune_id')
    .innerJoin('cases as k', 'k.id', 'a.case_id')
    .select(['a.id', 'a.case_id', 'a.team_id', 'a.from_on', 't.name as team_name', 'c.name as commune_name'])
    .where('a.to_on', 'is', null);
  if (teamIds) q = q.where('a.team_id', 'in', teamIds.map((x) => BigInt(x)));
  if (officeIds) q = q.where('k.holding_office_id', 'in', [...officeIds]);
  if (enforcerCode !== null) q = q.where('k.enforcer_code', '=', enforcerCode);
  const rows = await q.orderBy('a.from_on').orderBy('a.id').limit(500).execute();
  return rows.map((r) => ({ id: r.id.toString(), caseId: r.case_id, teamId: r.team_id.toString(), from: r.from_on, teamName: r.team_name, communeName: r.commune_name }));
}

/** The enforcer code of a user account (null when the account is not an enforcer's). */
export async function enforcerCodeOfUser(db: DbOrTx, userId: number): Promise<string | null> {
  const r = await db.selectFrom('users as u').innerJoin('enforcers as e', 'e.id', 'u.enforcer_id').select('e.code').where('u.id', '=', userId).executeTakeFirst();
  return r?.code ?? null;
}
