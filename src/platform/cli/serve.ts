import type { AppConfig } from '../config/config.js';
import { openRuntime } from '../runtime.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../modules/demo/index.js';
import { buildApp } from '../http/app.js';

const ROLE_VI: Record<string, string> = {
  admin: 'Quản trị viên',
  province_head: 'Lãnh đạo THADS tỉnh',
  office_head: 'Trưởng phòng (thủ trưởng cơ quan)',
  enforcer: 'Chấp hành viên',
  clerk: 'Kế toán / thư ký',
  mobilisation_member: 'Thành viên tổ vận động',
  inspector: 'Thanh tra (chỉ xem)',
};

/** `thads serve`: the web application until Ctrl-C / SIGTERM, then a clean stop of everything it started. */
export async function serve(config: AppConfig, log: (m: string) => void): Promise<number> {
  const started = Date.now();
  const rt = await openRuntime(config, { role: 'server', log, seedDemo: true });
  const app = await buildApp(rt);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`\nNhận ${signal}: đang dừng máy chủ…`);
    await app.close().catch(() => undefined);
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
    for (const u of DEMO_USERS) lines.push(`  ${u.username.padEnd(14)} ${ROLE_VI[u.role] ?? u.role} — ${u.unit}`);
  }
  lines.push('', 'Nhấn Ctrl-C để dừng / press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n'));
  return new Promise<number>(() => undefined); // runs until a signal
}
