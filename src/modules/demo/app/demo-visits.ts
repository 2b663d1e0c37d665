import { sql } from 'kysely';
import { addCalendarDays, type IsoDate } from '../../../kernel/calendar/index.js';
import type { Db, Tx } from '../../../platform/db/database.js';

// The demo teams' work, read from the demo's own case events so that the mobilisation figures tell the
// source article's story ("các Tổ vận động … góp phần") without touching a single case event: the twelve
// published rates stay exact. A case of a served commune is handed to the commune's team some days before
// its first payment; the team visits (sometimes finding nobody at home first), the obligor agrees to pay
// what they then paid (or pays on the spot), and the payment falls inside the attribution window. Some
// agreements promise more than was paid (broken promises), some cases get only refusals or hardship
// reports. Everything is deterministic (a hash of the case id), so every load gives the same figures.

const VISITS_FROM: IsoDate = '2015-04-01';

interface TeamRow {
  id: bigint;
  communeCode: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  members: { id: bigint; role: string; validFrom: IsoDate; validTo: IsoDate | null }[];
}

interface CaseRow {
  id: string;
  communeCode: string | null;
  acceptedOn: IsoDate;
  events: { type: string; on: IsoDate; amount: bigint | null }[];
}

/** FNV-1a of the case id and a salt: the demo's dice. */
function hash(s: string, salt: number): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const TERMINAL = new Set(['completed', 'terminated', 'transferred_out', 'withdrawn', 'separate_ledger', 'request_returned']);
const PLACES = ['home', 'home', 'commune_office', 'phone'] as const;

interface PlannedVisit {
  on: IsoDate;
  place: string;
  outcome: 'agreed' | 'paid_on_spot' | 'refused' | 'not_home' | 'moved_away' | 'hardship';
  paidOnSpot: bigint | null;
  instalments: { due: IsoDate; amount: bigint }[];
  notes: string;
}

interface PlannedAssignment {
  caseId: string;
  team: TeamRow;
  from: IsoDate;
  to: IsoDate | null;
  endedReason: 'case_closed' | 'by_hand' | null;
  coercionPlannedOn: IsoDate | null;
  visits: PlannedVisit[];
}

const validOn = (x: { validFrom: IsoDate; validTo: IsoDate | null }, d: IsoDate) => x.validFrom <= d && (x.validTo === null || x.validTo >= d);

/** The plan of one case: its assignment and visits, or null when the case gets none. */
export function planCase(c: CaseRow, teamOf: (communeCode: string, on: IsoDate) => TeamRow | undefined, today: IsoDate): PlannedAssignment | null {
  if (!c.communeCode) return null;
  const h = hash(c.id, 1);
  const terminal = c.events.find((e) => TERMINAL.has(e.type)) ?? null;
  const payments = c.events.flatMap((e) =>
    e.type === 'payment' && e.amount !== null && e.on >= VISITS_FROM && e.on <= today && (!terminal || e.on <= terminal.on) ? [{ on: e.on, amount: e.amount }] : []);
  const persuaded = payments.length > 0 && h % 100 < 55;
  const refusing = !persuaded && !terminal && h % 100 >= 90;
  if (!persuaded && !refusing) return null;
  const first = persuaded ? payments[0]!.on : addCalendarDays(maxDate(c.acceptedOn, VISITS_FROM), 20 + (h % 200));
  if (first > today) return null;
  const team = teamOf(c.communeCode, first);
  if (!team) return null;
  const from = maxDate(maxDate(c.acceptedOn, team.validFrom), addCalendarDays(first, -(8 + (h % 45))));
  if (from > first) return null;
  // The assignment ends with the case (completion or any other end) or when the team's term ends.
  let to: IsoDate | null = null;
  let endedReason: PlannedAssignment['endedReason'] = null;
  if (terminal && (team.validTo === null || terminal.on <= team.validTo)) {
    to = terminal.on;
    endedReason = 'case_closed';
  } else if (team.validTo !== null && team.validTo < today) {
    to = team.validTo;
    endedReason = 'by_hand';
  }
  const last = to ?? today;
  const visits: PlannedVisit[] = [];
  let cursor = from;
  if (h % 3 === 0) {
    const on = addCalendarDays(from, 1 + (h % 4));
    if (on < first && on <= last) {
      visits.push({ on, place: 'home', outcome: 'not_home', paidOnSpot: null, instalments: [], notes: 'Đến nhà, người phải thi hành án đi làm ăn xa, gặp người nhà, hẹn lần sau.' });
      cursor = addCalendarDays(on, 1);
    }
  }
  if (persuaded) {
    for (const [k, p] of payments.slice(0, 3).entries()) {
      if (p.on > last || p.on < cursor) break;
      const hk = hash(c.id, 10 + k);
      if (hk % 4 === 0) {
        visits.push({ on: p.on, place: 'home', outcome: 'paid_on_spot', paidOnSpot: p.amount, instalments: [], notes: 'Người phải thi hành án nộp tiền ngay tại buổi vận động; tổ lập biên bản, chấp hành viên thu tiền.' });
        cursor = addCalendarDays(p.on, 1);
        continue;
      }
      const on = maxDate(cursor, addCalendarDays(p.on, -(hk % 25)));
      // One agreement in eight promises more than was then paid: a broken promise in the figures.
      const promised = hk % 8 === 1 ? p.amount * 2n : p.amount;
      visits.push({
        on, place: PLACES[hk % PLACES.length]!, outcome: 'agreed', paidOnSpot: null,
        instalments: [{ due: maxDate(on, p.on), amount: promised }],
        notes: 'Tổ giải thích quy định về thi hành án, người phải thi hành án đồng ý tự nguyện nộp tiền theo thời hạn đã hẹn.',
      });
      cursor = addCalendarDays(maxDate(on, p.on), 1);
    }
  } else {
    const outcomes = ['refused', 'hardship', 'moved_away', 'refused'] as const;
    const outcome = outcomes[h % outcomes.length]!;
    const notes = {
      refused: 'Người phải thi hành án không hợp tác, không đồng ý thi hành; tổ báo chấp hành viên xem xét biện pháp cưỡng chế.',
      hardship: 'Gia đình khó khăn, không có tài sản, thu nhập; tổ đề nghị chấp hành viên xác minh lại điều kiện thi hành án.',
      moved_away: 'Người phải thi hành án đã chuyển khỏi địa phương, không rõ nơi ở mới.',
    }[outcome];
    if (first <= last) visits.push({ on: first, place: 'home', outcome, paidOnSpot: null, instalments: [], notes });
  }
  if (visits.length === 0) return null;
  return { caseId: c.id, team, from, to, endedReason, coercionPlannedOn: h % 11 === 0 ? from : null, visits };
}

async function loadTeams(db: Db | Tx, officeIds: number[]): Promise<TeamRow[]> {
  const teams = await db
    .selectFrom('mobilisation_teams as t')
    .innerJoin('communes as c', 'c.id', 't.commune_id')
    .select(['t.id', 'c.code', 't.valid_from', 't.valid_to'])
    .where('t.office_id', 'in', officeIds)
    .orderBy('t.id')
    .execute();
  const members = await db.selectFrom('mobilisation_team_members').select(['id', 'team_id', 'role', 'valid_from', 'valid_to']).where('team_id', 'in', teams.length ? teams.map((t) => t.id) : [0n]).orderBy('seq').execute();
  return teams.map((t) => ({
    id: t.id, communeCode: t.code, validFrom: t.valid_from, validTo: t.valid_to,
    members: members.filter((m) => m.team_id === t.id).map((m) => ({ id: m.id, role: m.role, validFrom: m.valid_from, validTo: m.valid_to })),
  }));
}

/**
 * Loads the demo teams' assignments and visits from the demo cases of `offices` (the demo loader calls it
 * after the import). A case of a former commune (before the 2025 merger) is matched to the re-formed team
 * of its successor commune after 01/07/2025. Returns what it wrote.
 */
export async function loadDemoVisits(db: Db, offices: readonly string[], today: IsoDate): Promise<{ assignments: number; visits: number; instalments: number }> {
  const units = await db.selectFrom('units').select(['id', 'code']).where('code', 'in', [...offices]).execute();
  const officeIds = units.map((u) => u.id);
  const teams = await loadTeams(db, officeIds);
  const successions = await db
    .selectFrom('commune_successions as s')
    .innerJoin('communes as f', 'f.id', 's.former_id')
    .innerJoin('communes as n', 'n.id', 's.successor_id')
    .select(['f.code as former', 'n.code as successor'])
    .execute();
  const successorOf = new Map(successions.map((s) => [s.former, s.successor]));
  const teamOf = (code: string, on: IsoDate) =>
    teams.find((t) => t.communeCode === code && validOn(t, on)) ?? teams.find((t) => t.communeCode === successorOf.get(code) && validOn(t, on));

  const caseRows = await db.selectFrom('cases').select(['id', 'commune_code', 'accepted_on']).where('office_id', 'in', officeIds).orderBy('id').execute();
  // Effective events only (a reversed one and the reversal itself never happened for the figures).
  const events = await sql<{ case_id: string; type: string; on: IsoDate; amount: string | null }>`
    SELECT e.case_id, e.type, e."on"::text AS "on", e.data->>'amount' AS amount
    FROM case_events e JOIN cases c ON c.id = e.case_id
    WHERE c.office_id = ANY(${officeIds}::int[]) AND e.type <> 'reversal'
      AND NOT EXISTS (SELECT 1 FROM case_events x WHERE x.case_id = e.case_id AND x.type = 'reversal' AND x.reverses_seq = e.seq)
    ORDER BY e.case_id, e."on", e.seq`.execute(db);
  const byCase = new Map<string, CaseRow['events']>();
  for (const e of events.rows) {
    let list = byCase.get(e.case_id);
    if (!list) byCase.set(e.case_id, (list = []));
    list.push({ type: e.type, on: e.on, amount: e.amount === null ? null : BigInt(e.amount) });
  }
  const plans = caseRows
    .map((c) => planCase({ id: c.id, communeCode: c.commune_code, acceptedOn: c.accepted_on, events: byCase.get(c.id) ?? [] }, teamOf, today))
    .filter((p): p is PlannedAssignment => p !== null);

  let visitsWritten = 0;
  let instalmentsWritten = 0;
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < plans.length; i += 500) {
      const chunk = plans.slice(i, i + 500);
      const ids = await tx
        .insertInto('mobilisation_assignments')
        .values(chunk.map((p) => ({ case_id: p.caseId, team_id: p.team.id, from_on: p.from, to_on: p.to, ended_reason: p.endedReason, coercion_planned_on: p.coercionPlannedOn })))
        .returning('id')
        .execute();
      const visitRows = chunk.flatMap((p, k) => p.visits.map((v) => ({ p, v, assignmentId: ids[k]!.id })));
      const visitIds = await tx
        .insertInto('mobilisation_visits')
        .values(visitRows.map(({ p, v, assignmentId }) => ({
          assignment_id: assignmentId, case_id: p.caseId, team_id: p.team.id, on: v.on, place: v.place, outcome: v.outcome, paid_on_spot: v.paidOnSpot, notes: v.notes,
        })))
        .returning('id')
        .execute();
      const members: { visit_id: bigint; member_id: bigint }[] = [];
      const instalments: { visit_id: bigint; seq: number; due: IsoDate; amount: bigint }[] = [];
      visitRows.forEach(({ p, v }, k) => {
        const present = p.team.members.filter((m) => validOn(m, v.on));
        const leader = present.find((m) => m.role === 'leader') ?? present[0];
        const other = present.filter((m) => m !== leader)[hash(`${p.caseId}|${v.on}`, 3) % Math.max(1, present.length - 1)];
        for (const m of [leader, other]) if (m) members.push({ visit_id: visitIds[k]!.id, member_id: m.id });
        v.instalments.forEach((inst, s) => instalments.push({ visit_id: visitIds[k]!.id, seq: s + 1, due: inst.due, amount: inst.amount }));
      });
      if (members.length) await tx.insertInto('mobilisation_visit_members').values(members).execute();
      if (instalments.length) await tx.insertInto('mobilisation_instalments').values(instalments).execute();
      visitsWritten += visitRows.length;
      instalmentsWritten += instalments.length;
    }
  });
  return { assignments: plans.length, visits: visitsWritten, instalments: instalmentsWritten };
}
