import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Runtime } from '../../../platform/runtime.js';
import { ROLES, type Role } from '../domain/roles.js';
import { AppError } from '../../../kernel/errors.js';
import { appendAudit, type RequestContext } from '../../../platform/audit/audit-log.js';

const CLI_CONTEXT: RequestContext = { userId: null, username: 'cli', ip: null, userAgent: 'thads-cli' };

/** `thads user add|reset-password|disable`: the same use cases as the administration screens. */
export async function userCommand(rt: Runtime, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      password: { type: 'string' },
    },
  });
  switch (sub) {
    case 'add': {
      const missing = ['username', 'name', 'role', 'unit'].filter((k) => !values[k as keyof typeof values]);
      if (missing.length) throw new AppError('VALIDATION_FAILED', missing.map((m) => ({ field: `--${m}`, message: 'bắt buộc / required' })));
      if (!(ROLES as readonly string[]).includes(values.role!)) {
        throw new AppError('VALIDATION_FAILED', [{ field: '--role', message: `một trong / one of: ${ROLES.join(', ')}` }]);
      }
      const password = values.password ?? generatePassword();
      const user = await rt.users.create(CLI_CONTEXT, {
        username: values.username!, fullName: values.name!, role: values.role as Role, unitCode: values.unit!, password,
        mustChangePassword: true,
      });
      process.stdout.write(`Đã tạo người dùng ${user.username} (${user.role}, ${user.unit.code}).\n`);
      if (!values.password) process.stdout.write(`Mật khẩu tạm / temporary password: ${password}\n`);
      return 0;
    }
    case 'reset-password': {
      const id = await userId(rt, positionals[0]);
      const password = values.password ?? generatePassword();
      await rt.users.resetPassword(CLI_CONTEXT, id, password);
      process.stdout.write(`Đã đặt lại mật khẩu của ${positionals[0]}; phải đổi khi đăng nhập.\n`);
      if (!values.password) process.stdout.write(`Mật khẩu tạm / temporary password: ${password}\n`);
      return 0;
    }
    case 'disable': {
      const id = await userId(rt, positionals[0]);
      await rt.db.transaction().execute(async (tx) => {
        const before = await tx.selectFrom('users').where('id', '=', id).select(['disabled', 'unit_id']).executeTakeFirstOrThrow();
        await tx.updateTable('users').set({ disabled: true }).where('id', '=', id).execute();
        await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
        await appendAudit(tx, CLI_CONTEXT, {
          action: 'user.updated', entityType: 'user', entityId: id, unitId: before.unit_id,
          before: { disabled: before.disabled }, after: { disabled: true },
        });
      });
      process.stdout.write(`Đã vô hiệu hóa ${positionals[0]}.\n`);
      return 0;
    }
    default:
      process.stderr.write('Cách dùng: thads user add|reset-password|disable … (thads --help)\n');
      return 1;
  }
}

async function userId(rt: Runtime, username: string | undefined): Promise<number> {
  if (!username) throw new AppError('VALIDATION_FAILED', [{ field: 'USERNAME', message: 'bắt buộc / required' }]);
  const row = await rt.db.selectFrom('users').where(sql`lower(username)`, '=', username.toLowerCase()).select('id').executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', undefined, `Không có người dùng "${username}".`);
  return row.id;
}

/** 16 random characters plus a digit and a letter, so that the password policy always holds. */
function generatePassword(): string {
  return `${randomBytes(12).toString('base64url')}7k`;
}
