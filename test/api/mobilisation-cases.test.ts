/**
 * A case handed to a commune team, through the HTTP API (mobilisation issue, items 2–3): the head of office
 * assigns it, the team member records a visit with an agreed schedule, the enforcer records the payment and
 * the promise reads as kept; a team member sees only the team's cases and only what mobilisation needs
 * (never identity numbers or the other parties); bad input is refused with the field and nothing written.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCaseBody, startTestApp, type Session, type TestApp } from '../support/harness.js';

let t: TestApp;
let head: Session;
let member: Session; // to.van.dong, deputy of the team of commune 28210 (TN-KV3)
let enforcer: Session;
let caseId: string;
let otherCaseId: string;
let teamId: string;
let otherTeamId: string;
let memberIds: string[];

const rows = async (table: 'mobilisation_assignments' | 'mobilisation_visits' | 'mobilisation_instalments') =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.rt.db)).rows[0]!.n);

beforeAll(async () => {
  t = await startTestApp();
  head = await t.login('truong.phong');
  member = await t.login('to.van.dong');
  enforcer = await t.login('chv.an');
  const created = await t.as(enforcer, 'POST', '/api/cases', newCaseBody());
  expect(created.statusCode, created.body).toBe(201);
  caseId = created.json().id;
  const other = await t.as(enforcer, 'POST', '/api/cases', newCaseBody({ decision: { number: '16/QĐ-THADS', date: '2026-10-05' } }));
  expect(other.statusCode, other.body).toBe(201);
  otherCaseId = other.json().id;
  expect((await t.as(enforcer, 'POST', `/api/cases/${caseId}/events`, { expectedVersion: 0, event: { type: 'verified', on: '2026-10-20', result: 'has_means' } })).statusCode).toBe(201);
  const teams = (await t.as(head, 'GET', '/api/mobilisation/teams?unit=TN-KV3&date=2026-11-01')).json().items as { id: string; commune: { code: string }; members: { id: string; name: string }[] }[];
  const team = teams.find((x) => x.commune.code === '28210')!;
  teamId = team.id;
  memberIds = team.members.map((m) => m.id);
  otherTeamId = teams.find((x) => x.commune.code !== '28210')!.id;
});
afterAll(async () => t.close());

describe('a case in the hands of a commune team', () => {
  it('a team member sees nothing of a case not assigned to the team', async () => {
    expect((await t.as(member, 'GET', `/api/mobilisation/cases/${encodeURIComponent(caseId)}`)).statusCode).toBe(404);
  });

  it('the head of office assigns it; a second open assignment is refused', async () => {
    const r = await t.as(head, 'POST', `/api/mobilisation/cases/${encodeURIComponent(caseId)}/assignment`, { teamId, from: '2026-10-22', coercionPlanned: true });
    expect(r.statusCode, r.body).toBe(201);
    const again = await t.as(head, 'POST', `/api/mobilisation/cases/${encodeURIComponent(caseId)}/assignment`, { teamId: otherTeamId, from: '2026-10-23' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'caseId', rule: 'assignment_already_open' })]));
    expect(await rows('mobilisation_assignments')).toBe(1);
  });

  it('the team member records a visit with an agreed schedule, sees only the whitelisted case', async () => {
    const before = await rows('mobilisation_visits');
    const visit = await t.as(member, 'POST', `/api/mobilisation/cases/${encodeURIComponent(caseId)}/visits`, {
      on: '2026-10-28', place: 'home', outcome: 'agreed', memberIds: memberIds.slice(0, 2),
      instalments: [{ due: '2026-11-10', amount: 5_000_000 }, { due: '2026-12-10', amount: '10300000' }], notes: 'Đồng ý trả dần',
    });
    expect(visit.statusCode, visit.body).toBe(201);
    expect(await rows('mobilisation_visits')).toBe(before + 1);
    const view = await t.as(member, 'GET', `/api/mobilisation/cases/${encodeURIComponent(caseId)}`);
    expect(view.statusCode).toBe(200);
    const body = view.json();
    expect(body.case.obligors).toEqual([{ name: 'Nguyễn Văn An', address: 'ấp 3, xã Tầm Vu' }]);
    expect(body.case.outstanding).toBe('15300000');
    // the whitelist: no identity number, no obligee anywhere in the answer
    expect(view.body).not.toContain('080090001234');
    expect(view.body).not.toContain('Trần Thị Bình');
    // today is 20/11/2026: the first instalment (10/11) is past without a payment, the second still due
    expect(body.visits[0].instalments.map((i: { state: string }) => i.state)).toEqual(['broken', 'due']);
    expect(body.assignments[0]).toMatchObject({ team: { id: teamId }, from: '2026-10-22', to: null, coercionPlanned: true });
  });

  it('the enforcer records the payment made on 08/11 late; the first promise reads as kept, the second still due', async () => {
    const r = await t.as(enforcer, 'POST', `/api/cases/${encodeURIComponent(caseId)}/events`, { expectedVersion: 1, event: { type: 'payment', on: '2026-11-08', obligation: 'o2', amount: 5_000_000 } });
    expect(r.statusCode, r.body).toBe(201);
    const body = (await t.as(head, 'GET', `/api/mobilisation/cases/${encodeURIComponent(caseId)}`)).json();
    expect(body.visits[0].instalments.map((i: { state: string }) => i.state)).toEqual(['kept', 'due']);
    expect(body.case.outstanding).toBe('10300000');
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['dated in the future', { on: '2026-11-21', place: 'home', outcome: 'refused', memberIds: ['M'] }, 'on', 'visit_in_future'],
    ['before the assignment', { on: '2026-10-21', place: 'home', outcome: 'refused', memberIds: ['M'] }, 'on', 'visit_before_assignment'],
    ['by someone not in the team', { on: '2026-11-01', place: 'home', outcome: 'refused', memberIds: ['999999'] }, 'memberIds.0', 'member_not_in_team'],
    ['with a zero promise', { on: '2026-11-01', place: 'phone', outcome: 'agreed', memberIds: ['M'], instalments: [{ due: '2026-12-01', amount: 0 }] }, 'instalments.0.amount', 'instalment_not_positive'],
    ['with a promise before the visit', { on: '2026-11-01', place: 'phone', outcome: 'agreed', memberIds: ['M'], instalments: [{ due: '2026-10-30', amount: 5 }] }, 'instalments.0.due', 'instalment_before_visit'],
  ])('refuses a visit %s with the field and writes nothing', async (_, body, field, rule) => {
    const before = [await rows('mobilisation_visits'), await rows('mobilisation_instalments')];
    const payload = { ...body, memberIds: (body.memberIds as string[]).map((m) => (m === 'M' ? memberIds[0]! : m)) };
    const r = await t.as(member, 'POST', `/api/mobilisation/cases/${encodeURIComponent(caseId)}/visits`, payload);
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    expect([await rows('mobilisation_visits'), await rows('mobilisation_instalments')]).toEqual(before);
  });

  it('a team member cannot assign, nor record for a case of another team (404)', async () => {
    expect((await t.as(member, 'POST', `/api/mobilisation/cases/${encodeURIComponent(otherCaseId)}/assignment`, { teamId, from: '2026-10-22' })).statusCode).toBe(403);
    expect((await t.as(head, 'POST', `/api/mobilisation/cases/${encodeURIComponent(otherCaseId)}/assignment`, { teamId: otherTeamId, from: '2026-10-22' })).statusCode).toBe(201);
    const r = await t.as(member, 'POST', `/api/mobilisation/cases/${encodeURIComponent(otherCaseId)}/visits`, { on: '2026-11-01', place: 'home', outcome: 'refused', memberIds: [memberIds[0]] });
    expect(r.statusCode).toBe(404);
    expect((await t.as(member, 'GET', `/api/mobilisation/cases/${encodeURIComponent(otherCaseId)}`)).statusCode).toBe(404);
  });

  it("lists the open cases: a member's own team only, the head every team of the office", async () => {
    const mine = (await t.as(member, 'GET', '/api/mobilisation/open-cases')).json();
    expect(mine.items.map((i: { case: { id: string } }) => i.case.id)).toEqual([caseId]);
    expect(mine.items[0]).toMatchObject({ assignment: { team: { id: teamId } }, lastVisit: { on: '2026-10-28', outcome: 'agreed' }, nextPromise: { due: '2026-12-10', state: 'due' }, brokenPromises: 0 });
    expect(JSON.stringify(mine)).not.toContain('080090001234');
    const all = (await t.as(head, 'GET', '/api/mobilisation/open-cases')).json();
    expect(all.items.map((i: { case: { id: string } }) => i.case.id).sort()).toEqual([caseId, otherCaseId].sort());
    expect((await t.as(null, 'GET', '/api/mobilisation/open-cases')).statusCode).toBe(401);
  });

  it("an enforcer's own list (?mine=true): the cases whose enforcer they are, with the next promise not yet due", async () => {
    const an = (await t.as(enforcer, 'GET', '/api/mobilisation/open-cases?mine=true')).json();
    expect(an.items.map((i: { case: { id: string } }) => i.case.id).sort()).toEqual([caseId, otherCaseId].sort());
    expect(an.items.find((i: { case: { id: string } }) => i.case.id === caseId).nextDue).toEqual({ due: '2026-12-10', amount: '10300000' });
    const ngoc = await t.login('chv.ngoc');
    expect((await t.as(ngoc, 'GET', '/api/mobilisation/open-cases?mine=true')).json().items).toEqual([]);
    expect((await t.as(ngoc, 'GET', '/api/mobilisation/open-cases')).json().items).toHaveLength(2);
    expect((await t.as(enforcer, 'GET', '/api/mobilisation/open-cases?mine=yes')).statusCode).toBe(400);
    // an account that is no enforcer's has no case of its own (it used to send a NUL byte to PostgreSQL: 500)
    const own = await t.as(head, 'GET', '/api/mobilisation/open-cases?mine=true');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().items).toEqual([]);
    const deadlines = await t.as(head, 'GET', '/api/deadlines?mine=true');
    expect(deadlines.statusCode, deadlines.body).toBe(200);
    expect([...deadlines.json().overdue, ...deadlines.json().dueThisWeek]).toEqual([]);
    const summary = await t.as(head, 'GET', '/api/deadlines/summary?mine=true&unit=TN-KV3');
    expect(summary.statusCode, summary.body).toBe(200);
  });

  it('the head takes the case back; a visit then has no open assignment', async () => {
    const end = await t.as(head, 'POST', `/api/mobilisation/cases/${encodeURIComponent(caseId)}/assignment/end`, { on: '2026-11-15' });
    expect(end.statusCode, end.body).toBe(200);
    const r = await t.as(member, 'POST', `/api/mobilisation/cases/${encodeURIComponent(caseId)}/visits`, { on: '2026-11-16', place: 'home', outcome: 'refused', memberIds: [memberIds[0]] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0].rule).toBe('no_open_assignment');
    // history stays readable for the team
    expect((await t.as(member, 'GET', `/api/mobilisation/cases/${encodeURIComponent(caseId)}`)).json().assignments[0].to).toBe('2026-11-15');
    const audit = await sql<{ action: string }>`SELECT action FROM audit_log WHERE entity_type = 'case' AND entity_id = ${caseId} AND action LIKE 'mobilisation.%' ORDER BY id`.execute(t.rt.db);
    expect(audit.rows.map((x) => x.action)).toEqual(['mobilisation.case_assigned', 'mobilisation.visit_recorded', 'mobilisation.assignment_ended']);
  });
});
