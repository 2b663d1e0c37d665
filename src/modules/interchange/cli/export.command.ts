import { once } from 'node:events';
import { groupDigits } from '../../../kernel/format/index.js';
import type { Runtime } from '../../../platform/runtime.js';

const USAGE = 'Cách dùng / usage: thads export [--office MÃ] > TỆP.jsonl\n';

/** `thads export [--office CODE]`: the interchange format on stdout, streamed with backpressure. */
export async function exportCommand(args: string[], open: (fn: (rt: Runtime) => Promise<number>) => Promise<number>): Promise<number> {
  let office: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (a === '--office' && args[i + 1] && !args[i + 1]!.startsWith('-')) office = args[++i];
    else if (a.startsWith('--office=') && a.length > 9) office = a.slice(9);
    else {
      process.stderr.write(`Tùy chọn không hợp lệ / unknown option: ${a}\n${USAGE}`);
      return 2;
    }
  }
  return open(async (rt) => {
    const out = process.stdout;
    let broken: Error | null = null;
    out.on('error', (e: Error) => (broken = e));
    const counts = await rt.exports.run(
      async (chunk) => {
        if (broken) throw broken;
        if (chunk && !out.write(chunk)) await Promise.race([once(out, 'drain'), once(out, 'error')]);
      },
      { office },
    );
    process.stderr.write(
      `Đã xuất ${groupDigits(counts.offices)} đơn vị, ${groupDigits(counts.communes)} xã/phường, ${groupDigits(counts.enforcers)} chấp hành viên, ` +
        `${groupDigits(counts.targets)} chỉ tiêu, ${groupDigits(counts.cases)} việc (${groupDigits(counts.events)} sự kiện), ` +
        `${groupDigits(counts.teams)} tổ vận động, ${groupDigits(counts.assignments)} lần giao việc (${groupDigits(counts.visits)} lượt vận động), ${groupDigits(counts.campaigns)} đợt cao điểm.\n`,
    );
    return 0;
  });
}
