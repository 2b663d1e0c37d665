import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { isEmpty, loadDemoOrganisation } from '../app/demo-organisation.js';
import { CURRENT_OFFICE, DEMO_TODAY, FORMER_OFFICE, YEAR_PLANS } from '../app/chau-thanh-plan.js';
import { demoDataLoaded, loadDemoData } from '../app/load-demo-data.js';
import type { Runtime } from '../../../platform/runtime.js';
import { fiscalYearBounds, fiscalYearOf, formatExcessVi, formatPercentVi } from '../../statistics/domain/index.js';
import { formatDateVi } from '../../../kernel/calendar/index.js';
import { groupDigits } from '../../../kernel/format/index.js';
import { systemReader } from '../../organisation/domain/index.js';

const USAGE = `Cách dùng / usage: thads demo [--today YYYY-MM-DD] [--seed N]
  nạp tổ chức mẫu và dữ liệu mẫu (Chi cục THADS huyện Châu Thành 2010–2025, Phòng THADS khu vực 3 – Tây Ninh)
  nếu chưa có; chạy lại không thay đổi gì (load the demo organisation and cases if absent; idempotent).
  --today: ngày cuối của dữ liệu (mặc định ${DEMO_TODAY}); --seed: hạt giống (mặc định: cố định)
`;

type Run = (fn: (rt: Runtime) => Promise<number>) => Promise<number>;

/** `thads demo`: the demo organisation and data, then a summary through the real report path. */
export async function demoCommand(args: string[], run: Run): Promise<number> {
  let values: { today?: string; seed?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args, strict: true, allowPositionals: false, options: { today: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    process.stderr.write(`Lỗi: ${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const today = values.today ?? DEMO_TODAY;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || today < '2020-10-01') {
    process.stderr.write(`Lỗi: --today "${today}" phải là một ngày YYYY-MM-DD từ 2020-10-01.\n`);
    return 2;
  }
  if (values.seed !== undefined && !/^\d{1,9}$/.test(values.seed)) {
    process.stderr.write(`Lỗi: --seed "${values.seed}" phải là một số nguyên dương.\n`);
    return 2;
  }
  const log = (m: string) => process.stderr.write(`${m}\n`);
  return run(async (rt) => {
    // Never into a database that holds another organisation: the demo units would clash with it.
    if (!(await isEmpty(rt.db)) && !(await rt.db.selectFrom('reference_data').where('name', '=', 'demo-organisation').select('name').executeTakeFirst())) {
      process.stderr.write('Lỗi: cơ sở dữ liệu đã có dữ liệu (không phải tổ chức mẫu); không nạp dữ liệu mẫu vào đây.\n');
      return 1;
    }
    if (await loadDemoOrganisation(rt.db)) log('Đã nạp tổ chức và người dùng mẫu (demo).');
    else log('Tổ chức mẫu đã có.');
    if (await demoDataLoaded(rt.db)) log('Dữ liệu mẫu đã có: không thay đổi gì.');
    else await loadDemoData(rt, { today, log, ...(values.seed !== undefined ? { seed: Number(values.seed) } : {}) });
    rt.units.invalidate();
    await printSummary(rt);
    return 0;
  });
}

/** Cases, events and the results of each fiscal year, from the database through the statistics service. */
async function printSummary(rt: Runtime): Promise<void> {
  const count = async (table: 'cases' | 'case_events') => Number((await rt.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const cases = await count('cases');
  const events = await count('case_events');
  const last = await rt.db.selectFrom('case_events').select(sql<string | null>`max("on")::text`.as('d')).executeTakeFirst();
  const lastDay = last?.d ?? null;
  const out: string[] = ['', `Dữ liệu: ${groupDigits(cases)} việc, ${groupDigits(events)} sự kiện${lastDay ? `, đến ngày ${formatDateVi(lastDay)}` : ''}.`, ''];
  const header = ['Năm', 'Đơn vị', 'Cũ', 'Mới', 'Có ĐK', 'Xong', 'Tỷ lệ việc', 'Chỉ tiêu', '', 'Tỷ lệ tiền', 'Chỉ tiêu', ''];
  const rows: string[][] = [];
  for (const plan of YEAR_PLANS) {
    const fy = plan.fiscalYear;
    const bounds = fiscalYearBounds(fy);
    if (lastDay !== null && bounds.from > lastDay) break;
    const to = lastDay !== null && lastDay < bounds.to && fiscalYearOf(lastDay) === fy ? lastDay : bounds.to;
    const office = fy >= 2025 ? CURRENT_OFFICE : FORMER_OFFICE;
    const r = (await rt.statistics.report(systemReader('thads demo: the table of the loaded demo'), office, to)).report;
    rows.push([
      String(fy) + (to !== bounds.to ? '*' : ''), office, groupDigits(r.cases.carried_over), groupDigits(r.cases.new), groupDigits(r.cases.with_means), groupDigits(r.cases.resolved),
      `${formatPercentVi(r.cases.rate)}%`, r.target ? `${formatPercentVi(r.target.cases)}%` : '—', formatExcessVi(r.excess?.cases ?? null),
      `${formatPercentVi(r.money.rate)}%`, r.target ? `${formatPercentVi(r.target.money)}%` : '—', formatExcessVi(r.excess?.money ?? null),
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i <= 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  out.push(line(header), ...rows.map(line));
  out.push('', `(* năm hiện tại, đến ngày cuối của dữ liệu; năm 2025 trở đi: ${CURRENT_OFFICE} gồm cả việc của ${FORMER_OFFICE})`, '');
  process.stdout.write(out.join('\n'));
}
