import { todayInVietnam } from '../../../platform/clock.js';
import type { Runtime } from '../../../platform/runtime.js';
import { isUnitValidOn } from '../domain/unit-scope.js';
import { formatDateVi } from '../../../kernel/calendar/index.js';

const LEVEL = { national: 'trung ương', province: 'tỉnh', office: 'khu vực' } as const;
const vnDate = (d: string | null) => (d ? formatDateVi(d) : '…');

/** `thads office list [--all]`: the organisation registry as a table. */
export async function officeCommand(rt: Runtime, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'list') {
    process.stderr.write('Cách dùng: thads office list [--all]\n');
    return 1;
  }
  const all = rest.includes('--all');
  const today = todayInVietnam(rt.clock);
  const units = (await rt.units.all()).filter((u) => all || isUnitValidOn(u, today));
  const rows = units.map((u) => [u.code, LEVEL[u.level], u.parentCode ?? '', `${vnDate(u.validFrom)} – ${vnDate(u.validTo)}`, u.successorCode ?? '', u.name]);
  const header = ['MÃ', 'CẤP', 'CẤP TRÊN', 'HIỆU LỰC', 'KẾ THỪA', 'TÊN'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  process.stdout.write(`${[line(header), ...rows.map(line)].join('\n')}\n`);
  if (!all) process.stdout.write(`(${rows.length} đơn vị đang hoạt động; --all để xem cả đơn vị cũ)\n`);
  return 0;
}
