import { ConfigError, loadConfig, type AppConfig } from '../config/config.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { AppError } from '../../kernel/errors.js';
import { migrateToLatest } from '../db/database.js';
import { serve } from './serve.js';
import { officeCommand, userCommand } from '../../modules/organisation/index.js';
import { reportCommand } from '../../modules/statistics/index.js';
import { exportCommand, importCommand } from '../../modules/interchange/index.js';
import { demoCommand } from '../../modules/demo/index.js';

const HELP = `thads — quản lý thi hành án dân sự / civil judgment enforcement

Cách dùng / usage: thads <lệnh> [tùy chọn]

  serve                          chạy ứng dụng web (start the web application)
  migrate                        áp dụng các migration cơ sở dữ liệu (apply database migrations)
  user add --username U --name "Họ tên" --role ROLE --unit CODE [--password P]
                                 tạo người dùng (create a user; a password is generated if omitted)
  user reset-password U [--password P]
                                 đặt lại mật khẩu; phải đổi khi đăng nhập (reset; must change at next login)
  user disable U                 vô hiệu hóa tài khoản (disable an account)
  office list [--all]            liệt kê đơn vị (list units; --all includes former ones)
  import TỆP.jsonl [TỆP…]        nhập dữ liệu JSON Lines, tất cả hoặc không gì (import, all or nothing)
  export [--office MÃ] > TỆP     xuất dữ liệu JSON Lines (export; --office: one office's scope)
  report --office MÃ --to YYYY-MM-DD [--from YYYY-MM-DD] [--json]
                                 báo cáo kết quả thi hành án (report; statistics.md §7)
  report --rebuild [--from-fiscal-year NĂM]
                                 tính lại số liệu thống kê (rebuild the statistics)
  demo [--today YYYY-MM-DD]      nạp tổ chức và dữ liệu mẫu nếu chưa có (load the demo office and its cases if absent)
  --help                         trợ giúp này (this help)

Vai trò / roles: admin, province_head, office_head, enforcer, clerk, mobilisation_member, inspector
Cấu hình / configuration: biến môi trường THADS_DATA_DIR, DATABASE_URL, PORT… (README.md)
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 1;
  }
  let config: AppConfig;
  try {
    config = loadConfig(process.env, process.cwd());
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const log = (m: string) => process.stderr.write(`${m}\n`);
  try {
    switch (command) {
      case 'serve':
        return await serve(config, log);
      case 'migrate':
        return await withRuntime(config, log, async (rt) => {
          const applied = await migrateToLatest(rt.db);
          log(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
          return 0;
        });
      case 'user':
        return await withRuntime(config, log, (rt) => userCommand(rt, rest));
      case 'office':
        return await withRuntime(config, log, (rt) => officeCommand(rt, rest));
      case 'report':
        return await reportCommand(rest, (fn) => withRuntime(config, log, fn));
      case 'import':
        return await importCommand(rest, (fn) => withRuntime(config, log, fn, false));
      case 'export':
        return await exportCommand(rest, (fn) => withRuntime(config, log, fn, false));
      case 'demo':
        return await demoCommand(rest, (fn) => withRuntime(config, log, fn, false));
      default:
        process.stderr.write(`Lệnh không hợp lệ / unknown command: ${command}\n\n${HELP}`);
        return 1;
    }
  } catch (e) {
    if (e instanceof AppError) {
      const details = Array.isArray(e.details) ? e.details.map((d: { field?: string; message?: string }) => `\n  - ${d.field ?? ''}: ${d.message ?? ''}`).join('') : '';
      process.stderr.write(`Lỗi ${e.code}: ${e.message}${details}\n`);
      return 1;
    }
    process.stderr.write(`Lỗi / error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

/** Runs a short command on the database: the server's embedded PostgreSQL if it runs, else its own. */
async function withRuntime(config: AppConfig, log: (m: string) => void, fn: (rt: Runtime) => Promise<number>, seedDemo = true): Promise<number> {
  const rt = await openRuntime(config, { role: 'cli', log, seedDemo });
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

