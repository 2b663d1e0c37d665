#!/usr/bin/env node
// The outside security probe of thads: black-box HTTP probes against 127.0.0.1, in eight families, each
// counting the probes tried and those that got through (the server gave data or performed an action it must
// refuse). Not part of `npm test`; takes a few minutes. See scripts/probe/README.md.
//
//   npm run build && node scripts/probe/probe.mjs              starts the built app on a fresh demo, probes it, stops it
//   node scripts/probe/probe.mjs --url http://127.0.0.1:3000   probes a server that is already running (writes test data,
//                                                              locks admin: use a throwaway server)
//   options: --only 1,2,5   run some families (7, the login family, always runs last)
//            --app DIR      the application folder to start (default: this repository)
//            --verbose      print every probe as it is judged, not only those that got through
//
// Exit status: 0 nothing got through, 1 something got through, 2 the probe could not run.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AddressPool } from './lib/client.mjs';
import { closeAgents, send } from './lib/http.mjs';
import { Family, printTable } from './lib/report.mjs';
import { checkBuilt, startServer } from './lib/server.mjs';
import { setup } from './lib/setup.mjs';
import * as f1 from './families/f1-url-spellings.mjs';
import * as f2 from './families/f2-cross-unit-reads.mjs';
import * as f3 from './families/f3-cross-unit-writes.mjs';
import * as f4 from './families/f4-csrf.mjs';
import * as f5 from './families/f5-sql.mjs';
import * as f6 from './families/f6-script.mjs';
import * as f7 from './families/f7-login.mjs';
import * as f8 from './families/f8-bad-input.mjs';

const REPO = path.resolve(import.meta.dirname, '../..');
const out = (line = '') => process.stdout.write(`${line}\n`);
const log = (line) => process.stderr.write(`${line}\n`);

const FAMILIES = [
  [1, 'unauthenticated access, URL spellings', f1],
  [2, 'cross-unit reads', f2],
  [3, 'cross-unit writes', f3],
  [4, 'CSRF', f4],
  [5, 'SQL metacharacters', f5],
  [6, 'script payloads / CSP', f6],
  [7, 'login lockout, account existence', f7],
  [8, 'bad input → 500', f8],
];
// The login family locks admin: always last.
const ORDER = [1, 2, 3, 4, 5, 6, 8, 7];

function usage(message) {
  if (message) log(message);
  log('usage: node scripts/probe/probe.mjs [--url http://127.0.0.1:PORT] [--only 1,2,…] [--app DIR] [--verbose]');
  process.exit(2);
}

let args;
try {
  args = parseArgs({ options: { url: { type: 'string' }, only: { type: 'string' }, app: { type: 'string' }, verbose: { type: 'boolean', short: 'v' }, help: { type: 'boolean', short: 'h' } } }).values;
} catch (e) {
  usage(e.message);
}
if (args.help) usage();
if (args.verbose) Family.trace = out;
const appDir = path.resolve(args.app ?? REPO);
const only = args.only ? new Set(args.only.split(',').map((x) => Number(x.trim()))) : null;
if (only && [...only].some((n) => !FAMILIES.some(([k]) => k === n))) usage(`--only: families are 1–8`);

let server = null;
let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  closeAgents();
  if (server) {
    log('stopping the server and removing its data folder…');
    await server.stop();
    server = null;
  }
}
process.on('SIGINT', () => {
  log('\ninterrupted');
  void shutdown().then(() => process.exit(130));
});

async function main() {
  let target;
  if (args.url) {
    let u;
    try {
      u = new URL(args.url);
    } catch {
      usage(`--url: not a URL: ${args.url}`);
    }
    if (u.protocol !== 'http:' || !['127.0.0.1', 'localhost'].includes(u.hostname)) usage('--url: only http://127.0.0.1:PORT is probed');
    target = { host: '127.0.0.1', port: Number(u.port || 80) };
    const h = await send(target, { path: '/api/health', timeoutMs: 10_000 });
    if (h.status !== 200) {
      log(`GET ${args.url}/api/health answered ${h.status || h.error}: is the server running?`);
      return 2;
    }
    log(`probing the running server at http://127.0.0.1:${target.port} (it gets test data and a locked admin)`);
  } else {
    const notBuilt = checkBuilt(appDir);
    if (notBuilt) {
      log(notBuilt);
      return 2;
    }
    log(`starting ${path.join(appDir, 'bin/thads.js')} serve on a fresh demo…`);
    const t0 = Date.now();
    try {
      server = await startServer({ appDir, log });
    } catch (e) {
      log(`could not start the server: ${e.message}`);
      return 2;
    }
    target = { host: '127.0.0.1', port: server.port };
    log(`  up on http://127.0.0.1:${server.port} after ${Math.round((Date.now() - t0) / 1000)} s (data folder ${server.dataDir})`);
  }

  const pool = new AddressPool(target);
  await pool.init();
  log('setting up the fixtures (foreign province PRB, its office, enforcer, case and user; an admin of TN)…');
  let ctx;
  try {
    ctx = await setup({ target, pool, server, appDir, log });
  } catch (e) {
    log(`setup failed: ${e.stack ?? e.message}`);
    return 2;
  }

  const families = new Map(FAMILIES.map(([no, title]) => [no, new Family(no, title)]));
  for (const no of ORDER) {
    if (only && !only.has(no)) continue;
    const fam = families.get(no);
    const mod = FAMILIES.find(([k]) => k === no)[2];
    log(`family ${no}: ${fam.title}…`);
    const t = Date.now();
    try {
      await mod.run(fam, ctx, { appDirs: [appDir, REPO] });
    } catch (e) {
      fam.error = e.stack ?? e.message;
    }
    fam.seconds = (Date.now() - t) / 1000;
    fam.printDetails(out);
  }

  const ran = [...families.values()].filter((f) => !only || only.has(f.no));
  if (ctx.warnings.length) {
    out('\nsetup warnings:');
    for (const w of ctx.warnings) out(`  ${w}`);
  }
  const { tried, through } = printTable(ran, out);
  out(`\nprobes: ${tried} tried, ${through} got through`);
  return through > 0 ? 1 : ran.some((f) => f.error) ? 2 : 0;
}

let code = 2;
try {
  code = await main();
} catch (e) {
  log(`probe failed: ${e.stack ?? e.message}`);
} finally {
  await shutdown();
}
process.exit(code);
