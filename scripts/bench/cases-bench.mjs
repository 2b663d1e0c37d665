#!/usr/bin/env node
// Case register benchmark (issue "Case register"): with N cases in the database (default 1,000,000),
//   - case search by a party name typed without diacritics, p50/p95/p99 over HTTP,
//   - case detail, p50/p95/p99 over HTTP,
//   - recording events with 10 concurrent clients, events per second.
// Runs the built server (npm run build) on an embedded PostgreSQL in a scratch data folder, generates the
// cases with set-based SQL (the import path is measured by import-bench.mjs), and prints the figures.
// Each figure is measured in several rounds (the machine's speed varies from run to run: the spread is part
// of the figure) and printed with its median and range.
//   node scripts/bench/cases-bench.mjs [--cases 1000000] [--data /tmp/thads-bench] [--reuse] [--seconds 15] [--rounds 3]
import { spawn } from 'node:child_process';
import http from 'node:http';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    data: { type: 'string', default: '/tmp/thads-bench' },
    reuse: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '15' },
    rounds: { type: 'string', default: '3' },
    port: { type: 'string', default: '3877' },
  },
});
const ROOT = path.resolve(import.meta.dirname, '../..');
const N = Number(args.cases);
const DATA = path.resolve(args.data);
const PORT = Number(args.port);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const WARMUP_SECONDS = 5;
const marker = path.join(DATA, `bench-${N}.done`);

const FAMILY = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Trương', 'Đinh', 'Lương', 'Tô', 'Châu', 'Mai'];
const MIDDLE = ['Văn', 'Văn', 'Thị', 'Thị', 'Minh', 'Hoàng', 'Thanh', 'Ngọc', 'Quốc', 'Hữu', 'Đức', 'Thu', 'Kim', 'Bảo', 'Gia', 'Xuân'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Khoa', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Ngọc', 'Nhung', 'Phong', 'Phúc', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Trang', 'Trung', 'Tuấn', 'Uyên', 'Việt', 'Yến', 'Khánh', 'Loan', 'Tài', 'Tín', 'Vân', 'Vy'];
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

function log(m) {
  process.stdout.write(`${m}\n`);
}

async function startServer() {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/thads.js'), 'serve'], {
    env: { ...process.env, THADS_DATA_DIR: DATA, PORT: String(PORT), LOG_LEVEL: 'warn', LOGIN_RATE_PER_MINUTE: '1000', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return child;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

function dbUrl() {
  const owner = JSON.parse(readFileSync(path.join(DATA, 'pg-owner.json'), 'utf8'));
  const creds = JSON.parse(readFileSync(path.join(DATA, 'pg-credentials.json'), 'utf8'));
  return `postgres://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${owner.port}/thads`;
}

/** 34 provinces × 10 offices, 5 enforcers each, and N cases spread over them, with 2 events each. */
async function generate(db) {
  const t0 = Date.now();
  await db.query(`INSERT INTO units (code, name, level, parent_id, valid_from)
    SELECT 'BP' || lpad(p::text, 2, '0'), 'THADS tỉnh thử ' || p, 'province', (SELECT id FROM units WHERE code = 'VN'), '2025-07-01'
    FROM generate_series(1, 34) p ON CONFLICT (code) DO NOTHING`);
  await db.query(`INSERT INTO units (code, name, level, parent_id, valid_from)
    SELECT 'BP' || lpad(p::text, 2, '0') || '-KV' || k, 'Phòng THADS khu vực ' || k || ' – tỉnh thử ' || p, 'office',
           (SELECT id FROM units WHERE code = 'BP' || lpad(p::text, 2, '0')), '2025-07-01'
    FROM generate_series(1, 34) p, generate_series(1, 10) k ON CONFLICT (code) DO NOTHING`);
  await db.query(`INSERT INTO enforcers (code, name, unit_id)
    SELECT u.code || '-' || e, 'Chấp hành viên ' || e, u.id FROM units u, generate_series(1, 5) e
    WHERE u.code LIKE 'BP%-KV%' ON CONFLICT (code) DO NOTHING`);
  // TN-KV3 (the demo office) takes its share too, so that an office user searches real data.
  const offices = (await db.query(`SELECT id, code FROM units WHERE level = 'office' AND (code LIKE 'BP%' OR code = 'TN-KV3') ORDER BY id`)).rows;
  await db.query('CREATE TEMP TABLE bench_offices (idx int, id int, code text)');
  await db.query(`INSERT INTO bench_offices SELECT ordinality - 1, id, code FROM unnest($1::int[], $2::text[]) WITH ORDINALITY AS t(id, code)`, [offices.map((o) => o.id), offices.map((o) => o.code)]);
  const fam = FAMILY, mid = MIDDLE, giv = GIVEN;
  const params = [fam, fam.map(fold), mid, mid.map(fold), giv, giv.map(fold), offices.length];
  const batch = 50_000;
  for (let start = 1; start <= N; start += batch) {
    const end = Math.min(N, start + batch - 1);
    await db.query('BEGIN');
    await db.query(`CREATE TEMP TABLE g ON COMMIT DROP AS
      SELECT i,
        o.id AS office_id, o.code AS office_code,
        ($1::text[])[1 + (i * 7919) % cardinality($1::text[])] || ' ' || ($3::text[])[1 + (i * 104729) % cardinality($3::text[])] || ' ' || ($5::text[])[1 + (i * 15485863) % cardinality($5::text[])] AS name,
        ($2::text[])[1 + (i * 7919) % cardinality($2::text[])] AS ff, ($4::text[])[1 + (i * 104729) % cardinality($4::text[])] AS mf,
        ($6::text[])[1 + (i * 15485863) % cardinality($6::text[])] AS gf,
        (date '2023-10-01' + (i % 1100)::int) AS accepted,
        (1000000 + (i % 997) * 100000)::bigint AS amount
      FROM generate_series(${start}::bigint, ${end}::bigint) i JOIN bench_offices o ON o.idx = (i % $7)::int`, params);
    await db.query(`ALTER TABLE g ADD COLUMN folded text, ADD COLUMN terms text[]`);
    // The name-search terms as the application writes them (domain/text/name-search.ts searchTerms).
    await db.query(`UPDATE g SET folded = ff || ' ' || mf || ' ' || gf,
      terms = ARRAY(SELECT DISTINCT t FROM unnest(ARRAY[ff, mf, gf, ff || ' ' || mf, mf || ' ' || gf]) t)`);
    await db.query(`INSERT INTO cases (id, office_id, decision_number, decision_date, accepted_on, initiation, category, judgment_number, judgment_date, court,
        commune_code, initial_enforcer, status, status_since, holding_office_id, enforcer_code, last_event_on, total_amount, outstanding, next_step, next_due,
        state, version, search_text, search_names, search_terms)
      SELECT 'B-' || i, office_id, i || '/QĐ-THADS', accepted, accepted, CASE WHEN i % 3 = 0 THEN 'on_request' ELSE 'ex_officio' END, 'dan_su',
        i || '/2023/DS-ST', accepted - 30, 'TAND thử', NULL, office_code || '-' || (1 + i % 5), 'in_progress', accepted + 20, office_id,
        office_code || '-' || (1 + i % 5), accepted + 40, amount, amount - amount / 2, 'disburse', accepted + 50,
        jsonb_build_object('status', 'in_progress', 'statusSince', (accepted + 20)::text, 'episodeStart', accepted::text, 'lastEventOn', (accepted + 40)::text,
          'office', office_code, 'enforcer', office_code || '-' || (1 + i % 5),
          'progress', jsonb_build_object('o1', jsonb_build_object('paid', (amount / 2)::text, 'reduced', '0', 'performed', false, 'disbursed', '0')),
          'lastVerification', jsonb_build_object('on', (accepted + 20)::text, 'result', 'has_means'), 'noMeansDecision', null, 'noMeansVerifications', 0,
          'pendingPayouts', '[]'::jsonb, 'oldestUndisbursedPaymentOn', null, 'coercion', false),
        2, 'b-' || i || ' | ' || lower(i::text) || '/qd-thads | ' || folded, folded, terms
      FROM g`);
    await db.query(`INSERT INTO case_parties (case_id, seq, role, kind, name, id_number, address)
      SELECT 'B-' || i, 1, 'obligor', 'person', name, lpad((80000000000 + i)::text, 12, '0'), 'ấp ' || (i % 9 + 1) FROM g`);
    await db.query(`INSERT INTO case_obligations (case_id, id, seq, kind, beneficiary, label, amount, paid, outstanding)
      SELECT 'B-' || i, 'o1', 1, 'money', 'state_budget', 'Án phí', amount, amount / 2, amount - amount / 2 FROM g`);
    await db.query(`INSERT INTO case_events (case_id, seq, type, "on", data)
      SELECT 'B-' || i, 1, 'verified', accepted + 20, '{"result":"has_means"}'::jsonb FROM g
      UNION ALL SELECT 'B-' || i, 2, 'payment', accepted + 40, jsonb_build_object('obligation', 'o1', 'amount', (amount / 2)::text) FROM g`);
    await db.query('COMMIT');
    process.stdout.write(`\r  generated ${end.toLocaleString('en')} / ${N.toLocaleString('en')} cases (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  process.stdout.write('\n');
  await db.query('ANALYZE');
  // As `thads import` does after bulk writes: the name index's pages all-visible (index-only scans).
  await db.query('VACUUM (ANALYZE) case_search_terms, case_search_vocabulary');
  log(`  generation took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

async function login(username) {
  const r = await fetch(`${BASE}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'ChauThanh@2026' }) });
  if (!r.ok) throw new Error(`login ${username}: ${r.status}`);
  return { cookie: r.headers.get('set-cookie').split(';')[0], csrf: (await r.json()).csrfToken };
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

// The load generator shares the machine's two cores with the server and PostgreSQL, so it must cost little:
// node:http over kept-alive connections (as autocannon does) takes about a third of the CPU per request
// that fetch() does (0.4 against 1.2 ms per recording, measured), CPU that fetch took from the server.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One request over a kept-alive connection: its status once the whole body has arrived. */
function send(url, init = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const body = init.body ?? null;
    const headers = { ...(init.headers ?? {}), ...(body === null ? {} : { 'content-length': Buffer.byteLength(body) }) };
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: init.method ?? 'GET', headers, agent }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve({ status: res.statusCode, ok: res.statusCode >= 200 && res.statusCode < 300 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

/**
 * CPU time so far (Linux /proc, in clock ticks) of the server, of its PostgreSQL processes and of this load
 * generator, and the machine's steal time (what the hypervisor gave to others): the machine's speed varies,
 * and these say whether a slow round did more work or had less machine.
 */
function machineTicks() {
  const out = { server: 0, pg: 0, client: 0, steal: 0 };
  try {
    out.steal = Number(readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/)[8]);
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        const ticks = Number(stat[11]) + Number(stat[12]);
        if (Number(pid) === process.pid) out.client += ticks;
        else if (cmd.includes('thads.js')) out.server += ticks;
        else if (cmd.includes('postgres')) out.pg += ticks;
      } catch {
        /* the process ended meanwhile */
      }
    }
  } catch {
    /* not Linux */
  }
  return out;
}

/** `concurrency` clients each sending requests back to back for `seconds`; latency percentiles in ms. */
async function load(label, concurrency, seconds, makeRequest) {
  const latencies = [];
  let errors = 0;
  const before = machineTicks();
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      let n = 0;
      while (Date.now() < until) {
        const { url, init, ok } = makeRequest(client, n++);
        const t = performance.now();
        const r = await send(url, init);
        latencies.push(performance.now() - t);
        if (!(ok ? ok(r) : r.ok)) errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const f = (x) => x.toFixed(1);
  const after = machineTicks();
  // Clock ticks are 1/100 s on Linux: 10 ms each; steal over both cores' time.
  const perRequest = (k) => f(((after[k] - before[k]) * 10) / Math.max(1, latencies.length));
  const machine = `CPU per request: server ${perRequest('server')} ms, PostgreSQL ${perRequest('pg')} ms, load generator ${perRequest('client')} ms; steal ${(((after.steal - before.steal) / (seconds * 100 * 2)) * 100).toFixed(0)}%`;
  log(`  ${label}: ${latencies.length} requests, ${(latencies.length / seconds).toFixed(0)}/s, p50 ${f(pct(latencies, 50))} ms, p95 ${f(pct(latencies, 95))} ms, p99 ${f(pct(latencies, 99))} ms, errors ${errors}`);
  log(`      ${machine}`);
  return { count: latencies.length, rate: latencies.length / seconds, p95: pct(latencies, 95), errors };
}

/**
 * The same load in ROUNDS rounds after an unmeasured warm-up (the figures are those of a running server,
 * not of one whose caches a restart emptied: the warm-up's own figures are printed too); each round
 * printed, then the median and range of `figure`.
 */
async function rounds(label, figure, run) {
  await run(`${label}, warm-up (not counted)`, WARMUP_SECONDS);
  const results = [];
  for (let i = 1; i <= ROUNDS; i++) results.push(await run(`${label}, round ${i}/${ROUNDS}`, SECONDS));
  const values = results.map(figure).sort((a, b) => a - b);
  const errors = results.reduce((s, r) => s + r.errors, 0);
  return { median: values[Math.floor((values.length - 1) / 2)], min: values[0], max: values.at(-1), errors };
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist/server/platform/cli/main.js'))) throw new Error('run npm run build first');
  if (!args.reuse || !existsSync(marker)) rmSync(DATA, { recursive: true, force: true });
  log(`thads case register benchmark: ${N.toLocaleString('en')} cases, data ${DATA}`);
  const server = await startServer();
  const db = new pg.Client({ connectionString: dbUrl() });
  await db.connect();
  try {
    if (!existsSync(marker)) {
      await generate(db);
      (await import('node:fs')).writeFileSync(marker, new Date().toISOString());
    }
    // After a restart the autoprewarm worker reads back the pages the buffers held (ARCHITECTURE.md, the
    // embedded server): the figures are those of a running server, so the measurement waits for it.
    const prewarmStarted = Date.now();
    while ((await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autoprewarm worker'`)).rows[0].n > 0 && Date.now() - prewarmStarted < 600_000) {
      await new Promise((r) => setTimeout(r, 1000));
    }
    if (Date.now() - prewarmStarted > 1500) log(`  waited ${((Date.now() - prewarmStarted) / 1000).toFixed(0)} s for the autoprewarm to read the buffers back`);
    const count = (await db.query('SELECT count(*)::int AS n FROM cases')).rows[0].n;
    const size = (await db.query('SELECT pg_size_pretty(pg_database_size(current_database())) AS s')).rows[0].s;
    log(`  database: ${count.toLocaleString('en')} cases, ${size}`);

    const admin = await login('admin');
    const head = await login('truong.phong');
    const names = [];
    for (let i = 0; i < 200; i++) names.push(fold(`${FAMILY[(i * 7) % FAMILY.length]} ${MIDDLE[(i * 3) % MIDDLE.length]} ${GIVEN[(i * 11) % GIVEN.length]}`));
    const get = (s) => ({ headers: { cookie: s.cookie } });
    const results = {};
    const p95 = (r) => r.p95;
    results.searchNational = await rounds('search by name, national scope (10 clients)', p95, (label, seconds) => load(label, 10, seconds, (c, n) => ({
      url: `${BASE}/api/cases?q=${encodeURIComponent(names[(c * 17 + n) % names.length])}`, init: get(admin),
    })));
    results.searchOffice = await rounds('search by name, one office (10 clients)', p95, (label, seconds) => load(label, 10, seconds, (c, n) => ({
      url: `${BASE}/api/cases?q=${encodeURIComponent(names[(c * 17 + n) % names.length])}`, init: get(head),
    })));
    let round = 0;
    results.detail = await rounds('case detail (10 clients)', p95, (label, seconds) => {
      const r = round++;
      return load(label, 10, seconds, (c, n) => ({ url: `${BASE}/api/cases/B-${1 + ((c * 100_003 + n * 7_919 + r * 1_009) % N)}`, init: get(admin) }));
    });
    // Recording: each client pays 1,000 đồng at a time on its own cases (5 payments each, then the next
    // case), tracking the version it expects; each round on other cases. The versions as stored (a reused
    // database has had payments recorded by earlier runs).
    const versions = new Map();
    const perClient = 4000;
    const ids = [];
    for (let r = 0; r <= ROUNDS; r++) for (let c = 0; c < 10; c++) for (let j = 0; j < perClient; j++) ids.push(`B-${1 + ((c * 50_021 + r * perClient + j) % N)}`);
    for (const row of (await db.query('SELECT id, version FROM cases WHERE id = ANY($1)', [ids])).rows) versions.set(row.id, row.version);
    round = 0;
    results.record = await rounds('record a payment (10 clients)', (r) => r.rate, (label, seconds) => {
      const r = round++;
      return load(label, 10, seconds, (c, n) => {
        const id = `B-${1 + ((c * 50_021 + r * perClient + Math.floor(n / 5)) % N)}`;
        const v = versions.get(id);
        versions.set(id, v + 1);
        return {
          url: `${BASE}/api/cases/${id}/events`,
          init: { method: 'POST', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' }, body: JSON.stringify({ expectedVersion: v, event: { type: 'payment', on: '2026-11-20', obligation: 'o1', amount: 1000 } }) },
          ok: (res) => res.status === 201,
        };
      });
    });
    const range = (x, unit, digits = 1) => `${x.median.toFixed(digits)} ${unit} (${x.min.toFixed(digits)}–${x.max.toFixed(digits)})`;
    log('');
    log(`Targets: search p95 ≤ 50 ms, detail p95 ≤ 30 ms, recording ≥ 300 events/s with 10 clients; median (range) of ${ROUNDS} rounds`);
    log(`  search (national) p95 ${range(results.searchNational, 'ms')}, search (office) p95 ${range(results.searchOffice, 'ms')}, detail p95 ${range(results.detail, 'ms')}`);
    log(`  recording ${range(results.record, 'events/s', 0)} (${results.record.errors} refused)`);
  } finally {
    await db.end();
    server.kill('SIGINT');
    await new Promise((r) => server.on('exit', r));
  }
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
