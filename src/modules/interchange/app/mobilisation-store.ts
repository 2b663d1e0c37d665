import { sql } from 'kysely';
import type { DbOrTx } from '../../../platform/db/database.js';

/**
 * The mobilisation rows as interchange records, for the export and for the import's comparison with what
 * is already stored. Keys: a team's `external_id`, else `office/commune/valid_from` (with `#2`, `#3`… for
 * teams sharing it, in id order); a member's `external_id`, else `m<seq>`; a campaign's `external_id`, else
 * `unit/decision number/from`. The import derives the keys of stored rows the same way, so a re-import of
 * an export finds every row it came from.
 */
export interface TeamRecordOut {
  type: 'mobilisation_team';
  id: string;
  office: string;
  commune: string;
  name: string;
  decision: { number: string; date: string; signer: string };
  valid_from: string;
  valid_to: string | null;
  members: MemberOut[];
}
export interface MemberOut { key: string; name: string; organisation: string; role: string; phone: string | null; valid_from: string; valid_to: string | null }
export interface VisitOut {
  on: string;
  place: string;
  outcome: string;
  members: string[];
  paid_on_spot: bigint | null;
  notes: string | null;
  instalments: { due: string; amount: bigint }[];
}
export interface AssignmentRecordOut {
  type: 'mobilisation_assignment';
  case: string;
  team: string;
  from: string;
  to: string | null;
  ended_reason: string | null;
  coercion_planned_on: string | null;
  visits: VisitOut[];
}
export interface ParticipantOut { unit?: string; team?: string; enforcer?: string; role: string }
export interface CampaignRecordOut {
  type: 'campaign';
  id: string;
  name: string;
  decision: { number: string; date: string; signer: string };
  decided_by: string;
  unit: string;
  from: string;
  to: string;
  targets: { cases: number | null; money: bigint | null; cases_rate: number | null; money_rate: number | null };
  cases: { case: string; reason: string; note: string | null }[];
  participants: ParticipantOut[];
  status: string;
  closed_at: string | null;
  closing_snapshot: unknown;
}

export interface StoredTeam {
  id: bigint;
  officeId: number;
  record: TeamRecordOut;
  /** Member row id by key. */
  memberIds: Map<string, bigint>;
  /** Highest member seq stored (new members continue after it). */
  maxSeq: number;
}

/** Every stored team with its members (a few thousand rows at most), keyed as the interchange writes them. */
export async function loadStoredTeams(db: DbOrTx, codeOf: (unitId: number) => string): Promise<StoredTeam[]> {
  const teams = await db.selectFrom('mobilisation_teams as t').innerJoin('communes as c', 'c.id', 't.commune_id')
    .select(['t.id', 't.external_id', 't.office_id', 'c.code as commune', 't.name', 't.decision_number', 't.decision_date', 't.decision_signer', 't.valid_from', 't.valid_to'])
    .orderBy('t.id').execute();
  const members = await db.selectFrom('mobilisation_team_members').select(['id', 'team_id', 'seq', 'external_id', 'name', 'organisation', 'role', 'phone', 'valid_from', 'valid_to'])
    .orderBy('team_id').orderBy('seq').execute();
  const membersOf = new Map<bigint, typeof members>();
  for (const m of members) membersOf.set(m.team_id, [...(membersOf.get(m.team_id) ?? []), m]);
  const seen = new Map<string, number>();
  return teams.map((t) => {
    let key = t.external_id;
    if (key === null) {
      const derived = `${codeOf(t.office_id)}/${t.commune}/${t.valid_from}`;
      const n = (seen.get(derived) ?? 0) + 1;
      seen.set(derived, n);
      key = n === 1 ? derived : `${derived}#${n}`;
    }
    const list = membersOf.get(t.id) ?? [];
    const taken = new Set(list.flatMap((m) => (m.external_id === null ? [] : [m.external_id])));
    const memberIds = new Map<string, bigint>();
    const out: MemberOut[] = list.map((m) => {
      let k = m.external_id ?? `m${m.seq}`;
      if (m.external_id === null && taken.has(k)) k = `m${m.seq}#${m.id}`;
      memberIds.set(k, m.id);
      return { key: k, name: m.name, organisation: m.organisation, role: m.role, phone: m.phone, valid_from: m.valid_from, valid_to: m.valid_to };
    });
    return {
      id: t.id, officeId: t.office_id, memberIds, maxSeq: list.reduce((s, m) => Math.max(s, m.seq), 0),
      record: {
        type: 'mobilisation_team', id: key, office: codeOf(t.office_id), commune: t.commune, name: t.name,
        decision: { number: t.decision_number, date: t.decision_date, signer: t.decision_signer }, valid_from: t.valid_from, valid_to: t.valid_to, members: out,
      },
    };
  });
}

export interface StoredAssignment {
  id: bigint;
  teamId: bigint;
  record: AssignmentRecordOut;
}

/**
 * The assignments of the given cases (all when null), each with its visits in date order (then as
 * recorded), the members present by key (in their order in the team) and the promised instalments.
 */
export async function loadStoredAssignments(db: DbOrTx, caseIds: readonly string[] | null, teams: readonly StoredTeam[]): Promise<StoredAssignment[]> {
  if (caseIds !== null && caseIds.length === 0) return [];
  const filter = caseIds === null ? sql<boolean>`true` : sql<boolean>`a.case_id = ANY(${[...caseIds]}::text[])`;
  const rows = await db.selectFrom('mobilisation_assignments as a')
    .select(['a.id', 'a.case_id', 'a.team_id', 'a.from_on', 'a.to_on', 'a.ended_reason', 'a.coercion_planned_on'])
    .where(filter).orderBy('a.case_id').orderBy('a.from_on').orderBy('a.id').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const visits = await db.selectFrom('mobilisation_visits').select(['id', 'assignment_id', 'on', 'place', 'outcome', 'paid_on_spot', 'notes'])
    .where('assignment_id', '=', sql<bigint>`ANY(${ids.map(String)}::bigint[])`).orderBy('assignment_id').orderBy('on').orderBy('id').execute();
  const visitIds = visits.map((v) => String(v.id));
  const [present, instalments] = visitIds.length === 0 ? [[], []] : await Promise.all([
    db.selectFrom('mobilisation_visit_members as vm').innerJoin('mobilisation_team_members as m', 'm.id', 'vm.member_id')
      .select(['vm.visit_id', 'vm.member_id']).where('vm.visit_id', '=', sql<bigint>`ANY(${visitIds}::bigint[])`).orderBy('vm.visit_id').orderBy('m.seq').execute(),
    db.selectFrom('mobilisation_instalments').select(['visit_id', 'due', 'amount']).where('visit_id', '=', sql<bigint>`ANY(${visitIds}::bigint[])`).orderBy('visit_id').orderBy('seq').execute(),
  ]);
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const memberKey = new Map<bigint, string>();
  for (const t of teams) for (const [k, id] of t.memberIds) memberKey.set(id, k);
  const group = <T, K>(list: readonly T[], key: (x: T) => K) => {
    const m = new Map<K, T[]>();
    for (const x of list) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
    return m;
  };
  const presentOf = group(present, (p) => p.visit_id);
  const instalmentsOf = group(instalments, (i) => i.visit_id);
  const visitsOf = group(visits, (v) => v.assignment_id);
  return rows.map((a) => ({
    id: a.id, teamId: a.team_id,
    record: {
      type: 'mobilisation_assignment', case: a.case_id, team: teamById.get(a.team_id)?.record.id ?? String(a.team_id), from: a.from_on, to: a.to_on,
      ended_reason: a.ended_reason, coercion_planned_on: a.coercion_planned_on,
      visits: (visitsOf.get(a.id) ?? []).map((v) => ({
        on: v.on, place: v.place, outcome: v.outcome, members: (presentOf.get(v.id) ?? []).map((p) => memberKey.get(p.member_id) ?? String(p.member_id)),
        paid_on_spot: v.paid_on_spot === null ? null : BigInt(v.paid_on_spot), notes: v.notes,
        instalments: (instalmentsOf.get(v.id) ?? []).map((i) => ({ due: i.due, amount: BigInt(i.amount) })),
      })),
    },
  }));
}

export interface StoredCampaign {
  id: bigint;
  record: CampaignRecordOut;
}

/** Every stored campaign (of the given scope units when not null) with its named cases and participants. */
export async function loadStoredCampaigns(db: DbOrTx, unitIds: readonly number[] | null, codeOf: (unitId: number) => string, teamKeyOf: (teamId: bigint) => string): Promise<StoredCampaign[]> {
  let q = db.selectFrom('campaigns').select([
    'id', 'external_id', 'name', 'decision_number', 'decision_date', 'decision_signer', 'decided_by', 'scope_unit_id', 'from_on', 'to_on',
    'target_cases', 'target_money', 'target_cases_rate', 'target_money_rate', 'status', 'closed_at', 'closing_snapshot',
  ]);
  if (unitIds !== null) q = q.where('scope_unit_id', '=', sql<number>`ANY(${[...unitIds]}::int[])`);
  const rows = await q.orderBy('from_on').orderBy('id').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => String(r.id));
  const [named, participants] = await Promise.all([
    db.selectFrom('campaign_cases').select(['campaign_id', 'case_id', 'reason', 'note']).where('campaign_id', '=', sql<bigint>`ANY(${ids}::bigint[])`).orderBy('campaign_id').orderBy('case_id').execute(),
    db.selectFrom('campaign_participants').select(['campaign_id', 'unit_id', 'team_id', 'enforcer_code', 'role']).where('campaign_id', '=', sql<bigint>`ANY(${ids}::bigint[])`).orderBy('campaign_id').orderBy('id').execute(),
  ]);
  const seen = new Map<string, number>();
  return rows.map((c) => {
    let key = c.external_id;
    if (key === null) {
      const derived = `${codeOf(c.scope_unit_id)}/${c.decision_number}/${c.from_on}`;
      const n = (seen.get(derived) ?? 0) + 1;
      seen.set(derived, n);
      key = n === 1 ? derived : `${derived}#${n}`;
    }
    return {
      id: c.id,
      record: {
        type: 'campaign', id: key, name: c.name, decision: { number: c.decision_number, date: c.decision_date, signer: c.decision_signer }, decided_by: c.decided_by,
        unit: codeOf(c.scope_unit_id), from: c.from_on, to: c.to_on,
        targets: {
          cases: c.target_cases, money: c.target_money === null ? null : BigInt(c.target_money),
          cases_rate: c.target_cases_rate === null ? null : Number(c.target_cases_rate), money_rate: c.target_money_rate === null ? null : Number(c.target_money_rate),
        },
        cases: named.filter((n) => n.campaign_id === c.id).map((n) => ({ case: n.case_id, reason: n.reason, note: n.note })),
        participants: participants.filter((p) => p.campaign_id === c.id).map((p): ParticipantOut => (
          p.unit_id !== null ? { unit: codeOf(p.unit_id), role: p.role } : p.team_id !== null ? { team: teamKeyOf(p.team_id), role: p.role } : { enforcer: p.enforcer_code!, role: p.role })),
        status: c.status, closed_at: c.closed_at === null ? null : new Date(c.closed_at).toISOString(),
        closing_snapshot: c.closing_snapshot === null ? null : mapSnapshotTeams(c.closing_snapshot, (k) => (/^\d+$/.test(k) ? teamKeyOf(BigInt(k)) : k)),
      },
    };
  });
}

/**
 * The frozen figures with the keys of their team leaderboard rows mapped (stored: team row ids; in a file:
 * team keys), everything else as stored.
 */
export function mapSnapshotTeams(snapshot: unknown, map: (key: string) => string): unknown {
  const s = snapshot as { leaderboards?: { team?: { key: string | null }[] } };
  if (!s.leaderboards?.team) return snapshot;
  return { ...s, leaderboards: { ...s.leaderboards, team: s.leaderboards.team.map((r) => ({ ...r, key: r.key === null ? null : map(r.key) })) } };
}

/** A value as canonical text (object keys sorted, bigints as digits): records equal modulo key order compare equal. */
export function canonicalText(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (typeof x === 'bigint') return `${x}n`;
    if (Array.isArray(x)) return x.map(norm);
    if (x !== null && typeof x === 'object') {
      return Object.fromEntries(Object.keys(x).filter((k) => (x as Record<string, unknown>)[k] !== undefined).sort().map((k) => [k, norm((x as Record<string, unknown>)[k])]));
    }
    return x;
  };
  return JSON.stringify(norm(v));
}
