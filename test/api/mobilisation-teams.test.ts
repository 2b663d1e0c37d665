/**
 * Commune mobilisation teams through the HTTP API: the contract GET /api/mobilisation/teams?unit&date (the
 * demo office LA-CT answers its 13 teams, one per commune of shared/data/chau-thanh-2015-2020.json, on
 * 30/09/2020; TN-KV3 its re-formed teams after the 2025 mergers), recording a team with its decision and
 * members, the scope (404 outside it) and bad input refused with the field and nothing written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese as fold } from '../../src/kernel/text/fold.js';
import { startTestApp, type Session, type TestApp } from '../support/harness.js';

let t: TestApp;
let head: Session; // truong.phong, head of TN-KV3 (which succeeds LA-CT)
let member: Session; // to.van.dong, a mobilisation team member
let enforcer: Session;

beforeAll(async () => {
  t = await startTestApp();
  head = await t.login('truong.phong');
  member = await t.login('to.van.dong');
  enforcer = await t.login('chv.an');
});
afterAll(async () => t.close());

interface TeamJson {
  id: string; name: string; office: string; commune: { code: string; name: string };
  decision: { number: string; date: string; signer: string };
  members: { name: string; organisation: string; role: string }[]; validFrom: string; validTo: string | null;
}
const teams = async (s: Session, unit: string, date: string) => {
  const res = await t.as(s, 'GET', `/api/mobilisation/teams?unit=${unit}&date=${date}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: TeamJson[] }).items;
};
const teamCount = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM mobilisation_teams`.execute(t.rt.db)).rows[0]!.n);

describe('GET /api/mobilisation/teams', () => {
  it('answers the 13 teams of LA-CT on 30/09/2020, one per commune of the source data, each with a leader', async () => {
    const data = JSON.parse(readFileSync(path.resolve('../shared/data/chau-thanh-2015-2020.json'), 'utf8')) as { communes: string[] };
    const items = await teams(head, 'LA-CT', '2020-09-30');
    expect(items).toHaveLength(13);
    expect(items.every((x) => x.office === 'LA-CT')).toBe(true);
    const key = (n: string) => fold(n).replace(/^(thi tran|xa) /, '');
    expect(new Set(items.map((x) => key(x.commune.name)))).toEqual(new Set(data.communes.map(key)));
    for (const x of items) {
      expect(x.members.filter((m) => m.role === 'leader')).toHaveLength(1);
      expect(x.members.length).toBeGreaterThanOrEqual(5);
    }
  });

  it('after the mergers: no LA-CT team, four re-formed teams of TN-KV3; before their forming, none', async () => {
    expect(await teams(head, 'LA-CT', '2025-08-01')).toHaveLength(0);
    const now = await teams(head, 'TN-KV3', '2025-08-01');
    expect(now).toHaveLength(4);
    expect(now.every((x) => x.office === 'TN-KV3' && x.validFrom === '2025-07-15')).toBe(true);
    expect(await teams(head, 'TN-KV3', '2025-07-05')).toHaveLength(0);
    // the history stays readable from the successor and the province
    expect(await teams(head, 'TN-KV3', '2020-09-30')).toHaveLength(13);
    expect(await teams(await t.login('lanh.dao.tinh'), 'TN', '2020-09-30')).toHaveLength(13);
  });

  it('is read by team members and enforcers of the office; refused without a session; 404 outside the scope', async () => {
    expect(await teams(member, 'TN-KV3', '2026-01-01')).toHaveLength(4);
    expect(await teams(enforcer, 'TN-KV3', '2026-01-01')).toHaveLength(4);
    expect((await t.as(null, 'GET', '/api/mobilisation/teams?unit=TN-KV3&date=2026-01-01')).statusCode).toBe(401);
    expect((await t.as(head, 'GET', '/api/mobilisation/teams?unit=VN&date=2026-01-01')).statusCode).toBe(404);
    expect((await t.as(head, 'GET', '/api/mobilisation/teams?unit=NOPE&date=2026-01-01')).statusCode).toBe(404);
    const bad = await t.as(head, 'GET', '/api/mobilisation/teams?unit=TN-KV3&date=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('date');
  });
});

describe('POST /api/mobilisation/teams', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    office: 'TN-KV3',
    commune: '28222',
    decision: { number: '99/QĐ-UBND', date: '2026-11-02', signer: 'Chủ tịch UBND xã' },
    validFrom: '2026-11-05',
    members: [
      { name: 'Nguyễn Văn Tổ', organisation: 'ubnd_xa', role: 'leader', phone: '0912 345 678' },
      { name: 'Trần Thị Phó', organisation: 'hoi_phu_nu', role: 'deputy' },
    ],
    ...over,
  });

  it('records a team of the head of office, audited, and lists it from its first day', async () => {
    const res = await t.as(head, 'POST', '/api/mobilisation/teams', body());
    expect(res.statusCode, res.body).toBe(201);
    const team = res.json().team as TeamJson;
    expect(team.office).toBe('TN-KV3');
    expect(team.members.map((m) => m.role)).toEqual(['leader', 'deputy']);
    expect((await teams(head, 'TN-KV3', '2026-11-05')).some((x) => x.id === team.id)).toBe(true);
    expect((await teams(head, 'TN-KV3', '2026-11-04')).some((x) => x.id === team.id)).toBe(false);
    const audit = await sql<{ action: string }>`SELECT action FROM audit_log WHERE entity_type = 'mobilisation_team' AND entity_id = ${team.id}`.execute(t.rt.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['mobilisation.team_created']);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a commune outside the office area', { commune: '27901' }, 'commune', 'team_commune_outside_office'],
    ['a former commune after the mergers', { commune: '28213' }, 'commune', 'team_commune_outside_office'],
    ['an end before the start', { validTo: '2026-11-01' }, 'validTo', 'team_dates'],
    ['a decision after the start', { decision: { number: '1/QĐ', date: '2026-11-06', signer: 'X' } }, 'decision.date', 'decision_after_start'],
    ['two leaders', { members: [{ name: 'A', organisation: 'mttq', role: 'leader' }, { name: 'B', organisation: 'ubnd_xa', role: 'leader' }] }, 'members', 'one_leader'],
    ['no leader', { members: [{ name: 'A', organisation: 'mttq', role: 'member' }] }, 'members', 'one_leader'],
  ])('refuses %s with the field and writes nothing', async (_, over, field, rule) => {
    const before = await teamCount();
    const res = await t.as(head, 'POST', '/api/mobilisation/teams', body(over));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    expect(await teamCount()).toBe(before);
  });

  it('refuses an unknown organisation or role at the schema, in Vietnamese', async () => {
    const res = await t.as(head, 'POST', '/api/mobilisation/teams', body({ members: [{ name: 'A', organisation: 'club', role: 'leader' }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('members.0.organisation');
  });

  it('is refused to team members and enforcers (403) and outside the scope (404)', async () => {
    const before = await teamCount();
    expect((await t.as(member, 'POST', '/api/mobilisation/teams', body())).statusCode).toBe(403);
    expect((await t.as(enforcer, 'POST', '/api/mobilisation/teams', body())).statusCode).toBe(403);
    expect((await t.as(head, 'POST', '/api/mobilisation/teams', body({ office: 'VN' }))).statusCode).toBe(404);
    expect(await teamCount()).toBe(before);
  });
});
