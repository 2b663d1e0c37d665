import { type Team, validateAssignment, validateTeam, validateVisit } from '../../mobilisation/domain/index.js';
import { domainFieldToPath, type ImportIssue, type Source } from './issues.js';
import type { MobilisationContext } from './mobilisation-context.js';
import type { AssignmentRecordIn, TeamRecordIn } from './mobilisation-schema.js';
import { type AssignmentRecordOut, canonicalText, type MemberOut, type StoredAssignment, type StoredTeam, type TeamRecordOut, type VisitOut } from './mobilisation-store.js';
import type { Located } from './read-records.js';

/**
 * The teams and assignments of an import, checked with the rules the API applies (mobilisation/domain:
 * validateTeam, validateAssignment, validateVisit) against the file and the database. A record already
 * stored with the same content is skipped; a stored team may only be closed (`valid_to`) or get new
 * members (and a member closed), a stored assignment only be ended or get new visits after its stored
 * ones. Anything else is a problem, and nothing is written.
 */
export interface TeamPlan {
  created: TeamRecordOut[];
  closed: { id: bigint; validTo: string }[];
  membersAdded: { teamId: bigint; fromSeq: number; members: MemberOut[] }[];
  membersClosed: { id: bigint; validTo: string }[];
  /** Stored teams the file changes. */
  changed: number;
  skipped: number;
  /** The registry's commune row of each created team (id null: a commune this import creates, found by its office). */
  communeOf: Map<string, { id: number | null; office: string | null }>;
  /** Every team the file's assignments may name, by key, as it will be. */
  teams: Map<string, { record: TeamRecordOut; stored: StoredTeam | null }>;
}

export interface AssignmentPlan {
  created: AssignmentRecordOut[];
  ended: { id: bigint; to: string; endedReason: string }[];
  /** Stored assignments the file changes. */
  changed: number;
  visitsAdded: { assignmentId: bigint; caseId: string; teamKey: string; visits: VisitOut[] }[];
  skipped: number;
  visitsWritten: number;
}

type At = (field: string, message: string) => void;
const at = (issues: ImportIssue[], src: Source): At => (field, message) => issues.push({ ...src, field, message });

/** A team record as the export writes it (a member's missing start is the team's). */
export function teamOut(r: TeamRecordIn): TeamRecordOut {
  return {
    type: 'mobilisation_team', id: r.id, office: r.office, commune: r.commune, name: r.name, decision: r.decision, valid_from: r.valid_from, valid_to: r.valid_to,
    members: r.members.map((m) => ({ key: m.key, name: m.name, organisation: m.organisation, role: m.role, phone: m.phone, valid_from: m.valid_from ?? r.valid_from, valid_to: m.valid_to })),
  };
}

export function planTeams(items: readonly Located<TeamRecordIn>[], stored: readonly StoredTeam[], ctx: MobilisationContext, issues: ImportIssue[]): TeamPlan {
  const plan: TeamPlan = { created: [], closed: [], membersAdded: [], membersClosed: [], changed: 0, skipped: 0, communeOf: new Map(), teams: new Map() };
  const byKey = new Map(stored.map((t) => [t.record.id, t]));
  for (const t of stored) plan.teams.set(t.record.id, { record: t.record, stored: t });
  const first = new Map<string, Source>();
  for (const { src, rec } of items) {
    const report = at(issues, src);
    const before = first.get(rec.id);
    if (before) {
      report('id', `Tổ vận động "${rec.id}" trùng với tổ ở ${before.file}:${before.line}.`);
      continue;
    }
    first.set(rec.id, src);
    const team = teamOut(rec);
    const problems = issues.length;
    const commune = checkTeam(team, ctx, report);
    const existing = byKey.get(team.id);
    plan.teams.set(team.id, { record: team, stored: existing ?? null });
    if (issues.length > problems) continue;
    if (!existing) {
      plan.created.push(team);
      plan.communeOf.set(team.id, { id: commune?.id ?? null, office: commune?.office ?? null });
    }
    else compareTeam(team, existing, plan, report);
  }
  return plan;
}

function checkTeam(t: TeamRecordOut, ctx: MobilisationContext, report: At): { id: number | null; office: string | null } | undefined {
  const office = ctx.units.get(t.office);
  if (!office) {
    if (!ctx.broken.office.has(t.office)) report('office', `Không có đơn vị mã "${t.office}" trong tệp hay trong cơ sở dữ liệu.`);
    return;
  }
  if (office.level !== 'office') report('office', 'Tổ vận động thuộc một cơ quan thi hành án cấp khu vực/huyện.');
  else if (office.validFrom > t.valid_from || (office.validTo !== null && (t.valid_to === null || t.valid_to > office.validTo))) {
    report('valid_from', `Thời gian hoạt động của tổ phải nằm trong thời gian hoạt động của đơn vị "${t.office}".`);
  }
  if (t.decision.date > t.valid_from) report('decision.date', 'Ngày quyết định thành lập sau ngày tổ bắt đầu hoạt động.');
  // The commune row valid on the team's first day (codes are reused across the 2025 mergers), preferably of the office's area.
  const area = ctx.scopeOf(t.office);
  const rows = (ctx.communes.get(t.commune) ?? []).filter((c) => (c.validFrom === null || c.validFrom <= t.valid_from) && (c.validTo === null || c.validTo >= t.valid_from));
  const row = rows.find((c) => c.office !== null && area.has(c.office)) ?? rows[0];
  if (!ctx.communes.has(t.commune) && !ctx.broken.commune.has(t.commune)) {
    report('commune', `Không có xã/phường mã "${t.commune}" trong tệp hay trong cơ sở dữ liệu.`);
    return;
  }
  const members = t.members.map((m) => ({ id: m.key, name: m.name, organisation: m.organisation as Team['members'][number]['organisation'], role: m.role as Team['members'][number]['role'], validFrom: m.valid_from, validTo: m.valid_to }));
  for (const e of validateTeam(
    { validFrom: t.valid_from, validTo: t.valid_to, members },
    row ? { officeInArea: row.office !== null && area.has(row.office), validFrom: row.validFrom, validTo: row.validTo } : null,
  )) report(domainFieldToPath(e.field), e.message);
  const keys = new Map<string, number>();
  t.members.forEach((m, i) => {
    const k = keys.get(m.key);
    if (k !== undefined) report(`members[${i}].key`, `Mã thành viên "${m.key}" trùng với thành viên thứ ${k + 1} của tổ.`);
    else keys.set(m.key, i);
  });
  // One leader at a time (the API: exactly one leader when the team is formed).
  const leaders = t.members.map((m, i) => ({ m, i })).filter(({ m }) => m.role === 'leader');
  for (const [n, a] of leaders.entries()) {
    const other = leaders.slice(0, n).find(({ m: b }) => a.m.valid_from <= (b.valid_to ?? '9999-12-31') && b.valid_from <= (a.m.valid_to ?? '9999-12-31'));
    if (other) report(`members[${a.i}].role`, `Tổ vận động có đúng một tổ trưởng; "${other.m.name}" cũng là tổ trưởng trong cùng thời gian.`);
  }
  if (leaders.length === 0 && t.members.length > 0) report('members', 'Tổ vận động có đúng một tổ trưởng.');
  return row;
}

const TEAM_FIELDS = ['office', 'commune', 'name', 'decision', 'valid_from'] as const;
const MEMBER_FIELDS = ['name', 'organisation', 'role', 'phone', 'valid_from'] as const;

function compareTeam(t: TeamRecordOut, s: StoredTeam, plan: TeamPlan, report: At) {
  const old = s.record;
  const diffs: string[] = TEAM_FIELDS.filter((k) => canonicalText(t[k]) !== canonicalText(old[k]));
  if (old.valid_to !== null && old.valid_to !== t.valid_to) diffs.push('valid_to');
  const fileMembers = new Map(t.members.map((m) => [m.key, m]));
  const missing = old.members.filter((m) => !fileMembers.has(m.key)).map((m) => m.key);
  const changed = old.members.filter((m) => {
    const f = fileMembers.get(m.key);
    return f && (MEMBER_FIELDS.some((k) => f[k] !== m[k]) || (m.valid_to !== null && m.valid_to !== f.valid_to));
  }).map((m) => m.key);
  if (diffs.length || missing.length || changed.length) {
    const what = [...diffs, ...(missing.length ? [`thiếu thành viên ${missing.join(', ')}`] : []), ...(changed.length ? [`thành viên ${changed.join(', ')} khác`] : [])];
    report('id', `Tổ vận động "${t.id}" đã có trong cơ sở dữ liệu với nội dung khác (${what.join('; ')}); chỉ được bổ sung ngày hết hiệu lực còn trống và thành viên mới.`);
    return;
  }
  let change = false;
  if (old.valid_to === null && t.valid_to !== null) {
    plan.closed.push({ id: s.id, validTo: t.valid_to });
    change = true;
  }
  for (const m of old.members) {
    const f = fileMembers.get(m.key)!;
    if (m.valid_to === null && f.valid_to !== null) {
      plan.membersClosed.push({ id: s.memberIds.get(m.key)!, validTo: f.valid_to });
      change = true;
    }
  }
  const added = t.members.filter((m) => !s.memberIds.has(m.key));
  if (added.length) {
    plan.membersAdded.push({ teamId: s.id, fromSeq: s.maxSeq + 1, members: added });
    change = true;
  }
  if (change) plan.changed++;
  else plan.skipped++;
}

/** A visit record as the export writes it (members in the team's order). */
function visitOut(v: AssignmentRecordIn['visits'][number], order: Map<string, number>): VisitOut {
  const members = [...new Set(v.members)].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || (a < b ? -1 : 1));
  return { on: v.on, place: v.place, outcome: v.outcome, members, paid_on_spot: v.paid_on_spot, notes: v.notes, instalments: v.instalments };
}

/** The domain's field of a visit problem in the format's notation (memberIds.0 → members[0]). */
const visitField = (field: string, i: number) =>
  domainFieldToPath(field.replace(/^memberIds/, 'members').replace(/^paidOnSpot$/, 'paid_on_spot'), `visits[${i}]`);

const assignmentKey = (a: { case: string; team: string; from: string }) => `${a.case}|${a.team}|${a.from}`;

export function planAssignments(items: readonly Located<AssignmentRecordIn>[], stored: readonly StoredAssignment[], teams: TeamPlan, ctx: MobilisationContext, issues: ImportIssue[]): AssignmentPlan {
  const plan: AssignmentPlan = { created: [], ended: [], changed: 0, visitsAdded: [], skipped: 0, visitsWritten: 0 };
  const storedByKey = new Map(stored.map((a) => [assignmentKey(a.record), a]));
  const first = new Map<string, Source>();
  const unique = items.filter(({ src, rec }) => {
    const k = assignmentKey(rec);
    const before = first.get(k);
    if (before) issues.push({ ...src, field: 'from', message: `Việc "${rec.case}" đã được giao cho tổ "${rec.team}" từ ngày này ở ${before.file}:${before.line}.` });
    else first.set(k, src);
    return !before;
  });
  // One open assignment per case: the file's open ones and the stored open ones the file does not name.
  const openOf = new Map<string, { from: string; to: string | null }[]>();
  const addOpen = (caseId: string, a: { from: string; to: string | null }) => openOf.set(caseId, [...(openOf.get(caseId) ?? []), a]);
  for (const a of stored) if (a.record.to === null && !first.has(assignmentKey(a.record))) addOpen(a.record.case, a.record);
  for (const { rec } of unique) if (rec.to === null) addOpen(rec.case, rec);

  for (const { src, rec } of unique) {
    const report = at(issues, src);
    const problems = issues.length;
    const team = teams.teams.get(rec.team);
    const c = ctx.cases.get(rec.case);
    if (!c && !ctx.broken.case.has(rec.case)) report('case', `Không có việc "${rec.case}" trong tệp hay trong cơ sở dữ liệu.`);
    if (!team) {
      if (!ctx.broken.team.has(rec.team)) report('team', `Không có tổ vận động "${rec.team}" trong tệp hay trong cơ sở dữ liệu.`);
      continue;
    }
    const t = team.record;
    if (c) {
      const inArea = ctx.scopeOf(c.holding).has(t.office) || ctx.scopeOf(c.office).has(t.office);
      if (!inArea) report('team', `Tổ vận động "${t.id}" không thuộc cơ quan đang thi hành việc "${rec.case}".`);
      if (rec.from < c.acceptedOn) report('from', 'Ngày giao trước ngày thụ lý việc.');
    }
    if (rec.from > ctx.today) report('from', 'Ngày giao không được sau ngày hôm nay.');
    if (rec.to !== null && rec.to > ctx.today) report('to', 'Ngày kết thúc giao không được sau ngày hôm nay.');
    const domainTeam: Team = {
      id: t.id, office: t.office, commune: t.commune, validFrom: t.valid_from, validTo: t.valid_to,
      members: t.members.map((m) => ({ id: m.key, name: m.name, organisation: m.organisation as Team['members'][number]['organisation'], role: m.role as Team['members'][number]['role'], validFrom: m.valid_from, validTo: m.valid_to })),
    };
    const others = rec.to === null ? (openOf.get(rec.case) ?? []).filter((o) => o !== rec).map((o) => ({ id: '', caseId: rec.case, teamId: '', from: o.from, to: o.to })) : [];
    for (const e of validateAssignment(rec.from, domainTeam, others)) report(e.field === 'caseId' ? 'case' : e.field === 'teamId' ? 'team' : e.field, e.message);
    rec.visits.forEach((v, i) => {
      if (i > 0 && v.on < rec.visits[i - 1]!.on) report(`visits[${i}].on`, 'Các lượt vận động phải theo thứ tự ngày.');
      const visit = { teamId: t.id, caseId: rec.case, on: v.on, place: v.place, outcome: v.outcome, memberIds: v.members, instalments: v.instalments, paidOnSpot: v.paid_on_spot };
      for (const e of validateVisit(visit, domainTeam, { id: '', caseId: rec.case, teamId: t.id, from: rec.from, to: rec.to }, ctx.today)) report(visitField(e.field, i), e.message);
    });
    if (issues.length > problems) continue;
    const order = new Map(t.members.map((m, i) => [m.key, i]));
    const out: AssignmentRecordOut = {
      type: 'mobilisation_assignment', case: rec.case, team: rec.team, from: rec.from, to: rec.to, ended_reason: rec.ended_reason,
      coercion_planned_on: rec.coercion_planned_on, visits: rec.visits.map((v) => visitOut(v, order)),
    };
    const existing = storedByKey.get(assignmentKey(rec));
    if (!existing) {
      plan.created.push(out);
      plan.visitsWritten += out.visits.length;
    } else compareAssignment(out, existing, plan, report);
  }
  return plan;
}

function compareAssignment(a: AssignmentRecordOut, s: StoredAssignment, plan: AssignmentPlan, report: At) {
  const old = s.record;
  if (old.coercion_planned_on !== a.coercion_planned_on || (old.to !== null && (old.to !== a.to || old.ended_reason !== a.ended_reason))) {
    report('from', `Việc "${a.case}" đã được giao cho tổ "${a.team}" từ ngày ${a.from} trong cơ sở dữ liệu với nội dung khác; chỉ được bổ sung ngày kết thúc còn trống và lượt vận động mới.`);
    return;
  }
  const n = old.visits.length;
  for (let i = 0; i < Math.min(n, a.visits.length); i++) {
    if (canonicalText(old.visits[i]) !== canonicalText(a.visits[i])) {
      report(`visits[${i}]`, `Lượt vận động khác với lượt thứ ${i + 1} đã ghi trong cơ sở dữ liệu (ngày ${old.visits[i]!.on}); chỉ được bổ sung lượt mới vào cuối.`);
      return;
    }
  }
  if (a.visits.length < n) {
    report('visits', `Cơ sở dữ liệu đã có ${n} lượt vận động cho lần giao này, tệp chỉ có ${a.visits.length}; nhập tệp không xóa được lượt vận động.`);
    return;
  }
  let change = false;
  if (old.to === null && a.to !== null) {
    plan.ended.push({ id: s.id, to: a.to, endedReason: a.ended_reason! });
    change = true;
  }
  if (a.visits.length > n) {
    plan.visitsAdded.push({ assignmentId: s.id, caseId: a.case, teamKey: a.team, visits: a.visits.slice(n) });
    plan.visitsWritten += a.visits.length - n;
    change = true;
  }
  if (change) plan.changed++;
  else plan.skipped++;
}
