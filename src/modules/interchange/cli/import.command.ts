import type { Runtime } from '../../../platform/runtime.js';
import type { ImportProgress } from '../app/import.service.js';
import { formatIssue } from '../app/issues.js';
import { formatDecimal, groupDigits } from '../../../kernel/format/index.js';

const seconds = (s: number) => formatDecimal(s, 1);

const USAGE = 'Cách dùng / usage: thads import TỆP.jsonl [TỆP…]\n';

/** Shows progress on stderr for large imports: at most one line a second per phase, and each phase's total. */
export class ProgressPrinter {
  private phase: ImportProgress['phase'] | null = null;
  private started = 0;
  private lastPrint = 0;
  private last: ImportProgress | null = null;
  private lastAt = 0;
  private printed: ImportProgress | null = null;
  /** Cases in the import, known once validation starts. */
  private cases = 0;

  constructor(
    private readonly write: (line: string) => void,
    private readonly threshold = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  on(p: ImportProgress): void {
    if (p.phase === 'validate' && p.total !== null) this.cases = p.total;
    if (p.phase !== this.phase) {
      this.finish();
      this.phase = p.phase;
      this.started = this.now();
      this.lastPrint = this.started;
    }
    this.last = p;
    this.lastAt = this.now();
    if (this.lastAt - this.lastPrint >= 1000) {
      this.lastPrint = this.lastAt;
      this.print(p);
    }
  }

  /** Prints where the current phase ended, when the import is large. */
  finish(): void {
    if (this.last && this.last !== this.printed && this.cases >= this.threshold && this.last.done > 0) this.print(this.last);
    this.last = null;
  }

  private print(p: ImportProgress): void {
    this.printed = p;
    const s = Math.max((this.lastAt - this.started) / 1000, 0.001);
    const [verb, unit] = p.phase === 'parse' ? ['Đã đọc', 'dòng'] : p.phase === 'validate' ? ['Đã kiểm tra', 'việc'] : ['Đã ghi', 'việc'];
    const of = p.total !== null ? `/${groupDigits(p.total)}` : '';
    this.write(`${verb} ${groupDigits(p.done)}${of} ${unit} — ${seconds(s)} giây, ${groupDigits(Math.round(p.done / s))} ${unit}/giây`);
  }
}

/** `thads import FILE…`: all or nothing; every problem printed as file:line: field: message. Exit 1 on problems. */
export async function importCommand(args: string[], open: (fn: (rt: Runtime) => Promise<number>) => Promise<number>): Promise<number> {
  const err = (s: string) => process.stderr.write(`${s}\n`);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const bad = args.find((a) => a.startsWith('-'));
  if (args.length === 0 || bad) {
    err(bad ? `Tùy chọn không hợp lệ / unknown option: ${bad}` : 'Cần ít nhất một tệp / at least one file is needed.');
    process.stderr.write(USAGE);
    return 2;
  }
  return open(async (rt) => {
    const printer = new ProgressPrinter(err);
    const result = await rt.imports.run(args, { onProgress: (p) => printer.on(p) });
    printer.finish();
    if (!result.ok) {
      for (const i of result.issues) err(formatIssue(i));
      err(`Không nhập dữ liệu nào: ${groupDigits(result.issues.length)} lỗi. Sửa tệp rồi chạy lại.`);
      return 1;
    }
    const c = result.counts;
    process.stdout.write(
      `Nhập xong trong ${seconds(result.seconds)} giây: ${groupDigits(c.casesCreated)} việc mới, ${groupDigits(c.casesUpdated)} việc bổ sung sự kiện, ` +
        `${groupDigits(c.eventsWritten)} sự kiện; ${groupDigits(c.offices)} đơn vị, ${groupDigits(c.communes)} xã/phường, ${groupDigits(c.enforcers)} chấp hành viên, ` +
        `${groupDigits(c.targets)} chỉ tiêu; ${groupDigits(c.skipped)} bản ghi đã có (bỏ qua).\n` +
        (c.teams + c.assignments + c.campaigns > 0
          ? `Vận động: ${groupDigits(c.teams)} tổ vận động, ${groupDigits(c.assignments)} lần giao việc, ${groupDigits(c.visitsWritten)} lượt vận động, ${groupDigits(c.campaigns)} đợt cao điểm.\n`
          : ''),
    );
    // The import wrote each case's statistics rows and moved the stored totals, unless it had to mark them
    // stale (BulkStatistics): then they are recomputed now. The import itself is committed already; if this
    // step is interrupted, the first report does it, and reports are correct meanwhile (full query).
    if (c.casesCreated + c.casesUpdated > 0) {
      const s = await rt.statistics.prepare({ onProgress: (m) => err(`Thống kê: ${m.trim()}`) });
      if (s) err(`Đã tính lại tổng số thống kê: ${groupDigits(s.snapshots)} ngày chốt (${s.firstAsOf ?? '—'} … ${s.lastAsOf ?? '—'}).`);
      else err('Số liệu thống kê đã cập nhật cùng dữ liệu nhập.');
    }
    return 0;
  });
}
