import { parseArgs } from 'node:util';
import type { Runtime } from '../../../platform/runtime.js';
import { formatDateVi } from '../../../kernel/calendar/index.js';
import { systemReader } from '../../organisation/domain/index.js';
import {
  CASE_KEYS, FORM_LABELS_VI, formatAmountVi, formatExcessVi, formatPercentVi, MONEY_KEYS, resolvePeriod, stringifyReport, toThousandDong,
  type StatisticsReport,
} from '../domain/index.js';

const USAGE = `Cách dùng / usage:
  thads report --office MÃ --to YYYY-MM-DD [--from YYYY-MM-DD] [--json]
      báo cáo kết quả thi hành án của một đơn vị (khu vực, tỉnh hoặc toàn quốc); --json: đối tượng JSON (statistics.md §7)
  thads report --rebuild [--from-fiscal-year NĂM]
      tính lại toàn bộ số liệu thống kê; lưu sẵn tổng số của năm tài chính hiện tại và 4 năm trước,
      --from-fiscal-year: lưu sẵn từ năm đó (báo cáo các năm cũ hơn vẫn tính được, chậm hơn)
`;

type Run = (fn: (rt: Runtime) => Promise<number>) => Promise<number>;

const fail = (message: string) => {
  process.stderr.write(`Lỗi: ${message}\n\n${USAGE}`);
  return 1;
};

/** `thads report …`: statistics.md §7. Arguments are checked before the database is opened. */
export async function reportCommand(args: string[], run: Run): Promise<number> {
  let values: { office?: string; to?: string; from?: string; json?: boolean; rebuild?: boolean; 'from-fiscal-year'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        office: { type: 'string' }, to: { type: 'string' }, from: { type: 'string' }, json: { type: 'boolean' },
        rebuild: { type: 'boolean' }, 'from-fiscal-year': { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.rebuild) {
    const fy = values['from-fiscal-year'];
    if (fy !== undefined && !/^\d{4}$/.test(fy)) return fail(`--from-fiscal-year "${fy}" không phải một năm (YYYY).`);
    return run(async (rt) => {
      const s = await rebuildAll(rt, { fromFiscalYear: fy === undefined ? undefined : Number(fy) });
      process.stdout.write(`Đã tính lại thống kê: ${s.cases} việc, ${s.episodes} giai đoạn; ${s.snapshots} ngày lưu tổng số (${s.firstAsOf ?? '—'} … ${s.lastAsOf ?? '—'}).\n`);
      return 0;
    });
  }
  if (!values.office) return fail('thiếu --office MÃ (mã đơn vị: khu vực, tỉnh hoặc toàn quốc).');
  if (!values.to) return fail('thiếu --to YYYY-MM-DD (ngày cuối kỳ).');
  const { office, json } = values;
  const checked = resolvePeriod(values.to, values.from ?? null);
  if (!checked.ok) return fail(checked.errors.map((e) => `--${e.field}: ${e.message}`).join('\n'));
  const period = checked.value;
  return run(async (rt) => {
    const r = await rt.statistics.report(systemReader('thads report: the operator on the server'), office, period.to, period.from);
    if (json) process.stdout.write(`${stringifyReport(r.report, 2)}\n`);
    else process.stdout.write(formatReportVi(r.report, r.unit.name));
    if (r.identities.length > 0) {
      process.stderr.write(`Cảnh báo: số liệu không cân đối: ${r.identities.map((v) => `${v.form} ${v.identity}: ${v.left} ≠ ${v.right}`).join('; ')}\n`);
      return 1;
    }
    return 0;
  });
}

/** `thads report --rebuild`: recomputes the per-case rows and the stored totals from the case register. */
async function rebuildAll(rt: Runtime, opts: { fromFiscalYear?: number | undefined } = {}) {
  return rt.statistics.rebuild({
    ...(opts.fromFiscalYear === undefined ? {} : { fromFiscalYear: opts.fromFiscalYear }),
    onProgress: (m) => process.stderr.write(`${m}\n`),
  });
}

/** The report as a readable table: both forms side by side, money in thousands of đồng (statistics.md §4). */
export function formatReportVi(r: StatisticsReport, unitName: string): string {
  const rows: [string, string, string][] = [];
  for (const k of MONEY_KEYS) {
    const cases = (CASE_KEYS as readonly string[]).includes(k) ? String(r.cases[k as (typeof CASE_KEYS)[number]]) : '—';
    rows.push([FORM_LABELS_VI[k], cases, formatAmountVi(toThousandDong(r.money[k]))]);
    if (k === 'resolved') rows.push([FORM_LABELS_VI.rate, pct(r.cases.rate), pct(r.money.rate)]);
  }
  if (r.target) {
    rows.push(['Chỉ tiêu giao', pct(r.target.cases), pct(r.target.money)]);
    rows.push(['So với chỉ tiêu', formatExcessVi(r.excess?.cases ?? null), formatExcessVi(r.excess?.money ?? null)]);
  }
  const header: [string, string, string] = ['CHỈ TIÊU', 'VỀ VIỆC', 'VỀ TIỀN (nghìn đồng)'];
  const w = [0, 1, 2].map((i) => Math.max(...[header, ...rows].map((x) => x[i]!.length)));
  const line = (x: [string, string, string]) => `${x[0].padEnd(w[0]!)}  ${x[1].padStart(w[1]!)}  ${x[2].padStart(w[2]!)}`;
  const p = r.policies;
  return [
    `Kết quả thi hành án dân sự — ${unitName} (${r.office})`,
    `Kỳ báo cáo: ${formatDateVi(r.period.from)} – ${formatDateVi(r.period.to)}`,
    `Chính sách: giải quyết xong về tiền = ${p.moneyResolved.join(' + ') || '(không)'}; căn cứ hoãn tính vào chưa có điều kiện: ${p.postponementGroundsWithoutMeans.join('; ') || '(không)'}`,
    '',
    line(header),
    ...rows.map(line),
    '',
  ].join('\n');
}

const pct = (x: number | null) => (x === null ? '—' : `${formatPercentVi(x)}%`);
