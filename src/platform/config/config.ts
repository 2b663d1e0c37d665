import path from 'node:path';
import { z } from 'zod';

/**
 * The application's configuration, parsed once at start-up from the environment.
 * Nothing else in the code base reads the environment; everything receives this frozen object.
 * Every variable is documented in README.md ("Configuration").
 */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** External PostgreSQL; when absent an embedded server is started over `dataDir`. */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  /**
   * THADS_DATA_DIR was set. Without it, run as root in a checkout the `postgres` user cannot traverse, the
   * embedded PostgreSQL keeps its data under /var/lib/thads instead of `./data` (config/data-dir.ts).
   */
  readonly dataDirExplicit: boolean;
  /** Port for the embedded PostgreSQL; null = pick a free one. */
  readonly embeddedPgPort: number | null;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `text`: one readable line per entry (default); `json`: pino's JSON lines, for a log collector. */
  readonly logFormat: 'text' | 'json';
  readonly session: {
    /**
     * Idle lifetime, counted from the last request this process saw; the stored last request (used by other
     * processes and after a restart) is rewritten when older than min(60 s, idleMinutes/10).
     */
    readonly idleMinutes: number;
    readonly absoluteHours: number;
    /** 'auto' marks cookies Secure when the request came over HTTPS (directly or via a trusted proxy). */
    readonly secureCookies: 'auto' | 'always' | 'never';
  };
  /** Login throttling per username as typed (existing or not); rules in domain/access/login-policy.ts. */
  readonly login: {
    /** Wrong passwords verified per username (or per trusted browser) before it is locked (or forgotten). */
    readonly maxFailures: number;
    /** Length of the first lock; each further consecutive lock doubles it, up to 24 hours. */
    readonly lockoutMinutes: number;
    /** Per client address and process (in memory). */
    readonly ratePerMinute: number;
  };
  readonly bodyLimitBytes: number;
  readonly trustProxy: boolean;
  /** Load the demo organisation and users into an empty database. */
  readonly demo: boolean;
}

const intIn = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: 'phải là số nguyên dương / must be a whole number' })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['1', '0', 'true', 'false', 'yes', 'no']))
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  PORT: intIn(1, 65535).optional(),
  HOST: z.string().trim().min(1).optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, { message: 'phải bắt đầu bằng postgres:// / must start with postgres://' })
    .optional(),
  THADS_DATA_DIR: z.string().trim().min(1).optional(),
  THADS_PG_PORT: intIn(1024, 65535).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  LOG_FORMAT: z.enum(['text', 'json']).optional(),
  SESSION_IDLE_MINUTES: intIn(1, 24 * 60).optional(),
  SESSION_ABSOLUTE_HOURS: intIn(1, 24 * 30).optional(),
  SECURE_COOKIES: z.enum(['auto', 'always', 'never']).optional(),
  LOGIN_MAX_FAILURES: intIn(1, 100).optional(),
  LOGIN_LOCKOUT_MINUTES: intIn(1, 24 * 60).optional(),
  LOGIN_RATE_PER_MINUTE: intIn(1, 10_000).optional(),
  BODY_LIMIT_KB: intIn(1, 100 * 1024).optional(),
  TRUST_PROXY: bool.optional(),
  THADS_DEMO: bool.optional(),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; reports every problem at once in a ConfigError. */
export function loadConfig(env: Record<string, string | undefined>, cwd: string): AppConfig {
  // Empty strings are treated as "not set", the way shells and .env files usually mean them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const config: AppConfig = {
    port: e.PORT ?? 3000,
    host: e.HOST ?? '0.0.0.0',
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: path.resolve(cwd, e.THADS_DATA_DIR ?? 'data'),
    dataDirExplicit: e.THADS_DATA_DIR !== undefined,
    embeddedPgPort: e.THADS_PG_PORT ?? null,
    logLevel: e.LOG_LEVEL ?? 'info',
    logFormat: e.LOG_FORMAT ?? 'text',
    session: {
      idleMinutes: e.SESSION_IDLE_MINUTES ?? 60,
      absoluteHours: e.SESSION_ABSOLUTE_HOURS ?? 12,
      secureCookies: e.SECURE_COOKIES ?? 'auto',
    },
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES ?? 5,
      lockoutMinutes: e.LOGIN_LOCKOUT_MINUTES ?? 15,
      ratePerMinute: e.LOGIN_RATE_PER_MINUTE ?? 20,
    },
    bodyLimitBytes: (e.BODY_LIMIT_KB ?? 1024) * 1024,
    trustProxy: e.TRUST_PROXY ?? false,
    demo: e.THADS_DEMO ?? true,
  };
  return deepFreeze(config);
}

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(o);
}
