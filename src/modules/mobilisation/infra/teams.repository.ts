import { sql } from 'kysely';
import type { DbOrTx } from '../../../platform/db/database.js';
import type { MemberOrganisation, TeamRole } from '../domain/index.js';

export interface TeamRecord {
  id: string;
  name: string;
  officeId: number;
  commune: { code: string; name: string };
  decision: { number: string; date: string; signer: string };
  validFrom: string;
  validTo: string | null;
  members: MemberRecord[];
}

export interface MemberRecord {
  id: string;
  name: string;
  organisation: MemberOrganisation;
  role: TeamRole;
  phone: string | null;
  validFrom: string;
  validTo: string | null;
  userId: number | null;
}

/**
 * The teams of the given offices valid on `date`, each with the members valid that day, in one round trip
 * (members aggregated as JSON), ordered by commune name as offices list them.
 */
export async function teamsValidOn(db: DbOrTx, officeIds: readonly number[] | null, date: string): Promise<TeamRecord[]> {
  const rows = await sql<{
    id: string; name: string; office_id: number; commune_code: string; commune_name: string; decision_number: string; decision_date: string;
    decision_signer: string; valid_from: string; valid_to: string | null; members: { id: string; name: string; organisation: string; role: string; phone: string | null; valid_from: string; valid_to: string | null; user_id: number | null }[] | null;
  }>`
    SELECT t.id::text AS id, t.name, t.office_id, c.code AS commune_code, c.name AS commune_name, t.decision_number,
           t.decision_date::text AS decision_date, t.decision_signer, t.valid_from::text AS valid_from, t.valid_to::text AS valid_to,
           (SELECT json_agg(json_build_object('id', m.id::text, 'name', m.name, 'organisation', m.organisation, 'role', m.role, 'phone', m.phone,
                     'valid_from', m.valid_from::text, 'valid_to', m.valid_to::text, 'user_id', m.user_id)
                   ORDER BY CASE m.role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, m.seq)
              FROM mobilisation_team_members m
             WHERE m.team_id = t.id AND m.valid_from <= ${date}::date AND (m.valid_to IS NULL OR m.valid_to >= ${date}::date)) AS members
      FROM mobilisation_teams t
      JOIN communes c ON c.id = t.commune_id
     WHERE t.valid_from <= ${date}::date AND (t.valid_to IS NULL OR t.valid_to >= ${date}::date)
       ${officeIds === null ? sql`` : sql`AND t.office_id IN (${sql.join(officeIds.length ? [...officeIds] : [-1])})`}
     ORDER BY c.name COLLATE "C", t.id`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id, name: r.name, officeId: r.office_id, commune: { code: r.commune_code, name: r.commune_name },
    decision: { number: r.decision_number, date: r.decision_date, signer: r.decision_signer },
    validFrom: r.valid_from, validTo: r.valid_to,
    members: (r.members ?? []).map((m) => ({
      id: m.id, name: m.name, organisation: m.organisation as MemberOrganisation, role: m.role as TeamRole, phone: m.phone,
      validFrom: m.valid_from, validTo: m.valid_to, userId: m.user_id,
    })),
  }));
}

/** The registry's commune with this code valid on `date` (codes are reused across the 2025 mergers), with its office. */
export async function communeValidOn(db: DbOrTx, code: string, date: string) {
  return db
    .selectFrom('communes')
    .select(['id', 'code', 'name', 'office_id', 'valid_from', 'valid_to'])
    .where('code', '=', code)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', date)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
    .executeTakeFirst();
}

export interface NewTeamRow {
  officeId: number;
  communeId: number;
  name: string;
  decision: { number: string; date: string; signer: string };
  validFrom: string;
  validTo: string | null;
  members: { name: string; organisation: MemberOrganisation; role: TeamRole; phone: string | null; validFrom: string; validTo: string | null; userId: number | null }[];
}

export async function insertTeam(tx: DbOrTx, t: NewTeamRow): Promise<string> {
  const row = await tx
    .insertInto('mobilisation_teams')
    .values({
      office_id: t.officeId, commune_id: t.communeId, name: t.name, decision_number: t.decision.number, decision_date: t.decision.date,
      decision_signer: t.decision.signer, valid_from: t.validFrom, valid_to: t.validTo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (t.members.length > 0) {
    await tx
      .insertInto('mobilisation_team_members')
      .values(t.members.map((m, i) => ({
        team_id: row.id, seq: i + 1, name: m.name, organisation: m.organisation, role: m.role, phone: m.phone,
        valid_from: m.validFrom, valid_to: m.validTo, user_id: m.userId,
      })))
      .execute();
  }
  return row.id.toString();
}
