import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../../platform/db/database.js';
import { systemReader, UnitDirectory } from '../../organisation/index.js';
import { StatisticsService } from '../../statistics/index.js';
import { CampaignsService, insertCampaign, replaceParticipants, upsertNamedCases, type CampaignCaseReason, type CampaignDecider } from '../../mobilisation/index.js';
import { CURRENT_OFFICE, DEMO_TODAY, FORMER_OFFICE, REORGANISATION_DAY } from './chau-thanh-plan.js';

/**
 * The demo's peak campaigns (đợt cao điểm): one in every fiscal year 2015–2026 over the demo office (LA-CT
 * until 30/06/2025, TN-KV3 afterwards), decided in turn by the steering committee and by the office, with
 * targets drawn from the office's open cases at the start, its three largest outstanding cases named, and
 * one campaign still running at the demo's today. Campaigns ended before today are closed through the
 * service's own close (the figures frozen from the statistics engine, read with a system reader). Reads the
 * cases only: no case event changes, so the published rates stay exact.
 */
const PLAN: readonly { fiscalYear: number; from: string; to: string }[] = [
  ...Array.from({ length: 10 }, (_, i) => 2015 + i).map((y) => ({ fiscalYear: y, from: `${y}-06-01`, to: `${y}-07-31` })),
  { fiscalYear: 2025, from: '2025-05-15', to: '2025-06-30' },
  { fiscalYear: 2026, from: '2026-06-01', to: '2026-07-31' },
  { fiscalYear: 2027, from: '2026-10-15', to: '2026-12-15' },
];

const SIGNERS = { committee: 'Trưởng Ban Chỉ đạo thi hành án dân sự', office: 'Thủ trưởng cơ quan thi hành án dân sự' } as const;

export async function loadDemoCampaigns(db: Db): Promise<number> {
  const offices = await db.selectFrom('units').select(['id', 'code']).where('code', 'in', [FORMER_OFFICE, CURRENT_OFFICE]).execute();
  const idOf = new Map(offices.map((o) => [o.code, o.id]));
  if (idOf.size !== 2) return 0;
  const existing = await db.selectFrom('campaigns').select('id').where('scope_unit_id', 'in', [...idOf.values()]).limit(1).executeTakeFirst();
  if (existing) return 0;
  const clock = { now: () => new Date(`${DEMO_TODAY}T03:00:00Z`) };
  const units = new UnitDirectory(db);
  const campaigns = new CampaignsService(db, units, new StatisticsService(db, units, clock), clock);
  let n = 0;
  for (const [i, p] of PLAN.entries()) {
    const code = p.to < REORGANISATION_DAY ? FORMER_OFFICE : CURRENT_OFFICE;
    const officeId = idOf.get(code)!;
    const open = await openCasesAt(db, officeId, p.from);
    if (open.count === 0) continue;
    const decidedBy: CampaignDecider = i % 2 === 0 ? 'committee' : 'office';
    const calendarYear = p.from.slice(0, 4);
    const name = p.fiscalYear === 2027 ? 'Đợt cao điểm thi hành án cuối năm 2026' : `Đợt cao điểm thi hành án năm ${calendarYear}`;
    const decisionDate = `${p.from.slice(0, 8)}${p.from.endsWith('-01') ? '01' : '10'}`;
    const id = await db.transaction().execute(async (tx) => {
      const campaignId = await insertCampaign(tx, {
        name, decidedBy, scopeUnitId: officeId, from: p.from, to: p.to, createdBy: null,
        decision: { number: `${40 + i}/QĐ-${decidedBy === 'committee' ? 'BCĐ' : 'CCTHADS'}`, date: decisionDate, signer: SIGNERS[decidedBy] },
        // about a sixth of the open cases and a twentieth of what they owe, in round figures
        targets: {
          cases: Math.max(5, Math.round(open.count / 6)), money: roundMillions(open.outstanding / 20n),
          casesRate: null, moneyRate: null,
        },
      });
      await replaceParticipants(tx, campaignId, [
        { unitId: officeId, teamId: null, enforcerCode: null, role: 'Đơn vị chủ trì' },
        ...(await enforcersOf(tx, officeId)).map((e) => ({ unitId: null, teamId: null, enforcerCode: e, role: 'Chấp hành viên' })),
      ]);
      await upsertNamedCases(tx, campaignId, open.largest.map((c) => ({
        caseId: c.caseId, reason: (c.acceptedOn < shiftYears(p.from, -2) ? 'long_pending' : 'large_amount') as CampaignCaseReason,
        note: 'Việc có số tiền phải thi hành lớn nhất khi bắt đầu đợt.',
      })), null);
      return campaignId;
    });
    if (p.to < DEMO_TODAY) await campaigns.closeForSystem(systemReader('demo'), id);
    n += 1;
  }
  return n;
}

const roundMillions = (x: bigint) => (x < 1_000_000n ? 1_000_000n : (x / 1_000_000n) * 1_000_000n);
const shiftYears = (d: string, n: number) => `${Number(d.slice(0, 4)) + n}${d.slice(4)}`;

async function enforcersOf(db: DbOrTx, officeId: number): Promise<string[]> {
  const rows = await db.selectFrom('enforcers').select('code').where('unit_id', '=', officeId).orderBy('code').execute();
  return rows.map((r) => r.code);
}

/** The cases the office holds open on `on` (derived statistics rows): how many, what they owe, the three largest. */
async function openCasesAt(db: Db, officeId: number, on: string) {
  const rows = await sql<{ case_id: string; accepted_on: string; outstanding: string }>`
    SELECT e.case_id, c.accepted_on::text AS accepted_on,
           (e.value_at_start - coalesce((SELECT sum(f.amount) FROM stat_flows f WHERE f.case_id = e.case_id AND f.episode_no = e.episode_no AND f."on" < ${on}::date), 0))::text AS outstanding
      FROM stat_episodes e
      JOIN stat_offices o ON o.case_id = e.case_id AND o.from_on <= ${on}::date AND (o.to_on IS NULL OR o.to_on > ${on}::date)
      JOIN cases c ON c.id = e.case_id
     WHERE o.office_id = ${officeId} AND e.start_on < ${on}::date AND (e.end_on IS NULL OR e.end_on >= ${on}::date)`.execute(db);
  const list = rows.rows.map((r) => ({ caseId: r.case_id, acceptedOn: r.accepted_on, outstanding: BigInt(r.outstanding) })).filter((r) => r.outstanding > 0n);
  list.sort((a, b) => (a.outstanding === b.outstanding ? (a.caseId < b.caseId ? -1 : 1) : a.outstanding > b.outstanding ? -1 : 1));
  return { count: list.length, outstanding: list.reduce((s, r) => s + r.outstanding, 0n), largest: list.slice(0, 3) };
}
