import { AppError } from '../../../kernel/errors.js';
import type { Reader } from '../../organisation/index.js';
import { STATUS_VI } from '../../cases/index.js';
import type { StatisticsService } from '../../statistics/index.js';
import { buildSteeringReportDocx, type DifficultCase, type MobilisationFigures } from '../infra/steering-report-docx.js';
import type { SteeringService } from './steering.service.js';

/** Where section III's figures come from: the mobilisation results service, once wired (absent: "—"). */
export type MobilisationFiguresSource = (reader: Reader, unitCode: string, from: string, to: string) => Promise<MobilisationFigures | null>;

/** How many cases each list of section II names. */
export const DIFFICULT_CASES_LISTED = 10;
/** How many pending cases with means are read to pick the lists from (the drill-down of the statistics). */
const DIFFICULT_CASES_READ = 500;

/**
 * The office's periodic report to its steering committee (.docx): section I from the statistics engine
 * (the fiscal year to `to`), section II from the drill-down of the pending cases with means at `to`
 * (largest outstanding, longest pending), section III from the mobilisation figures, section IV the tasks of
 * the committee in force at `to` not done, section V the proposals.
 */
export async function steeringReportDocx(
  deps: { statistics: StatisticsService; steering: SteeringService; mobilisation?: MobilisationFiguresSource | undefined },
  reader: Reader,
  q: { unit: string; to: string; proposals?: string[] | undefined; place?: string | undefined },
): Promise<{ bytes: Buffer; fileName: string }> {
  const { unit, parent, committees, tasks } = await deps.steering.forReport(reader, q.unit, q.to);
  if (unit.level === 'national') throw new AppError('VALIDATION_FAILED', [{ field: 'unit', rule: 'office_or_province', message: 'Báo cáo gửi Ban Chỉ đạo là của một cơ quan thi hành án cấp tỉnh hoặc cấp khu vực/huyện.' }]);
  const { report } = await deps.statistics.report(reader, q.unit, q.to);
  const pending = await deps.statistics.cases(reader, q.unit, q.to, null, { form: 'money', key: 'carried_forward_with_means', page: 1, pageSize: DIFFICULT_CASES_READ });
  const rows: DifficultCase[] = pending.items.map((i) => ({
    caseId: i.caseId, outstanding: BigInt(i.value), status: STATUS_VI[i.status as keyof typeof STATUS_VI] ?? i.status, since: i.episodeStart,
  }));
  const largest = [...rows].sort((a, b) => (a.outstanding === b.outstanding ? a.caseId.localeCompare(b.caseId) : a.outstanding > b.outstanding ? -1 : 1)).slice(0, DIFFICULT_CASES_LISTED);
  const longPending = [...rows].sort((a, b) => a.since.localeCompare(b.since) || a.caseId.localeCompare(b.caseId)).slice(0, DIFFICULT_CASES_LISTED);
  const mobilisation = deps.mobilisation ? await deps.mobilisation(reader, q.unit, report.period.from, report.period.to) : null;
  const c = report.cases;
  const m = report.money;
  const bytes = await buildSteeringReportDocx({
    unitName: unit.name, parentUnitName: parent?.name, committeeName: committees[0]?.name ?? null, period: report.period, signedOn: q.to, place: q.place,
    figures: {
      cases: { total: c.total, withMeans: c.with_means, resolved: c.resolved, completed: c.completed, rate: c.rate, target: report.target?.cases ?? null, excess: report.excess?.cases ?? null },
      money: { total: m.total, withMeans: m.with_means, resolved: m.resolved, completed: m.completed, rate: m.rate, target: report.target?.money ?? null, excess: report.excess?.money ?? null },
    },
    largestCases: largest, longPendingCases: longPending, mobilisation,
    tasks: tasks.filter((t) => t.state === 'open' || t.state === 'overdue').map((t) => ({
      text: t.text, ownerAgency: t.ownerAgency, deadline: t.deadline, state: t.state, lastFollowup: t.followups.at(-1)?.note ?? null,
    })),
    proposals: q.proposals ?? [],
  });
  return { bytes, fileName: `bao-cao-ban-chi-dao-${unit.code}-${q.to}.docx` };
}
