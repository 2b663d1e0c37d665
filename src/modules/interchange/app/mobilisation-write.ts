import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.js';
import type { CampaignPlan } from './campaign-plan.js';
import type { AssignmentPlan, TeamPlan } from './mobilisation-plan.js';
import { mapSnapshotTeams, type MemberOut, type VisitOut } from './mobilisation-store.js';

/**
 * Writes the mobilisation part of an import plan, in the import's transaction, after the units, communes
 * and cases: teams and members (with their interchange keys), then assignments and visits, then campaigns.
 * A few thousand rows at most: plain inserts. Nothing here checks: the plan did.
 */
export async function writeMobilisation(tx: Tx, teams: TeamPlan, assignments: AssignmentPlan, campaigns: CampaignPlan, unitId: (code: string) => number): Promise<void> {
  const teamIds = new Map<string, bigint>();
  const memberIds = new Map<string, Map<string, bigint>>();
  for (const [key, t] of teams.teams) {
    if (t.stored) {
      teamIds.set(key, t.stored.id);
      memberIds.set(key, new Map(t.stored.memberIds));
    }
  }
  for (const t of teams.created) {
    const officeId = unitId(t.office);
    // The commune row the plan chose (valid on the team's first day, of the office's area); one created by this import has no id yet.
    const chosen = teams.communeOf.get(t.id)!;
    const communeId = chosen.id ?? (await tx.selectFrom('communes').select('id').where('code', '=', t.commune).where('office_id', '=', unitId(chosen.office!)).orderBy('id').executeTakeFirstOrThrow()).id;
    const row = await tx.insertInto('mobilisation_teams').values({
      office_id: officeId, commune_id: communeId, name: t.name, decision_number: t.decision.number, decision_date: t.decision.date,
      decision_signer: t.decision.signer, valid_from: t.valid_from, valid_to: t.valid_to, external_id: t.id,
    }).returning('id').executeTakeFirstOrThrow();
    teamIds.set(t.id, row.id);
    memberIds.set(t.id, await insertMembers(tx, row.id, 1, t.members));
  }
  for (const t of teams.closed) await tx.updateTable('mobilisation_teams').set({ valid_to: t.validTo }).where('id', '=', t.id).execute();
  for (const m of teams.membersClosed) await tx.updateTable('mobilisation_team_members').set({ valid_to: m.validTo }).where('id', '=', m.id).execute();
  for (const a of teams.membersAdded) {
    const key = [...teams.teams].find(([, t]) => t.stored?.id === a.teamId)![0];
    for (const [k, id] of await insertMembers(tx, a.teamId, a.fromSeq, a.members)) memberIds.get(key)!.set(k, id);
  }

  const insertVisits = async (assignmentId: bigint, caseId: string, teamKey: string, visits: readonly VisitOut[]) => {
    const members = memberIds.get(teamKey)!;
    for (const v of visits) {
      const row = await tx.insertInto('mobilisation_visits').values({
        assignment_id: assignmentId, case_id: caseId, team_id: teamIds.get(teamKey)!, on: v.on, place: v.place, outcome: v.outcome,
        paid_on_spot: v.paid_on_spot, notes: v.notes, recorded_by: null,
      }).returning('id').executeTakeFirstOrThrow();
      if (v.members.length) await tx.insertInto('mobilisation_visit_members').values(v.members.map((m) => ({ visit_id: row.id, member_id: members.get(m)! }))).execute();
      if (v.instalments.length) {
        await tx.insertInto('mobilisation_instalments').values(v.instalments.map((i, k) => ({ visit_id: row.id, seq: k + 1, due: i.due, amount: i.amount }))).execute();
      }
    }
  };
  // Ends first: a case's stored open assignment ended by the file makes room for the file's new open one.
  for (const a of assignments.ended) await tx.updateTable('mobilisation_assignments').set({ to_on: a.to, ended_reason: a.endedReason }).where('id', '=', a.id).execute();
  for (const a of assignments.created) {
    const row = await tx.insertInto('mobilisation_assignments').values({
      case_id: a.case, team_id: teamIds.get(a.team)!, from_on: a.from, to_on: a.to, ended_reason: a.ended_reason, coercion_planned_on: a.coercion_planned_on, assigned_by: null,
    }).returning('id').executeTakeFirstOrThrow();
    await insertVisits(row.id, a.case, a.team, a.visits);
  }
  for (const a of assignments.visitsAdded) await insertVisits(a.assignmentId, a.caseId, a.teamKey, a.visits);

  const snapshotJson = (s: unknown) => (s === null ? null : JSON.stringify(mapSnapshotTeams(s, (k) => String(teamIds.get(k) ?? k))));
  for (const c of campaigns.created) {
    const row = await tx.insertInto('campaigns').values({
      name: c.name, decision_number: c.decision.number, decision_date: c.decision.date, decision_signer: c.decision.signer, decided_by: c.decided_by,
      scope_unit_id: unitId(c.unit), from_on: c.from, to_on: c.to, target_cases: c.targets.cases, target_money: c.targets.money,
      target_cases_rate: c.targets.cases_rate, target_money_rate: c.targets.money_rate, status: c.status, closed_at: c.closed_at, closed_by: null,
      closing_snapshot: snapshotJson(c.closing_snapshot), created_by: null, external_id: c.id,
    }).returning('id').executeTakeFirstOrThrow();
    if (c.cases.length) {
      await tx.insertInto('campaign_cases').values(c.cases.map((x) => ({ campaign_id: row.id, case_id: x.case, reason: x.reason, note: x.note, added_by: null }))).execute();
    }
    if (c.participants.length) {
      await tx.insertInto('campaign_participants').values(c.participants.map((p) => ({
        campaign_id: row.id, unit_id: p.unit === undefined ? null : unitId(p.unit), team_id: p.team === undefined ? null : teamIds.get(p.team)!,
        enforcer_code: p.enforcer ?? null, role: p.role,
      }))).execute();
    }
  }
  for (const c of campaigns.closed) {
    await tx.updateTable('campaigns').set({ status: 'closed', closed_at: c.record.closed_at!, closing_snapshot: snapshotJson(c.record.closing_snapshot), updated_at: sql`now()` })
      .where('id', '=', c.id).execute();
  }
}

async function insertMembers(tx: Tx, teamId: bigint, fromSeq: number, members: readonly MemberOut[]): Promise<Map<string, bigint>> {
  const out = new Map<string, bigint>();
  if (members.length === 0) return out;
  const rows = await tx.insertInto('mobilisation_team_members').values(members.map((m, i) => ({
    team_id: teamId, seq: fromSeq + i, name: m.name, organisation: m.organisation, role: m.role, phone: m.phone, valid_from: m.valid_from, valid_to: m.valid_to,
    user_id: null, external_id: m.key,
  }))).returning(['id', 'external_id']).execute();
  for (const r of rows) out.set(r.external_id!, r.id);
  return out;
}
