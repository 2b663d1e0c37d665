// Starting and stopping the built application for the probe: `node bin/thads.js serve` over a fresh data
// folder (the demo organisation and cases load on the first start), and the `thads` command over the same
// folder while it runs (the command then uses the server's embedded PostgreSQL).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { send } from './http.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The environment of the server and of `thads` commands over its data folder. */
function serverEnv(dataDir, port) {
  const env = { ...process.env, THADS_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  // The embedded PostgreSQL on a free port of its own, the demo loaded: nothing inherited may say otherwise.
  for (const k of ['THADS_PG_PORT', 'DATABASE_URL', 'THADS_DEMO']) delete env[k];
  return env;
}

export function checkBuilt(appDir) {
  const entry = path.join(appDir, 'dist/server/platform/cli/main.js');
  if (!existsSync(entry)) {
    return `The application is not built (${entry} is missing). Run \`npm run build\` first, then run the probe again.`;
  }
  if (!existsSync(path.join(appDir, 'dist/web/index.html'))) {
    return `The web front end is not built (${path.join(appDir, 'dist/web/index.html')} is missing). Run \`npm run build\` first.`;
  }
  return null;
}

/**
 * Starts `thads serve` on a fresh demo. Resolves { child, port, dataDir, logTail(), stop() } once
 * GET /api/health answers 200 (the first start loads the demo: ~30–60 s, up to `timeoutMs`).
 */
export async function startServer({ appDir, log, timeoutMs = 300_000 }) {
  // As root the embedded PostgreSQL runs as `postgres`, which must be able to traverse the folder.
  const dataDir = mkdtempSync('/tmp/thads-probe-');
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const env = serverEnv(dataDir, port);
  const lines = [];
  const child = spawn(process.execPath, [path.join(appDir, 'bin/thads.js'), 'serve'], {
    cwd: appDir,
    env,
    detached: true, // a process group of its own: a stuck server and its PostgreSQL can be killed together
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => {
    for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(l);
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = { code, signal };
    resolve(exited);
  }));

  const server = {
    child, port, dataDir, env,
    logTail: (n = 30) => lines.slice(-n).join('\n'),
    async stop() {
      if (exited === null) {
        try {
          child.kill('SIGINT');
        } catch {
          /* already gone */
        }
        const t = await Promise.race([exitPromise, new Promise((r) => setTimeout(() => r('timeout'), 45_000))]);
        if (t === 'timeout') {
          log?.('  the server did not stop within 45 s of SIGINT: killing its process group');
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            /* gone meanwhile */
          }
          await Promise.race([exitPromise, new Promise((r) => setTimeout(r, 5_000))]);
        }
      }
      // The embedded PostgreSQL is the server's child: make sure nothing of the group is left running.
      try {
        process.kill(-child.pid, 0);
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* the group is gone */
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  const started = Date.now();
  let lastNote = 0;
  while (Date.now() - started < timeoutMs) {
    if (exited !== null) {
      await server.stop();
      throw new Error(`the server exited during start-up (${JSON.stringify(exited)}); its last output:\n${server.logTail()}`);
    }
    const r = await send({ host: '127.0.0.1', port }, { path: '/api/health', timeoutMs: 5_000 });
    if (r.status === 200) return server;
    if (Date.now() - lastNote > 15_000) {
      lastNote = Date.now();
      log?.(`  waiting for GET /api/health = 200 (${Math.round((Date.now() - started) / 1000)} s; the first start loads the demo)…`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await server.stop();
  throw new Error(`the server did not answer GET /api/health = 200 within ${timeoutMs / 1000} s; its last output:\n${server.logTail()}`);
}

/** Runs `thads <args>` over the server's data folder; resolves { code, output }. */
export function runThads(appDir, env, args, timeoutMs = 180_000) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(appDir, 'bin/thads.js'), ...args], { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, output: e.message });
    });
  });
}
