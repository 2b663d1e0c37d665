import { validateCampaign } from '../../mobilisation/domain/index.js';
import { domainFieldToPath, type ImportIssue, type Source } from './issues.js';
import type { MobilisationContext } from './mobilisation-context.js';
import type { TeamPlan } from './mobilisation-plan.js';
import type { CampaignRecordIn } from './mobilisation-schema.js';
import { type CampaignRecordOut, canonicalText, type ParticipantOut, type StoredCampaign } from './mobilisation-store.js';
import type { Located } from './read-records.js';

/**
 * The campaigns of an import, checked with the API's rules (validateCampaign: ends on or after its start,
 * decided before it starts, targets above zero and rates in (0, 100]; named cases and participants inside
 * its unit's area). A stored campaign with the same content is skipped; a stored open campaign may be
 * closed by the file (with its frozen figures); anything else is a problem.
 */
export interface CampaignPlan {
  created: CampaignRecordOut[];
  closed: { id: bigint; record: CampaignRecordOut }[];
  skipped: number;
}

export function campaignOut(r: CampaignRecordIn): CampaignRecordOut {
  return {
    type: 'campaign', id: r.id, name: r.name, decision: r.decision, decided_by: r.decided_by, unit: r.unit, from: r.from, to: r.to,
    targets: { cases: r.targets.cases, money: r.targets.money, cases_rate: r.targets.cases_rate, money_rate: r.targets.money_rate },
    cases: [...r.cases].sort((a, b) => (a.case < b.case ? -1 : a.case > b.case ? 1 : 0)),
    participants: r.participants.map((p): ParticipantOut => ({
      ...(p.unit !== undefined ? { unit: p.unit } : {}), ...(p.team !== undefined ? { team: p.team } : {}), ...(p.enforcer !== undefined ? { enforcer: p.enforcer } : {}), role: p.role,
    })),
    status: r.status, closed_at: r.closed_at === null ? null : new Date(r.closed_at).toISOString(), closing_snapshot: r.closing_snapshot,
  };
}

export function planCampaigns(items: readonly Located<CampaignRecordIn>[], stored: readonly StoredCampaign[], teams: TeamPlan, ctx: MobilisationContext, issues: ImportIssue[]): CampaignPlan {
  const plan: CampaignPlan = { created: [], closed: [], skipped: 0 };
  const byKey = new Map(stored.map((c) => [c.record.id, c]));
  const first = new Map<string, Source>();
  for (const { src, rec } of items) {
    const report = (field: string, message: string) => issues.push({ ...src, field, message });
    const before = first.get(rec.id);
    if (before) {
      report('id', `Đợt cao điểm "${rec.id}" trùng với đợt ở ${before.file}:${before.line}.`);
      continue;
    }
    first.set(rec.id, src);
    const problems = issues.length;
    const targets = { cases: rec.targets.cases, money: rec.targets.money, casesRate: rec.targets.cases_rate, moneyRate: rec.targets.money_rate };
    for (const e of validateCampaign({ name: rec.name, decision: rec.decision, decidedBy: rec.decided_by, from: rec.from, to: rec.to, targets })) {
      report(domainFieldToPath(e.field), e.message);
    }
    const unit = ctx.units.get(rec.unit);
    if (!unit) {
      if (!ctx.broken.office.has(rec.unit)) report('unit', `Không có đơn vị mã "${rec.unit}" trong tệp hay trong cơ sở dữ liệu.`);
    } else checkScope(rec, teams, ctx, report);
    if (rec.closing_snapshot?.leaderboards.team) {
      rec.closing_snapshot.leaderboards.team.forEach((r, i) => {
        if (r.key !== null && !teams.teams.has(r.key)) report(`closing_snapshot.leaderboards.team[${i}].key`, `Không có tổ vận động "${r.key}" trong tệp hay trong cơ sở dữ liệu.`);
      });
    }
    if (issues.length > problems) continue;
    const out = campaignOut(rec);
    const existing = byKey.get(rec.id);
    if (!existing) plan.created.push(out);
    else {
      const old = existing.record;
      const open = { ...out, status: 'open', closed_at: null, closing_snapshot: null };
      if (canonicalText(old) === canonicalText(out)) plan.skipped++;
      else if (old.status === 'open' && out.status === 'closed' && canonicalText(old) === canonicalText(open)) plan.closed.push({ id: existing.id, record: out });
      else {
        const diff = (Object.keys(out) as (keyof CampaignRecordOut)[]).filter((k) => canonicalText(old[k]) !== canonicalText(out[k]));
        report('id', `Đợt cao điểm "${rec.id}" đã có trong cơ sở dữ liệu với nội dung khác (${diff.join(', ')}); chỉ được kết thúc một đợt đang mở.`);
      }
    }
  }
  return plan;
}

function checkScope(rec: CampaignRecordIn, teams: TeamPlan, ctx: MobilisationContext, report: (field: string, message: string) => void) {
  const area = ctx.scopeOf(rec.unit);
  const named = new Set<string>();
  rec.cases.forEach((x, i) => {
    if (named.has(x.case)) report(`cases[${i}].case`, `Việc ${x.case} đã có trong danh sách việc trọng điểm của đợt.`);
    named.add(x.case);
    const c = ctx.cases.get(x.case);
    if (!c) {
      if (!ctx.broken.case.has(x.case)) report(`cases[${i}].case`, `Không có việc "${x.case}" trong tệp hay trong cơ sở dữ liệu.`);
    } else if (!area.has(c.holding) && !area.has(c.office)) report(`cases[${i}].case`, `Việc ${x.case} không thuộc phạm vi đợt cao điểm.`);
  });
  rec.participants.forEach((p, i) => {
    const field = `participants[${i}]`;
    const given = [p.unit, p.team, p.enforcer].filter((x) => x !== undefined).length;
    if (given !== 1) report(field, 'Mỗi thành phần tham gia là một đơn vị (unit), một tổ vận động (team) hoặc một chấp hành viên (enforcer).');
    else if (p.unit !== undefined) {
      if (!ctx.units.has(p.unit)) report(`${field}.unit`, `Không có đơn vị mã "${p.unit}" trong tệp hay trong cơ sở dữ liệu.`);
      else if (!area.has(p.unit)) report(`${field}.unit`, `Đơn vị "${p.unit}" không thuộc phạm vi đợt cao điểm.`);
    } else if (p.team !== undefined) {
      const t = teams.teams.get(p.team);
      if (!t) report(`${field}.team`, `Không có tổ vận động "${p.team}" trong tệp hay trong cơ sở dữ liệu.`);
      else if (!area.has(t.record.office)) report(`${field}.team`, 'Tổ vận động không thuộc phạm vi đợt cao điểm.');
    } else {
      const office = ctx.enforcers.get(p.enforcer!);
      if (office === undefined) report(`${field}.enforcer`, `Không có chấp hành viên mã "${p.enforcer}" trong tệp hay trong cơ sở dữ liệu.`);
      else if (!area.has(office)) report(`${field}.enforcer`, `Chấp hành viên "${p.enforcer}" không thuộc phạm vi đợt cao điểm.`);
    }
  });
}
