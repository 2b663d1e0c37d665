#!/usr/bin/env node
// Import benchmark (runs the built code: `npm run build:server` first).
//   node scripts/bench/import-bench.mjs [CASES=100000]
// Generates an interchange file into /tmp, imports it with `thads import` into a fresh embedded data folder
// (THADS_DATA_DIR; the first command initialises the cluster), imports it a second time (nothing changes),
// exports it, and prints seconds and rates.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { writeGeneratedFile } = await import(path.join(root, 'dist/server/modules/interchange/app/generate.js'));
const cases = Number(process.argv[2] ?? 100_000);
const file = path.join(os.tmpdir(), `thads-bench-${cases}.jsonl`);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'thads-bench-data-'));
const env = { ...process.env, THADS_DATA_DIR: dataDir, THADS_DEMO: '0', LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;

const t = (f) => {
  const s = process.hrtime.bigint();
  const r = f();
  return { r, s: Number(process.hrtime.bigint() - s) / 1e9 };
};
// Run through bash so that `times` reports the CPU used by thads and its PostgreSQL (children are waited for).
const quote = (a) => `'${a.replace(/'/g, `'\\''`)}'`;
const thads = (args, out = 'pipe') => {
  const cmd = `${quote(process.execPath)} ${quote(path.join(root, 'bin/thads.js'))} ${args.map(quote).join(' ')}${out === 'ignore' ? ' >/dev/null' : ''}; s=$?; times >&2; exit $s`;
  const r = spawnSync('bash', ['-c', cmd], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const t = r.stderr.trim().split('\n').at(-1).match(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/);
  const cpu = t ? Number(t[1]) * 60 + Number(t[2]) + Number(t[3]) * 60 + Number(t[4]) : NaN;
  return { ...r, stderr: r.stderr.trim().split('\n').slice(0, -2).join('\n'), cpu };
};
const load = () => os.loadavg()[0].toFixed(1);
const line = (label, s, n, unit, cpu) =>
  console.log(`${label.padEnd(34)} ${s.toFixed(1).padStart(6)} s   ${n ? `${Math.round(n / s).toLocaleString('en')} ${unit}/s` : ''}   (CPU thads+PostgreSQL ${cpu.toFixed(1)} s; load ${load()})`);

try {
  const gen = t(() => writeGeneratedFile(file, { cases }));
  const lines = await gen.r;
  const events = Number(spawnSync('grep', ['-o', '"on":', file], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout.split('\n').length - 1);
  console.log(`file: ${file}, ${lines.toLocaleString('en')} lines, ${cases.toLocaleString('en')} cases, ~${events.toLocaleString('en')} events, ${(statSync(file).size / 1e6).toFixed(0)} MB`);
  const init = t(() => thads(['migrate']));
  if (init.r.status !== 0) throw new Error(`migrate failed: ${init.r.stderr}`);
  line('init data folder (initdb, geography)', init.s, 0, '', init.r.cpu);
  const first = t(() => thads(['import', file]));
  process.stderr.write(`${first.r.stderr}\n`);
  if (first.r.status !== 0) throw new Error(`import failed (${first.r.status})`);
  console.log(first.r.stdout.trim());
  line('thads import (process, wall)', first.s, cases, 'cases', first.r.cpu);
  const again = t(() => thads(['import', file]));
  if (again.r.status !== 0) throw new Error(`second import failed: ${again.r.stderr}`);
  console.log(again.r.stdout.trim());
  line('thads import again (no change)', again.s, cases, 'cases', again.r.cpu);
  const exp = t(() => thads(['export'], 'ignore'));
  if (exp.r.status !== 0) throw new Error(`export failed: ${exp.r.stderr}`);
  line('thads export > /dev/null', exp.s, cases, 'cases', exp.r.cpu);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
