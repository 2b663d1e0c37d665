import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postmasterPidOf, waitFor } from '../support/processes.js';

/**
 * The `thads` command as a person runs it, on the embedded PostgreSQL: start, a CLI command beside the
 * running server, kill -9 and restart (orphan clean-up), Ctrl-C, a CLI command without a server, and bad
 * configuration. Runs the built command (npm run build).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/thads.js');
let dataDir: string;
let port: number;

const baseEnv = () => {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'DATABASE_URL') env[k] = v;
  return { ...env, THADS_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
};

function startServer(): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [BIN, 'serve'], { env: baseEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

async function waitHealthy(timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become healthy');
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const postmasterPid = () => postmasterPidOf(dataDir);
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { env: { ...baseEnv(), ...env }, encoding: 'utf8', timeout: 120_000 });

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist/server/platform/cli/main.js'))) throw new Error('run `npm run build` first (the test runs the built command)');
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'thads-lifecycle-'));
  port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
});

afterAll(async () => {
  const pid = postmasterPid();
  if (pid && alive(pid)) process.kill(pid, 'SIGQUIT');
  await rm(dataDir, { recursive: true, force: true });
});

describe('thads serve on the embedded PostgreSQL', () => {
  it('starts, serves a CLI command beside it, survives kill -9 by cleaning the orphan, and stops cleanly on Ctrl-C', async () => {
    const first = startServer();
    await waitHealthy();
    expect(first.output()).toContain('truong.phong');
    const pg1 = postmasterPid()!;
    expect(alive(pg1)).toBe(true);

    // A CLI command uses the server's PostgreSQL and leaves it running.
    const list = cli(['office', 'list', '--all']);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('TN-KV3');
    expect(list.stdout).toContain('Chi cục Thi hành án dân sự huyện Châu Thành');
    expect(postmasterPid()).toBe(pg1);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    // kill -9 leaves PostgreSQL running without its owner.
    first.child.kill('SIGKILL');
    await waitFor(() => first.child.exitCode !== null || first.child.signalCode !== null);
    expect(alive(pg1)).toBe(true);

    const second = startServer();
    await waitHealthy();
    expect(second.output()).toMatch(/PostgreSQL mồ côi/);
    expect(alive(pg1)).toBe(false);
    const pg2 = postmasterPid()!;
    expect(pg2).not.toBe(pg1);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'truong.phong', password: 'ChauThanh@2026' }),
    });
    expect(login.status).toBe(200);

    // Ctrl-C: the server and its PostgreSQL stop.
    second.child.kill('SIGINT');
    await waitFor(() => second.child.exitCode !== null);
    expect(second.child.exitCode).toBe(0);
    await waitFor(() => !alive(pg2));
    expect(existsSync(path.join(dataDir, 'pg-owner.json'))).toBe(false);
    // Autoprewarm wrote down the pages its buffers held, to read them back at the next start.
    expect(existsSync(path.join(dataDir, 'pg', 'autoprewarm.blocks'))).toBe(true);
  });

  it('runs a CLI command without a server: starts PostgreSQL, works, stops it again', () => {
    const add = cli(['user', 'add', '--username', 'chv.binh', '--name', 'Lê Văn Bình', '--role', 'enforcer', '--unit', 'TN-KV3']);
    expect(add.stderr + add.stdout).toContain('Đã tạo người dùng chv.binh');
    expect(add.status).toBe(0);
    expect(add.stdout).toMatch(/Mật khẩu tạm \/ temporary password: \S{12,}/);
    const pid = postmasterPid();
    expect(pid === null || !alive(pid)).toBe(true);

    const dup = cli(['user', 'add', '--username', 'chv.binh', '--name', 'Lê Văn Bình', '--role', 'enforcer', '--unit', 'TN-KV3']);
    expect(dup.status).toBe(1);
    expect(dup.stderr).toContain('CONFLICT');
  });

  it('bootstraps a new installation without the demo: the national unit exists for the first administrator', async () => {
    const fresh = await mkdtemp(path.join(os.tmpdir(), 'thads-nodemo-'));
    try {
      const env = { THADS_DATA_DIR: fresh, THADS_DEMO: 'false' };
      const add = cli(['user', 'add', '--username', 'quan.tri', '--name', 'Quản trị hệ thống', '--role', 'admin', '--unit', 'VN', '--password', 'QuanTri2026abc'], env);
      expect(add.stderr + add.stdout).toContain('Đã tạo người dùng quan.tri');
      const list = cli(['office', 'list', '--all'], env);
      expect(list.stdout).toContain('VN');
      expect(list.stdout).not.toContain('LA-CT');
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it('reports every configuration problem at once and exits non-zero', () => {
    const r = cli(['serve'], { PORT: 'abc', LOGIN_MAX_FAILURES: '0', DATABASE_URL: 'mysql://x' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toContain('LOGIN_MAX_FAILURES');
    expect(r.stderr).toContain('DATABASE_URL');
  });

  it('prints help', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('thads <lệnh>');
    expect(r.stdout).toContain('office list');
  });
});
