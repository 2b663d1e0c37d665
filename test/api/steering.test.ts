/**
 * The steering committee (Ban Chỉ đạo THADS) through the HTTP API: the committee in force by unit and date
 * (district before 01/07/2025, provincial after), its detail with task states, recording a committee, a
 * meeting with attendance and conclusions→tasks (one transaction, audited), follow-ups and status changes,
 * the scope (404 outside it, 403 without the permission), bad input refused with nothing written, and the
 * office's report to the committee as a .docx holding the statistics' figures.
 */
import JSZip from 'jszip';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupDigits } from '../../src/kernel/format/index.js';
import { buildSteeringReportDocx } from '../../src/modules/steering/infra/steering-report-docx.js';
import { newCaseBody, startTestApp, type Session, type TestApp } from '../support/harness.js';

let t: TestApp;
let admin: Session;
let head: Session; // truong.phong, head of TN-KV3 (successor of LA-CT)
let province: Session; // lanh.dao.tinh, head of TN
let inspector: Session;
let member: Session; // to.van.dong: no steering permission
let enforcer: Session;
let hnCommittee: string;
const caseIds: string[] = [];

interface Committee { id: string; level: string; name: string; unit: { code: string }; validFrom: string; validTo: string | null }
interface Detail {
  committee: Committee; canManage: boolean;
  members: { id: string; name: string; role: string; validFrom: string; validTo: string | null }[];
  meetings: { id: string; heldOn: string; kind: string; agenda: string; minutes: string | null; attendance: { memberId: string; present: boolean }[] }[];
  tasks: { id: string; text: string; deadline: string; status: string; state: string; daysOverdue: number; meetingHeldOn: string; followups: { note: string }[] }[];
}

const inForce = async (s: Session, unit: string, date: string) => {
  const r = await t.as(s, 'GET', `/api/steering/committees?unit=${unit}&date=${date}`);
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as { items: Committee[] }).items;
};
const detail = async (s: Session, id: string) => {
  const r = await t.as(s, 'GET', `/api/steering/committees/${id}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Detail;
};
const count = async (table: string) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.rt.db)).rows[0]!.n);

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-20T03:00:00Z');
  admin = await t.login('admin');
  head = await t.login('truong.phong');
  province = await t.login('lanh.dao.tinh');
  inspector = await t.login('thanh.tra');
  member = await t.login('to.van.dong');
  enforcer = await t.login('chv.an');
  for (const unit of [
    { code: 'HN', name: 'Thi hành án dân sự thành phố Hà Nội', level: 'province', parentCode: 'VN', validFrom: '2025-07-01' },
  ]) expect((await t.as(admin, 'POST', '/api/units', unit)).statusCode).toBe(201);
  const hn = await t.as(admin, 'POST', '/api/steering/committees', {
    level: 'province', unit: 'HN', name: 'Ban Chỉ đạo thi hành án dân sự thành phố Hà Nội',
    decision: { number: '1/QĐ-UBND', date: '2025-07-01', signer: 'Chủ tịch UBND thành phố' }, validFrom: '2025-07-01',
    members: [{ name: 'Nguyễn Văn Hà', position: 'Phó Chủ tịch UBND thành phố', agency: 'UBND thành phố Hà Nội', role: 'chair' }],
  });
  expect(hn.statusCode, hn.body).toBe(201);
  hnCommittee = (hn.json() as Detail).committee.id;
  // Three pending cases with means at TN-KV3 for the report's section II, one partly paid.
  for (const [i, amount] of [[1, 250_000_000], [2, 40_000_000], [3, 900_000_000]] as const) {
    const body = newCaseBody({
      decision: { number: `${70 + i}/QĐ-THADS`, date: '2026-10-0' + (i + 1) }, acceptedOn: '2026-10-0' + (i + 1),
      obligations: [{ kind: 'money', beneficiary: 'party', label: 'Trả nợ vay', amount }],
    });
    const c = await t.as(enforcer, 'POST', '/api/cases', body);
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id as string;
    caseIds.push(id);
    const v = await t.as(enforcer, 'POST', `/api/cases/${encodeURIComponent(id)}/events`, { expectedVersion: 0, event: { type: 'verified', on: '2026-10-20', result: 'has_means' } });
    expect(v.statusCode, v.body).toBe(201);
  }
  const p = await t.as(enforcer, 'POST', `/api/cases/${encodeURIComponent(caseIds[0]!)}/events`, { expectedVersion: 1, event: { type: 'payment', on: '2026-11-05', obligation: 'o1', amount: 50_000_000 } });
  expect(p.statusCode, p.body).toBe(201);
});
afterAll(async () => t.close());

describe('GET /api/steering/committees: the committee in force by unit and date', () => {
  it('before 01/07/2025 the district committee of Châu Thành, from the office and from its successor', async () => {
    for (const unit of ['LA-CT', 'TN-KV3']) {
      const items = await inForce(head, unit, '2020-09-30');
      expect(items.map((c) => [c.level, c.name, c.unit.code])).toEqual([['district', 'Ban Chỉ đạo thi hành án dân sự huyện Châu Thành', 'LA-CT']]);
    }
    expect((await inForce(head, 'TN-KV3', '2025-06-30'))[0]!.level).toBe('district');
  });

  it('from 01/07/2025 the provincial committee of Tây Ninh, for the office and the province', async () => {
    for (const [s, unit] of [[head, 'TN-KV3'], [province, 'TN'], [inspector, 'TN-KV3']] as const) {
      for (const date of ['2025-07-01', '2026-11-20']) {
        expect((await inForce(s, unit, date)).map((c) => [c.level, c.name, c.unit.code])).toEqual([['province', 'Ban Chỉ đạo thi hành án dân sự tỉnh Tây Ninh', 'TN']]);
      }
    }
    expect(await inForce(head, 'LA-CT', '2025-07-01')).toEqual([]);
    expect(await inForce(province, 'TN', '2025-06-30')).toEqual([]);
  });

  it('another province’s unit is 404; a team member is refused (403); the inspector reads', async () => {
    expect((await t.as(head, 'GET', '/api/steering/committees?unit=HN&date=2026-01-01')).statusCode).toBe(404);
    expect((await t.as(member, 'GET', '/api/steering/committees?unit=TN-KV3&date=2026-01-01')).statusCode).toBe(403);
    expect((await t.as(head, 'GET', `/api/steering/committees/${hnCommittee}`)).statusCode).toBe(404);
    expect((await t.as(head, 'GET', '/api/steering/committees/999999')).statusCode).toBe(404);
    expect((await t.as(member, 'GET', `/api/steering/committees/${hnCommittee}`)).statusCode).toBe(403);
    expect((await t.as(member, 'GET', '/api/steering/report.docx?unit=TN-KV3&to=2026-11-20')).statusCode).toBe(403);
  });
});

describe('GET /api/steering/committees/:id', () => {
  it('the district committee: members by role, two meetings a year with attendance, tasks done or overdue', async () => {
    const [c] = await inForce(head, 'LA-CT', '2020-09-30');
    const d = await detail(head, c!.id);
    expect(d.canManage).toBe(true);
    expect(d.members[0]).toMatchObject({ role: 'chair' });
    expect(d.members.filter((m) => m.role === 'standing').map((m) => m.name)).toEqual(['Lê Minh Tuấn']);
    expect(d.meetings).toHaveLength(21); // April and October 2015–2024, April 2025
    expect(d.meetings.every((m) => m.attendance.length > 0 && m.attendance.some((a) => !a.present))).toBe(true);
    expect(new Set(d.tasks.map((x) => x.state))).toEqual(new Set(['done', 'overdue']));
    for (const x of d.tasks) expect(x.deadline >= x.meetingHeldOn).toBe(true);
  });

  it('the provincial committee from an office: read-only there, with an overdue and open tasks', async () => {
    const [c] = await inForce(head, 'TN-KV3', '2026-11-20');
    const d = await detail(head, c!.id);
    expect(d.canManage).toBe(false);
    expect((await detail(province, c!.id)).canManage).toBe(true);
    expect((await detail(inspector, c!.id)).canManage).toBe(false);
    const overdue = d.tasks.find((x) => x.deadline === '2026-09-30')!;
    expect(overdue).toMatchObject({ status: 'open', state: 'overdue', daysOverdue: 51 });
    expect(d.tasks.filter((x) => x.state === 'open').length).toBeGreaterThanOrEqual(2);
  });
});

describe('writes', () => {
  const tn = async () => (await inForce(province, 'TN', '2026-11-20'))[0]!.id;

  it('a meeting with attendance and conclusions→tasks in one transaction, with its audit row', async () => {
    const id = await tn();
    const d = await detail(province, id);
    const r = await t.as(province, 'POST', `/api/steering/committees/${id}/meetings`, {
      heldOn: '2026-11-18', kind: 'extraordinary', agenda: 'Cưỡng chế việc lớn tại xã Tầm Vu', minutes: 'Thống nhất phương án.',
      attendance: d.members.map((m, i) => ({ memberId: m.id, present: i !== 3 })),
      tasks: [{ text: 'Lập kế hoạch bảo vệ cưỡng chế', ownerAgency: 'Công an tỉnh Tây Ninh', deadline: '2026-11-30' }],
    });
    expect(r.statusCode, r.body).toBe(201);
    const { meetingId, taskIds } = r.json() as { meetingId: string; taskIds: string[] };
    expect(taskIds).toHaveLength(1);
    const after = await detail(province, id);
    expect(after.meetings[0]).toMatchObject({ id: meetingId, heldOn: '2026-11-18', kind: 'extraordinary' });
    expect(after.meetings[0]!.attendance.filter((a) => !a.present)).toHaveLength(1);
    expect(after.tasks.find((x) => x.id === taskIds[0])).toMatchObject({ state: 'open', deadline: '2026-11-30' });
    const audit = await sql<{ action: string }>`SELECT action FROM audit_log WHERE entity_type = 'steering_meeting' AND entity_id = ${meetingId}`.execute(t.rt.db);
    expect(audit.rows.map((x) => x.action)).toEqual(['steering.meeting_recorded']);
  });

  it('bad meetings are refused with the rule and the field, nothing written', async () => {
    const id = await tn();
    const district = (await inForce(head, 'LA-CT', '2020-09-30'))[0]!.id;
    const outsider = (await detail(head, district)).members[0]!.id;
    const members = (await detail(province, id)).members;
    const before = [await count('steering_meetings'), await count('steering_tasks'), await count('steering_meeting_attendance')];
    const cases: [Record<string, unknown>, string, string][] = [
      [{ attendance: [{ memberId: outsider, present: true }] }, 'attendance_not_member', 'attendance.0.memberId'],
      [{ tasks: [{ text: 'x', ownerAgency: 'y', deadline: '2026-11-01' }] }, 'task_deadline_before_meeting', 'tasks.0.deadline'],
      [{ heldOn: '2025-06-15', attendance: [] }, 'meeting_outside_committee', 'heldOn'],
      [{ heldOn: '2026-11-21', attendance: [] }, 'meeting_in_future', 'heldOn'],
    ];
    for (const [over, rule, field] of cases) {
      const r = await t.as(province, 'POST', `/api/steering/committees/${id}/meetings`, {
        heldOn: '2026-11-10', kind: 'periodic', agenda: 'Họp định kỳ', attendance: [{ memberId: members[0]!.id, present: true }],
        tasks: [{ text: 'Việc', ownerAgency: 'Sở Tư pháp', deadline: '2026-12-31' }], ...over,
      });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.details).toContainEqual(expect.objectContaining({ rule, field }));
    }
    expect([await count('steering_meetings'), await count('steering_tasks'), await count('steering_meeting_attendance')]).toEqual(before);
  });

  it('an office head cannot record in the provincial committee (404), the inspector cannot write (403)', async () => {
    const id = await tn();
    const body = { heldOn: '2026-11-10', kind: 'periodic', agenda: 'Họp', attendance: [], tasks: [] };
    expect((await t.as(head, 'POST', `/api/steering/committees/${id}/meetings`, body)).statusCode).toBe(404);
    expect((await t.as(inspector, 'POST', `/api/steering/committees/${id}/meetings`, body)).statusCode).toBe(403);
    expect((await t.as(province, 'POST', `/api/steering/committees/${hnCommittee}/meetings`, body)).statusCode).toBe(404);
  });

  it('follow-ups (by the office on the provincial committee’s task) and status changes (by the province)', async () => {
    const id = await tn();
    const task = (await detail(head, id)).tasks.find((x) => x.deadline === '2026-09-30')!;
    const f = await t.as(head, 'POST', `/api/steering/tasks/${task.id}/followups`, { on: '2026-11-19', note: 'Đã có văn bản đôn đốc lần 2.' });
    expect(f.statusCode, f.body).toBe(201);
    expect(f.json().task.followups.map((x: { note: string }) => x.note)).toContain('Đã có văn bản đôn đốc lần 2.');
    const early = await t.as(head, 'POST', `/api/steering/tasks/${task.id}/followups`, { on: '2026-04-01', note: 'x' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0]).toMatchObject({ rule: 'followup_before_meeting', field: 'on' });
    expect((await t.as(head, 'PATCH', `/api/steering/tasks/${task.id}`, { status: 'done', doneOn: '2026-11-19' })).statusCode).toBe(404);
    const bad = await t.as(province, 'PATCH', `/api/steering/tasks/${task.id}`, { status: 'done' });
    expect(bad.json().error.details[0]).toMatchObject({ rule: 'task_done_on' });
    const done = await t.as(province, 'PATCH', `/api/steering/tasks/${task.id}`, { status: 'done', doneOn: '2026-11-19' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().task).toMatchObject({ status: 'done', state: 'done', doneOn: '2026-11-19', daysOverdue: 0 });
    const audit = await sql<{ action: string }>`SELECT action FROM audit_log WHERE entity_type = 'steering_task' AND entity_id = ${task.id} ORDER BY id`.execute(t.rt.db);
    expect(audit.rows.map((x) => x.action)).toEqual(['steering.task_followup', 'steering.task_status']);
  });

  it('a committee of the wrong level for its unit or its dates is refused', async () => {
    const base = { name: 'Ban Chỉ đạo', decision: { number: '2/QĐ', date: '2025-07-01', signer: 'Chủ tịch' }, validFrom: '2025-07-01' };
    const cases: [Session, Record<string, unknown>, string][] = [
      [head, { ...base, level: 'district', unit: 'TN-KV3' }, 'committee_level_not_existing'],
      [province, { ...base, level: 'district', unit: 'TN' }, 'committee_unit_level'],
      [province, { ...base, level: 'province', unit: 'TN-KV3' }, 'committee_unit_level'],
      [province, { ...base, level: 'province', unit: 'TN', decision: { ...base.decision, date: '2025-07-02' } }, 'decision_after_start'],
    ];
    const before = await count('steering_committees');
    for (const [s, body, rule] of cases) {
      const r = await t.as(s, 'POST', '/api/steering/committees', body);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.details.map((x: { rule: string }) => x.rule)).toContain(rule);
    }
    expect((await t.as(head, 'POST', '/api/steering/committees', { ...base, level: 'province', unit: 'HN' })).statusCode).toBe(404);
    expect(await count('steering_committees')).toBe(before);
  });
});

const documentXml = async (bytes: Buffer) => {
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('word/document.xml')!.async('string');
};

describe('GET /api/steering/report.docx', () => {
  it('a Word file holding the statistics’ figures, the difficult cases, the mobilisation figures, the open tasks and the proposals', async () => {
    const r = await t.as(head, 'GET', `/api/steering/report.docx?unit=TN-KV3&to=2026-11-20&proposal=${encodeURIComponent('Đề nghị hỗ trợ kinh phí cưỡng chế.')}`);
    expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(r.headers['content-disposition']).toBe('attachment; filename="bao-cao-ban-chi-dao-TN-KV3-2026-11-20.docx"');
    const xml = await documentXml(r.rawPayload);
    const stats = (await t.as(head, 'GET', '/api/statistics/report?unit=TN-KV3&to=2026-11-20')).json();
    const report = stats.report ?? stats;
    expect(xml).toContain('BÁO CÁO');
    expect(xml).toContain('gửi Ban Chỉ đạo thi hành án dân sự tỉnh Tây Ninh');
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain(`tổng số thụ lý ${groupDigits(report.cases.total)} việc; có điều kiện thi hành ${groupDigits(report.cases.with_means)} việc`);
    expect(report.cases.with_means).toBe(3);
    expect(xml).toContain(`tổng số thụ lý ${groupDigits(report.money.total)} đ`);
    for (const id of caseIds) expect(xml).toContain(id);
    expect(xml).toContain('900.000.000 đ'); // the largest outstanding first; 250,000,000 less the 50,000,000 paid
    expect(xml).toContain('200.000.000 đ');
    expect(xml.indexOf('900.000.000 đ')).toBeLessThan(xml.indexOf('200.000.000 đ'));
    // no team visited these cases: the mobilisation results service (wired in runtime.ts) answers zeros
    expect(xml).toContain('Số Tổ vận động thi hành án dân sự: 0; số lượt vận động: 0.');
    expect(xml).toContain('Bố trí kinh phí hỗ trợ hoạt động của Ban Chỉ đạo');
    expect(xml).toContain('Đề nghị hỗ trợ kinh phí cưỡng chế.');
  });

  it('for an office before 2025, the district committee; without proposals, the default sentence', async () => {
    const xml = await documentXml((await t.as(head, 'GET', '/api/steering/report.docx?unit=LA-CT&to=2020-09-30')).rawPayload);
    expect(xml).toContain('gửi Ban Chỉ đạo thi hành án dân sự huyện Châu Thành');
    expect(xml).toContain('Đề nghị Ban Chỉ đạo tiếp tục chỉ đạo');
  });

  it('out of scope 404; bad dates refused', async () => {
    expect((await t.as(head, 'GET', '/api/steering/report.docx?unit=HN&to=2026-11-20')).statusCode).toBe(404);
    expect((await t.as(head, 'GET', '/api/steering/report.docx?unit=TN-KV3&to=2026-02-30')).statusCode).toBe(400);
  });

  it('the builder prints the mobilisation figures when given', async () => {
    const bytes = await buildSteeringReportDocx({
      unitName: 'Phòng Thi hành án dân sự khu vực 3 – Tây Ninh', committeeName: null, period: { from: '2025-10-01', to: '2026-09-30' }, signedOn: '2026-09-30',
      figures: {
        cases: { total: 10, withMeans: 8, resolved: 6, completed: 5, rate: 75, target: 80, excess: -5 },
        money: { total: 10n, withMeans: 8n, resolved: 6n, completed: 5n, rate: 75, target: null, excess: null },
      },
      largestCases: [], longPendingCases: [], tasks: [], proposals: [],
      mobilisation: { teams: 13, visits: 1234, casesResolved: 56, moneyResolved: 7_890_000_000n, coercionsAvoided: 9 },
    });
    const xml = await documentXml(bytes);
    expect(xml).toContain('Số Tổ vận động thi hành án dân sự: 13; số lượt vận động: 1.234.');
    expect(xml).toContain('Kết quả sau vận động: 56 việc, 7.890.000.000 đ được giải quyết; số việc không phải tổ chức cưỡng chế nhờ vận động: 9.');
    expect(xml).toContain('chưa đạt 5,00%');
    expect(xml).toContain('Không có Ban Chỉ đạo thi hành án dân sự hoạt động trong kỳ báo cáo.');
  });
});
