// Family 3 — cross-unit writes, as the head of TN-KV3 (truong.phong), the head of the province TN
// (lanh.dao.tinh) and an administrator attached to TN (probe.tn.admin, made by the setup): events on a
// foreign case, moving an own case to a foreign office, foreign enforcers and communes on own cases,
// statistics policies (national administrators only), units whose successor is foreign, users of foreign
// units. Got through = 2xx (for a reassignment: 2xx with at least one case assigned).
import { is2xx, qs, snippet } from '../lib/http.mjs';
import { caseBody, FOREIGN_COMMUNE, FOREIGN_OFFICE, FOREIGN_PROVINCE, OWN_OFFICE } from '../lib/setup.mjs';

export async function run(fam, ctx) {
  const admin = await ctx.as('admin');
  const fcase = ctx.foreign.caseId;
  const fenf = ctx.foreign.enforcer;
  const today = ctx.today;
  if (!fcase) fam.skip('no foreign case: event probes on it are skipped');
  if (!fenf) fam.skip('no foreign enforcer: the foreign-enforcer probes are skipped');
  if (!ctx.foreign.commune) fam.skip('no foreign commune: the foreign-commune probe is skipped');
  // A foreign case with one event, so that there is something to reverse.
  if (fcase && (await ctx.versionOf(fcase)) === 0) {
    await admin.post(`/api/cases/${encodeURIComponent(fcase)}/events`, { expectedVersion: 0, event: { type: 'verified', on: today, result: 'has_means' } });
  }

  const actors = ['truong.phong', 'lanh.dao.tinh', ...(ctx.tnAdmin ? [ctx.tnAdmin] : [])];
  if (!ctx.tnAdmin) fam.skip('no administrator of TN (setup could not make probe.tn.admin): its probes are skipped');
  const reverts = [];

  for (const username of actors) {
    const s = await ctx.as(username);
    const as = `${username} (${s.user.unit.code})`;
    const write = async (method, path, body, why, judge = is2xx) => {
      const res = await s.req(method, path, { body });
      const through = judge(res);
      fam.check({ method, path, as, sent: JSON.stringify(body) }, res, through, through ? why : '');
      return res;
    };
    const enc = encodeURIComponent;

    // Events on a case held outside the scope.
    if (fcase) {
      let v = await ctx.versionOf(fcase);
      await write('POST', `/api/cases/${enc(fcase)}/events`, { expectedVersion: v, event: { type: 'other_status', on: today, reason: 'probe: cross-unit write' } }, 'event recorded on a foreign case');
      v = await ctx.versionOf(fcase);
      await write('POST', `/api/cases/${enc(fcase)}/events`, { expectedVersion: v, event: { type: 'payment', on: today, obligation: 'o1', amount: 1000 } }, 'payment recorded on a foreign case');
      v = await ctx.versionOf(fcase);
      await write('POST', `/api/cases/${enc(fcase)}/events/1/reverse`, { expectedVersion: v, reason: 'probe: cross-unit reversal' }, 'event of a foreign case reversed');
      await write('POST', '/api/cases/reassign', { caseIds: [fcase], enforcer: 'TN-KV3-02' }, 'foreign case reassigned', (r) => is2xx(r) && r.json?.assigned > 0);
    }

    // Own case moved to an office of another province.
    const c1 = await ctx.newOwnCase();
    await write('POST', `/api/cases/${enc(c1.id)}/events`, { expectedVersion: c1.version, event: { type: 'office_changed', on: today, to: FOREIGN_OFFICE } }, `own case moved to ${FOREIGN_OFFICE}`);

    // Cases created with references of another province.
    const control = await s.post('/api/cases', caseBody(OWN_OFFICE, {}, today));
    if (control.status !== 201) fam.info(`${as}: the control case creation (own office, own enforcer) answered ${control.status} ${snippet(control.text, 120)} — the creation probes below may not be meaningful`);
    if (fenf) await write('POST', '/api/cases', caseBody(OWN_OFFICE, { enforcer: fenf }, today), `case created with foreign enforcer ${fenf}`);
    if (ctx.foreign.commune) await write('POST', '/api/cases', caseBody(OWN_OFFICE, { commune: FOREIGN_COMMUNE }, today), `case created with commune ${FOREIGN_COMMUNE} of ${FOREIGN_OFFICE}`);
    await write('POST', '/api/cases', caseBody(FOREIGN_OFFICE, {}, today), `case created in ${FOREIGN_OFFICE}`);

    // A foreign enforcer put in charge of an own case.
    if (fenf) {
      const c2 = await ctx.newOwnCase();
      await write('POST', `/api/cases/${enc(c2.id)}/events`, { expectedVersion: c2.version, event: { type: 'enforcer_assigned', on: today, enforcer: fenf } }, `foreign enforcer ${fenf} assigned`);
      const c3 = await ctx.newOwnCase();
      await write('POST', '/api/cases/reassign', { caseIds: [c3.id], enforcer: fenf }, `own case reassigned to foreign enforcer ${fenf}`, (r) => is2xx(r) && r.json?.assigned > 0);
    }

    // National settings and foreign statistics.
    await write('PUT', '/api/statistics/policies', ctx.policies ?? { moneyResolved: ['completed'], postponementGroundsWithoutMeans: [] }, 'statistics policies changed by a non-national user');
    await write('PUT', '/api/statistics/targets', { unit: FOREIGN_OFFICE, fiscalYear: ctx.fiscalYear, cases: 12, money: 34 }, `target of ${FOREIGN_OFFICE} set`);
    await write('POST', '/api/statistics/close', { unit: FOREIGN_OFFICE, monthEnd: ctx.monthEnd }, `period of ${FOREIGN_OFFICE} closed`);

    // Units: a new unit succeeded by a foreign one; a unit under a foreign province.
    const tag = `${Date.now() % 1e6}`;
    await write('POST', '/api/units', { code: `PRB-S${tag}`, name: 'Probe successor test', level: 'office', parentCode: 'TN', validFrom: today, successorCode: FOREIGN_OFFICE }, `unit created with successor ${FOREIGN_OFFICE} (another province)`);
    await write('POST', '/api/units', { code: `PRB-P${tag}`, name: 'Probe parent test', level: 'office', parentCode: FOREIGN_PROVINCE, validFrom: today }, `unit created under ${FOREIGN_PROVINCE}`);

    // Users of foreign units; own users moved out.
    await write('POST', '/api/users', { username: `probe.x${tag}`, fullName: 'Probe cross-unit', role: 'clerk', unitCode: FOREIGN_OFFICE, password: 'Probe-Cross-2026x' }, `user created in ${FOREIGN_OFFICE}`);
    if (ctx.foreign.userId !== null) {
      await write('PATCH', `/api/users/${ctx.foreign.userId}`, { fullName: 'Probe renamed across units' }, 'foreign user changed');
      await write('POST', `/api/users/${ctx.foreign.userId}/reset-password`, { newPassword: 'Probe-Taken-Over-2026' }, 'foreign user password reset');
    }
    await write('POST', '/api/users/1/unlock', {}, 'national admin unlocked');
    if (ctx.victimId !== null) {
      const r = await write('PATCH', `/api/users/${ctx.victimId}`, { unitCode: FOREIGN_OFFICE }, `own user moved into ${FOREIGN_OFFICE}`);
      if (is2xx(r)) reverts.push(() => admin.patch(`/api/users/${ctx.victimId}`, { unitCode: OWN_OFFICE }));
    }

    // Switching the active unit to a foreign one.
    await write('POST', '/api/auth/active-unit', { unitCode: FOREIGN_PROVINCE }, 'active unit switched to a foreign province');
    await s.post('/api/auth/active-unit', { unitCode: s.user.unit.code });

    // Last: pulling a foreign unit into the own scope by naming an own unit its successor (reverted below).
    const r = await write('PATCH', `/api/units/${FOREIGN_OFFICE}`, { successorCode: s.user.unit.code }, `${FOREIGN_OFFICE} made a predecessor of an own unit`);
    if (is2xx(r)) await admin.patch(`/api/units/${FOREIGN_OFFICE}`, { successorCode: null });
  }
  for (const undo of reverts) await undo();
  // Whatever the writes did, the rest of the probe needs the foreign fixture as it was.
  const check = await admin.get(`/api/units${qs({})}`);
  const prb = check.json?.items?.find((u) => u.code === FOREIGN_OFFICE);
  if (prb?.successorCode) await admin.patch(`/api/units/${FOREIGN_OFFICE}`, { successorCode: null });
}
