import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCaseBody, startTestApp, type Session, type TestApp } from '../support/harness.js';

// GET /api/deadlines/summary: the deadline queue counted by enforcer and by step (the home page), the same
// cases as GET /api/deadlines, without its cap; scope as every read.

let t: TestApp;
let enforcer: Session;
let head: Session;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-20T03:00:00Z');
  enforcer = await t.login('chv.an');
  head = await t.login('truong.phong');
  const create = async (over: Record<string, unknown>) => {
    const r = await t.as(enforcer, 'POST', '/api/cases', newCaseBody(over));
    expect(r.statusCode, r.body).toBe(201);
  };
  // overdue verifications (accepted in early October) for two enforcers, one due this week, one unassigned
  await create({ decision: { number: '21/QĐ-THADS', date: '2026-10-01' }, acceptedOn: '2026-10-01' });
  await create({ decision: { number: '22/QĐ-THADS', date: '2026-10-02' }, acceptedOn: '2026-10-02' });
  await create({ decision: { number: '23/QĐ-THADS', date: '2026-10-02' }, acceptedOn: '2026-10-02', enforcer: 'TN-KV3-02' });
  await create({ decision: { number: '24/QĐ-THADS', date: '2026-11-18' }, acceptedOn: '2026-11-18', enforcer: null });
});
afterAll(async () => t.close());

type Counts = { overdue: number; dueThisWeek: number };
type Summary = {
  today: string;
  weekEnds: string;
  total: Counts;
  byEnforcer: (Counts & { enforcer: { code: string; name: string | null } | null })[];
  byStep: (Counts & { step: string; title_vi: string; headDecision: boolean })[];
};

describe('the deadline summary', () => {
  it('counts the office queue by enforcer and by step, equal to the queue itself', async () => {
    const queue = (await t.as(head, 'GET', '/api/deadlines')).json();
    const r = await t.as(head, 'GET', '/api/deadlines/summary');
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json<Summary>();
    expect(s).toMatchObject({ today: '2026-11-20', weekEnds: '2026-11-22' });
    expect(s.total).toEqual({ overdue: queue.overdue.length, dueThisWeek: queue.dueThisWeek.length });
    expect(s.total.overdue).toBeGreaterThanOrEqual(3);

    const count = (items: { enforcer: { code: string } | null }[], code: string | null) => items.filter((i) => (i.enforcer?.code ?? null) === code).length;
    for (const row of s.byEnforcer) {
      const code = row.enforcer?.code ?? null;
      expect(row).toMatchObject({ overdue: count(queue.overdue, code), dueThisWeek: count(queue.dueThisWeek, code) });
    }
    expect(s.byEnforcer.find((r) => r.enforcer?.code === 'TN-KV3-01')).toMatchObject({ enforcer: { name: 'Nguyễn Văn An' }, overdue: 2 });
    expect(s.byEnforcer.find((r) => r.enforcer?.code === 'TN-KV3-02')).toMatchObject({ overdue: 1 });
    // the most overdue first
    expect(s.byEnforcer.map((r) => r.overdue)).toEqual([...s.byEnforcer.map((r) => r.overdue)].sort((a, b) => b - a));

    const steps = Object.fromEntries(s.byStep.map((r) => [r.step, r]));
    expect(steps.verify).toMatchObject({ title_vi: 'Xác minh điều kiện thi hành án', headDecision: false, overdue: 3 });
    // the unassigned case awaits the head: assigning an enforcer is the head's decision
    expect(steps.assign_enforcer).toMatchObject({ headDecision: true });
    expect(steps.assign_enforcer!.overdue + steps.assign_enforcer!.dueThisWeek).toBe(1);
    expect(s.byEnforcer.find((r) => r.enforcer === null)).toBeDefined();
    const sum = (rows: Counts[]) => rows.reduce((a, r) => ({ overdue: a.overdue + r.overdue, dueThisWeek: a.dueThisWeek + r.dueThisWeek }), { overdue: 0, dueThisWeek: 0 });
    expect(sum(s.byStep)).toEqual(s.total);
    expect(sum(s.byEnforcer)).toEqual(s.total);
  });

  it("gives an enforcer's own steps with mine=true", async () => {
    const s = (await t.as(enforcer, 'GET', '/api/deadlines/summary?mine=true')).json<Summary>();
    const mine = (await t.as(enforcer, 'GET', '/api/deadlines?mine=true')).json();
    expect(s.total).toEqual({ overdue: mine.overdue.length, dueThisWeek: mine.dueThisWeek.length });
    expect(s.byEnforcer.map((r) => r.enforcer?.code)).toEqual(['TN-KV3-01']);
  });

  it('reads a unit in the scope, answers 404 outside it and 403 without cases.read', async () => {
    const byUnit = (await t.as(head, 'GET', '/api/deadlines/summary?unit=TN-KV3')).json<Summary>();
    const active = (await t.as(head, 'GET', '/api/deadlines/summary')).json<Summary>();
    expect(byUnit.total).toEqual(active.total);
    expect((await t.as(head, 'GET', '/api/deadlines/summary?unit=HN-KV1')).statusCode).toBe(404);
    expect((await t.as(head, 'GET', '/api/deadlines/summary?unit=NO-SUCH')).statusCode).toBe(404);
    const member = await t.login('to.van.dong');
    expect((await t.as(member, 'GET', '/api/deadlines/summary')).statusCode).toBe(403);
    expect((await t.as(null, 'GET', '/api/deadlines/summary')).statusCode).toBe(401);
  });
});
