import type { AppConfig } from '../config/config.js';
import { openRuntime } from '../runtime.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../modules/demo/index.js';
import { ROLE_VI } from '../../modules/organisation/index.js';
import { buildApp } from '../http/app.js';
import type { Runtime } from '../runtime.js';

/** How often the server brings the stored statistics totals up to date (besides right after midnight). */
export const TOTALS_UPKEEP_INTERVAL_MS = 10 * 60_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** Milliseconds from `now` to the next run: the interval, or 5 s after the next midnight in Viet Nam (UTC+7) if sooner. */
export function nextUpkeepDelay(now: Date, interval = TOTALS_UPKEEP_INTERVAL_MS): number {
  const local = now.getTime() + VIETNAM_OFFSET_MS;
  const day = 86_400_000;
  const toMidnight = day - (((local % day) + day) % day) + 5_000;
  return Math.min(interval, toMidnight);
}

/**
 * The server's scheduled step keeping the stored statistics totals current (reports only read them): once now,
 * then every TOTALS_UPKEEP_INTERVAL_MS and right after midnight in Viet Nam, on an unref'd timer. Errors are
 * logged, never thrown. Returns the stop function (waits for a run in progress).
 */
export function scheduleTotalsUpkeep(rt: Pick<Runtime, 'statistics' | 'clock'>, log: (m: string) => void): { first: Promise<void>; stop: () => Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const run = async () => {
    try {
      const r = await rt.statistics.keepTotalsCurrent({ onProgress: (m) => log(`Thống kê: ${m.trim()}`) });
      if (r.action === 'extended') log(`Thống kê: đã lưu tổng số đến ${r.throughMonthEnd}.`);
      if (r.action === 'rebuilt') log(`Thống kê: đã tính lại tổng số (${r.rebuilt.firstAsOf ?? '—'} … ${r.rebuilt.lastAsOf ?? '—'}).`);
    } catch (e) {
      log(`Lỗi khi cập nhật tổng số thống kê (báo cáo vẫn tính được, chậm hơn): ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const arm = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().then(arm);
    }, nextUpkeepDelay(rt.clock.now()));
    timer.unref();
  };
  running = run().then(arm);
  return {
    first: running,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** `thads serve`: the web application until Ctrl-C / SIGTERM, then a clean stop of everything it started. */
export async function serve(config: AppConfig, log: (m: string) => void): Promise<number> {
  const started = Date.now();
  const rt = await openRuntime(config, { role: 'server', log, seedDemo: true });
  const app = await buildApp(rt);
  // Reports only read the stored totals; the server keeps them current (awaited once, so that a first start
  // after an upgrade computes the per-case rows before serving).
  const upkeep = scheduleTotalsUpkeep(rt, log);
  await upkeep.first;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`\nNhận ${signal}: đang dừng máy chủ…`);
    await app.close().catch(() => undefined);
    await upkeep.stop();
    await rt.close().catch((e: unknown) => log(`Lỗi khi dừng cơ sở dữ liệu: ${String(e)}`));
    log('Đã dừng.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const demo = await rt.db.selectFrom('reference_data').where('name', '=', 'demo-organisation').select('name').executeTakeFirst();
  const lines = [
    '',
    `THADS đang chạy tại / running at: http://${shownHost}:${config.port}/`,
    `Cơ sở dữ liệu / database: ${rt.databaseDescription}`,
    `Khởi động trong / started in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  ];
  if (demo) {
    lines.push('', `Tài khoản mẫu / demo logins (mật khẩu / password: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) lines.push(`  ${u.username.padEnd(14)} ${ROLE_VI[u.role]} — ${u.unit}`);
  }
  lines.push('', 'Nhấn Ctrl-C để dừng / press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n'));
  return new Promise<number>(() => undefined); // runs until a signal
}
