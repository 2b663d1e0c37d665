// Family 2 — cross-unit reads. Each demo user of TN-KV3 and of TN reads units, users, cases, statistics and
// audit rows of units outside its scope (scope = its unit, the units below it and the units it succeeds).
// Got through = 2xx carrying data of a foreign unit (a foreign item in a list, or any 2xx for a resource
// named by a foreign unit, case or user), where the API must answer 404/403.
import { is2xx, qs } from '../lib/http.mjs';
import { FOREIGN_COMMUNE, FOREIGN_OFFICE, FOREIGN_PARTY, FOREIGN_PROVINCE } from '../lib/setup.mjs';

export const READERS = ['truong.phong', 'chv.an', 'chv.ngoc', 'ke.toan', 'to.van.dong', 'lanh.dao.tinh', 'thanh.tra'];

export async function run(fam, ctx) {
  const admin = await ctx.as('admin');
  const allUsers = (await admin.get(`/api/users${qs({ pageSize: 100 })}`)).json?.items ?? [];
  const fcase = ctx.foreign.caseId;
  if (!fcase) fam.skip('no foreign case (setup could not create one): the case reads by id are skipped');

  // Controls: the national administrator finds the foreign fixtures through the same kinds of request
  // (otherwise a refusal to a demo user would prove nothing).
  if (fcase) {
    const has = (r) => (r.json?.items ?? []).some((c) => c.id === fcase || c.caseId === fcase);
    const controls = [
      [`/api/cases/${encodeURIComponent(fcase)}`, (r) => r.status === 200],
      [`/api/cases${qs({ q: FOREIGN_PARTY, pageSize: 20 })}`, has],
      [`/api/cases${qs({ idNumber: '079099000111', pageSize: 20 })}`, has],
      ...(ctx.foreign.decision ? [[`/api/cases${qs({ decision: ctx.foreign.decision, pageSize: 20 })}`, has]] : []),
      ...(ctx.foreign.enforcer ? [[`/api/cases${qs({ enforcer: ctx.foreign.enforcer, pageSize: 20 })}`, has]] : []),
      ...(ctx.foreign.commune ? [[`/api/cases${qs({ commune: FOREIGN_COMMUNE, pageSize: 20 })}`, has]] : []),
      [`/api/statistics/cases${qs({ unit: 'VN', to: ctx.today, form: 'cases', key: 'total', by: 'office', value: FOREIGN_OFFICE, pageSize: 20 })}`, has],
      [`/api/audit${qs({ entityType: 'case', entityId: fcase, pageSize: 50 })}`, (r) => (r.json?.items ?? []).length > 0],
    ];
    const failed = [];
    for (const [p, ok] of controls) {
      const r = await admin.get(p);
      if (!ok(r)) failed.push(`${p} → ${r.status}`);
    }
    fam.info(failed.length ? `controls the admin failed (those probes prove little): ${failed.join('; ')}` : `controls: the national admin finds the foreign case ${fcase} through each kind of request`);
  }

  for (const username of READERS) {
    let s;
    try {
      s = await ctx.as(username);
    } catch (e) {
      fam.skip(`${username}: ${e.message}`);
      continue;
    }
    const unit = s.user.unit.code;
    const scope = ctx.scopeOf(unit);
    const parent = ctx.units.find((u) => u.code === unit)?.parentCode;
    const foreign = [...new Set([FOREIGN_OFFICE, FOREIGN_PROVINCE, 'VN', parent, ...ctx.units.map((u) => u.code)])]
      .filter((c) => c && !scope.has(c) && ctx.units.some((u) => u.code === c))
      .slice(0, 6);
    const foreignIds = new Set([fcase, FOREIGN_OFFICE, FOREIGN_PROVINCE, ctx.foreign.userId === null ? null : String(ctx.foreign.userId)].filter(Boolean));
    const outside = (code) => code !== null && code !== undefined && !scope.has(code);
    const as = `${username} (${unit})`;

    const probe = async (path, judge, why) => {
      const res = await s.get(path);
      const through = is2xx(res) && judge(res);
      fam.check({ method: 'GET', path, as }, res, through, through ? why : '');
    };
    const any = () => true;
    const items = (res) => res.json?.items ?? [];
    const casesOutside = (res) => items(res).some((c) => outside(c.office));
    const usersOutside = (res) => items(res).some((u) => outside(u.unit?.code));
    const deadlineForeign = (res) => [...(res.json?.overdue ?? []), ...(res.json?.dueThisWeek ?? [])].some((d) => foreignIds.has(d.id));
    const auditForeign = (res) => items(res).some((a) => outside(a.unitCode) || foreignIds.has(String(a.entityId)));

    await probe('/api/units', (r) => items(r).some((u) => outside(u.code)), 'the unit list holds foreign units');
    for (const [i, f] of foreign.entries()) {
      const to = ctx.monthEnd;
      await probe(`/api/units/${encodeURIComponent(f)}`, any, `detail of foreign unit ${f}`);
      await probe(`/api/users${qs({ unit: f, pageSize: 20 })}`, usersOutside, `users of foreign unit ${f}`);
      await probe(`/api/cases${qs({ unit: f, pageSize: 5 })}`, casesOutside, `cases of foreign unit ${f}`);
      await probe(`/api/statistics/report${qs({ unit: f, to })}`, any, `report of foreign unit ${f}`);
      await probe(`/api/statistics/breakdown${qs({ unit: f, to, by: 'office' })}`, any, `breakdown of foreign unit ${f}`);
      await probe(`/api/statistics/cases${qs({ unit: f, to, form: 'cases', key: 'total', pageSize: 5 })}`, any, `drill-down of foreign unit ${f}`);
      await probe(`/api/statistics/targets${qs({ unit: f, fiscalYear: ctx.fiscalYear })}`, any, `targets of foreign unit ${f}`);
      await probe(`/api/statistics/closes${qs({ unit: f })}`, any, `closed periods of foreign unit ${f}`);
      if (i < 2) {
        await probe(`/api/statistics/export${qs({ unit: f, to, format: 'xlsx' })}`, any, `official forms of foreign unit ${f}`);
        await probe(`/api/statistics/narrative${qs({ unit: f, fromYear: 2020, toYear: 2021 })}`, any, `narrative of foreign unit ${f}`);
      }
    }

    // Users of other units, by id and in lists.
    for (const u of allUsers.filter((x) => outside(x.unit?.code)).slice(0, 3)) {
      await probe(`/api/users/${u.id}`, any, `user ${u.username} of foreign unit ${u.unit.code}`);
    }
    await probe(`/api/users${qs({ pageSize: 100 })}`, usersOutside, 'the user list holds users of foreign units');
    await probe(`/api/users${qs({ q: 'admin', pageSize: 100 })}`, usersOutside, 'a user search finds users of foreign units');
    await probe(`/api/users${qs({ role: 'admin', pageSize: 100 })}`, usersOutside, 'a role filter finds users of foreign units');

    // Cases of the foreign office, by id and through every search filter.
    if (fcase) {
      await probe(`/api/cases/${encodeURIComponent(fcase)}`, any, `case ${fcase} of ${FOREIGN_OFFICE}`);
      await probe(`/api/cases${qs({ q: FOREIGN_PARTY, pageSize: 20 })}`, casesOutside, 'a name search finds a foreign case');
      await probe(`/api/cases${qs({ q: fcase, pageSize: 20 })}`, casesOutside, 'a number search finds a foreign case');
      if (ctx.foreign.decision) await probe(`/api/cases${qs({ decision: ctx.foreign.decision, pageSize: 20 })}`, casesOutside, 'a decision search finds a foreign case');
      await probe(`/api/cases${qs({ idNumber: '079099000111', pageSize: 20 })}`, casesOutside, 'an identity-number search finds a foreign case');
    }
    if (ctx.foreign.enforcer) {
      await probe(`/api/cases${qs({ enforcer: ctx.foreign.enforcer, pageSize: 20 })}`, casesOutside, 'an enforcer filter finds a foreign case');
      await probe(`/api/deadlines${qs({ enforcer: ctx.foreign.enforcer })}`, deadlineForeign, 'deadlines of a foreign enforcer');
    }
    if (ctx.foreign.commune) await probe(`/api/cases${qs({ commune: FOREIGN_COMMUNE, pageSize: 20 })}`, casesOutside, 'a commune filter finds a foreign case');
    await probe(`/api/deadlines${qs({ mine: 'false' })}`, deadlineForeign, 'the office deadlines list a foreign case');

    // Statistics of the own unit narrowed to a foreign row.
    await probe(`/api/statistics/cases${qs({ unit, to: ctx.today, form: 'cases', key: 'total', by: 'office', value: FOREIGN_OFFICE, pageSize: 20 })}`,
      (r) => items(r).some((c) => outside(c.office)), `own drill-down narrowed to ${FOREIGN_OFFICE} lists foreign cases`);
    await probe(`/api/statistics/breakdown${qs({ unit, to: ctx.today, by: 'office' })}`,
      (r) => (r.json?.rows ?? []).some((row) => outside(row.key)), 'own breakdown by office has foreign rows');

    // The audit trail with filters naming foreign things.
    if (fcase) await probe(`/api/audit${qs({ entityType: 'case', entityId: fcase, pageSize: 50 })}`, auditForeign, 'audit rows of a foreign case');
    await probe(`/api/audit${qs({ entityType: 'unit', entityId: FOREIGN_OFFICE, pageSize: 50 })}`, auditForeign, 'audit rows of a foreign unit');
    await probe(`/api/audit${qs({ user: 'admin', pageSize: 50 })}`, auditForeign, 'audit rows of the national admin');
    await probe(`/api/audit${qs({ unit: FOREIGN_PROVINCE, pageSize: 50 })}`, auditForeign, 'audit with unit= of a foreign province');
    await probe(`/api/audit${qs({ action: 'user.created', pageSize: 100 })}`, auditForeign, 'audit rows of users created in foreign units');
  }
}
