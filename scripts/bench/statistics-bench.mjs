#!/usr/bin/env node
// Statistics benchmark (statistics.md): a national data set — 34 provinces, 355 offices, N cases (default
// 1,000,000) with about 5 events each over three fiscal years (FY2024–FY2026, events up to today) — whose
// histories are generated event by event with the domain's ledger (every history valid), written in bulk,
// then the statistics rebuilt. It times:
//   - the national 12-month report: both forms for the nation, every province and every office (target ≤ 1 s),
//   - a report for a past date that is not a month end (target ≤ 2 s), national and for one office,
//   - a report with a custom start (the full query, no month-end totals),
//   - drill-down of a cell (target ≤ 300 ms), for one office and for the nation,
//   - recording an event with the month-end delta (today, and a reversal of an event a year back),
// and prints the database size. Runs the built code (npm run build:server, or --dist) in-process on an
// embedded PostgreSQL in a scratch data folder.
//   node scripts/bench/statistics-bench.mjs [--cases 1000000] [--data /tmp/thads-stat-bench] [--reuse [--rebuild]] [--dist dist/server]
// --reuse keeps a data folder generated before (--rebuild: recompute the statistics in it, timed).
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchActor, log, time } from './bench-support.mjs';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    data: { type: 'string', default: '/tmp/thads-stat-bench' },
    reuse: { type: 'boolean', default: false },
    dist: { type: 'string', default: 'dist/server' },
    runs: { type: 'string', default: '5' },
    rebuild: { type: 'boolean', default: false },
  },
});
const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.resolve(ROOT, args.dist);
const N = Number(args.cases);
const DATA = path.resolve(args.data);
const RUNS = Number(args.runs);
const marker = path.join(DATA, `stat-bench-${N}.done`);
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const FIRST_DAY = '2023-10-01';
const LAST_ACCEPTED = '2026-09-30';

if (!existsSync(path.join(DIST, 'platform/cli/main.js'))) throw new Error(`no built server in ${DIST}: run npm run build:server (or pass --dist)`);
const imp = (p) => import(path.join(DIST, p));
const { sql } = await import('kysely');
const { loadConfig } = await imp('platform/config/config.js');
const { openRuntime } = await imp('platform/runtime.js');
const { applyEvent, initialState, totalOutstanding } = await imp('modules/cases/domain/case-ledger.js');
const { eventData, stateToJson } = await imp('modules/cases/domain/case-codec.js');
const { permissionsOf } = await imp('modules/organisation/domain/roles.js');
const { systemReader } = await imp('modules/organisation/domain/reader.js');
/** The benchmark reads every unit, as a CLI command does. */
const sys = systemReader('benchmark');


// ---------------------------------------------------------------------------------------------------------
// Deterministic data

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const DAY = 86_400_000;
const dayOf = (d) => Date.parse(`${d}T00:00:00Z`) / DAY;
const dateOf = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const addDays = (d, n) => dateOf(dayOf(d) + n);
const CATEGORIES = ['hinh_su', 'dan_su', 'dan_su', 'dan_su', 'hon_nhan_gia_dinh', 'kinh_doanh_thuong_mai', 'lao_dong', 'hanh_chinh', 'pha_san', 'trong_tai', 'khac'];
const GROUNDS = ['Điều 48 khoản 1 điểm a', 'Điều 48 khoản 1 điểm c', 'Điều 49 khoản 2', 'Điều 50 khoản 1 điểm c'];

/** One case: facts and a history built by trying plausible events and keeping those the ledger accepts. */
function makeCase(i, offices, rnd) {
  const office = offices[i % offices.length];
  const acceptedOn = dateOf(dayOf(FIRST_DAY) + Math.floor(rnd() * (dayOf(LAST_ACCEPTED) - dayOf(FIRST_DAY) + 1)));
  const nObl = rnd() < 0.75 ? 1 : 2;
  const obligations = [];
  for (let k = 1; k <= nObl; k++) {
    if (rnd() < 0.85) {
      const big = rnd() < 0.1;
      obligations.push({ id: `o${k}`, kind: 'money', beneficiary: rnd() < 0.55 ? 'state_budget' : 'party', label: 'Khoản tiền', amount: BigInt(Math.floor((big ? 1e9 : 3e7) * rnd()) + 200_000) });
    } else {
      obligations.push({ id: `o${k}`, kind: 'non_money', beneficiary: 'party', label: 'Giao tài sản', value: rnd() < 0.6 ? BigInt(Math.floor(5e8 * rnd()) + 1_000_000) : null });
    }
  }
  const facts = {
    id: `S-${office.code}-${String(i).padStart(7, '0')}`, office: office.code, decision: { number: `${i}/QĐ-THADS`, date: acceptedOn }, acceptedOn,
    initiation: rnd() < 0.6 ? 'ex_officio' : 'on_request', category: CATEGORIES[Math.floor(rnd() * CATEGORIES.length)],
    judgment: { number: `${i}/BA`, date: addDays(acceptedOn, -30), court: 'TAND' }, commune: null, enforcer: office.enforcers[i % office.enforcers.length],
    parties: [{ role: 'obligor', kind: 'person', name: `Người phải thi hành án ${i}`, idNumber: null, address: null }], obligations,
  };
  let state = initialState(facts);
  const events = [];
  let on = acceptedOn;
  const tryEvent = (e) => {
    if (e.on > TODAY) return false;
    const r = applyEvent(facts, state, e);
    if (!r.ok) return false;
    state = r.value;
    events.push(e);
    on = e.on;
    return true;
  };
  const step = (min, max) => addDays(on, min + Math.floor(rnd() * (max - min + 1)));
  const outstandingOf = (o) => { const p = state.progress[o.id]; return o.kind === 'money' ? o.amount - p.paid - p.reduced : 0n; };
  const pay = (full) => {
    const o = obligations.find((x) => x.kind === 'money' && outstandingOf(x) > 0n);
    if (!o) return;
    const left = outstandingOf(o);
    const amount = full ? left : 1n + BigInt(Math.floor(Number(left) * rnd() * 0.6));
    if (tryEvent({ type: 'payment', on: step(3, 90), obligation: o.id, amount }) && o.beneficiary === 'party' && rnd() < 0.7) {
      tryEvent({ type: 'disbursed', on: step(1, 10), obligation: o.id, amount });
    }
  };
  const settle = () => {
    for (const o of obligations) {
      if (o.kind === 'money' && outstandingOf(o) > 0n) {
        const amount = outstandingOf(o);
        if (tryEvent({ type: 'payment', on: step(5, 120), obligation: o.id, amount }) && o.beneficiary === 'party') tryEvent({ type: 'disbursed', on: step(1, 10), obligation: o.id, amount });
      }
      if (o.kind === 'non_money') tryEvent({ type: 'performed', on: step(5, 60), obligation: o.id });
    }
    tryEvent({ type: 'completed', on: step(0, 15) });
  };
  if (rnd() < 0.8) tryEvent({ type: 'enforcer_assigned', on: step(1, 5), enforcer: office.enforcers[(i + 1) % office.enforcers.length] });
  const r = rnd();
  if (r < 0.02) tryEvent({ type: 'withdrawn', on: step(5, 60) });
  else if (rnd() < 0.72) {
    tryEvent({ type: 'verified', on: step(10, 45), result: 'has_means' });
    const p = rnd();
    if (rnd() < 0.15) tryEvent({ type: 'coercion_decided', on: step(5, 40) });
    if (rnd() < 0.3) tryEvent({ type: 'verified', on: step(20, 90), result: 'has_means' });
    if (p < 0.55) { if (rnd() < 0.7) pay(false); if (rnd() < 0.4) pay(false); settle(); }
    else if (p < 0.75) { pay(false); if (rnd() < 0.5) pay(false); }
    else if (p < 0.8) { pay(false); tryEvent({ type: 'terminated', on: step(10, 200), ground: GROUNDS[3] }); }
    else if (p < 0.83) tryEvent({ type: 'transferred_out', on: step(10, 120), to: 'TINH-KHAC', partiallyPerformed: false });
    else if (p < 0.9) { tryEvent({ type: 'postponed', on: step(10, 90), ground: GROUNDS[Math.floor(rnd() * 2)] }); if (rnd() < 0.5) { tryEvent({ type: 'resumed', on: step(30, 200) }); pay(rnd() < 0.5); } }
    else if (p < 0.94) tryEvent({ type: 'suspended', on: step(10, 120), ground: GROUNDS[2] });
    else if (p < 0.96) tryEvent({ type: 'other_status', on: step(10, 120), reason: 'Chờ Tòa án giải thích' });
    else { tryEvent({ type: 'reduced', on: step(10, 200), obligation: obligations[0].id, amount: 1n }); pay(false); }
  } else {
    tryEvent({ type: 'verified', on: step(10, 45), result: 'no_means' });
    tryEvent({ type: 'no_means_decided', on: step(1, 20), reason: 'no_assets' });
    tryEvent({ type: 'verified', on: step(150, 200), result: 'no_means' });
    if (rnd() < 0.25) { tryEvent({ type: 'resumed', on: step(30, 300) }); pay(rnd() < 0.4); }
    else if (rnd() < 0.3) {
      tryEvent({ type: 'verified', on: step(150, 200), result: 'no_means' });
      if (tryEvent({ type: 'separate_ledger', on: step(20, 200) }) && rnd() < 0.3) { tryEvent({ type: 'resumed', on: step(60, 300) }); pay(rnd() < 0.5); }
    }
  }
  if (rnd() < 0.02 && on < '2025-07-01' && !['completed', 'terminated', 'transferred_out', 'withdrawn', 'separate_ledger'].includes(state.status)) {
    tryEvent({ type: 'office_changed', on: '2025-07-01', to: office.successor });
  }
  return { facts, events, state };
}

// ---------------------------------------------------------------------------------------------------------

async function setupUnits(db) {
  const vn = (await sql`SELECT id FROM units WHERE code = 'VN'`.execute(db)).rows[0].id;
  for (let p = 1; p <= 34; p++) {
    const code = `BP${String(p).padStart(2, '0')}`;
    await sql`INSERT INTO units (code, name, level, parent_id, valid_from) VALUES (${code}, ${`THADS tỉnh thử ${p}`}, 'province', ${vn}, '2009-07-01') ON CONFLICT (code) DO NOTHING`.execute(db);
    const count = p <= 15 ? 11 : 10; // 15 × 11 + 19 × 10 = 355 offices
    for (let k = 1; k <= count; k++) {
      await sql`INSERT INTO units (code, name, level, parent_id, valid_from)
        SELECT ${`${code}-KV${k}`}, ${`Phòng THADS khu vực ${k} – tỉnh thử ${p}`}, 'office', id, '2009-07-01' FROM units WHERE code = ${code} ON CONFLICT (code) DO NOTHING`.execute(db);
    }
  }
  await sql`INSERT INTO enforcers (code, name, unit_id) SELECT u.code || '-' || e, 'Chấp hành viên ' || e, u.id FROM units u, generate_series(1, 5) e
    WHERE u.code LIKE 'BP%-KV%' ON CONFLICT (code) DO NOTHING`.execute(db);
  const rows = (await sql`SELECT id, code FROM units WHERE code LIKE 'BP%-KV%' ORDER BY code`.execute(db)).rows;
  const offices = rows.map((u, i) => ({ id: u.id, code: u.code, enforcers: [1, 2, 3, 4, 5].map((e) => `${u.code}-${e}`), successor: rows[(i + 1) % rows.length].code }));
  return offices;
}

const CASE_COLS = ['id', 'office_id', 'decision_number', 'decision_date', 'accepted_on', 'initiation', 'category', 'judgment_number', 'judgment_date', 'court',
  'commune_code', 'initial_enforcer', 'status', 'status_since', 'holding_office_id', 'enforcer_code', 'last_event_on', 'total_amount', 'outstanding',
  'next_step', 'next_due', 'state', 'version', 'search_text'];
const cols = (c) => sql.raw(c.join(', '));
const rowsOf = (table, c, json) => sql`SELECT ${cols(c)} FROM json_populate_recordset(NULL::${sql.table(table)}, ${json}::json)`;

async function generate(rt, offices) {
  const t0 = performance.now();
  const idOf = new Map(offices.map((o) => [o.code, o.id]));
  const rnd = mulberry32(20_261_127);
  const batch = 5000;
  let events = 0;
  let pending = null;
  for (let start = 0; start < N; start += batch) {
    const cases = [];
    const parties = [];
    const obligations = [];
    const evs = [];
    for (let i = start; i < Math.min(N, start + batch); i++) {
      const { facts: f, events: e, state: s } = makeCase(i, offices, rnd);
      const total = f.obligations.reduce((a, o) => a + (o.kind === 'money' ? o.amount : (o.value ?? 0n)), 0n);
      cases.push(`${JSON.stringify({
        id: f.id, office_id: idOf.get(f.office), decision_number: f.decision.number, decision_date: f.decision.date, accepted_on: f.acceptedOn, initiation: f.initiation,
        category: f.category, judgment_number: f.judgment.number, judgment_date: f.judgment.date, court: f.judgment.court, commune_code: null, initial_enforcer: f.enforcer,
        status: s.status, status_since: s.statusSince, holding_office_id: idOf.get(s.office), enforcer_code: s.enforcer, last_event_on: s.lastEventOn,
        total_amount: total.toString(), outstanding: totalOutstanding(f, s).toString(), next_step: null, next_due: null, version: e.length, search_text: f.id.toLowerCase(),
      }).slice(0, -1)},"state":${stateToJson(s)}}`);
      parties.push({ case_id: f.id, seq: 1, role: 'obligor', kind: 'person', name: f.parties[0].name, id_number: null, address: null });
      f.obligations.forEach((o, k) => {
        const p = s.progress[o.id];
        obligations.push({ case_id: f.id, id: o.id, seq: k + 1, kind: o.kind, beneficiary: o.beneficiary, label: o.label, amount: o.kind === 'money' ? o.amount.toString() : null,
          value: o.kind === 'non_money' && o.value !== null ? o.value.toString() : null, paid: p.paid.toString(), reduced: p.reduced.toString(), performed: p.performed,
          disbursed: p.disbursed.toString(), outstanding: (o.kind === 'money' ? o.amount - p.paid - p.reduced : (p.performed ? 0n : (o.value ?? 0n))).toString() });
      });
      e.forEach((x, k) => evs.push({ case_id: f.id, seq: k + 1, type: x.type, on: x.on, data: eventData(x) }));
      events += e.length;
    }
    const statement = sql`WITH c AS (INSERT INTO cases (${cols(CASE_COLS)}) ${rowsOf('cases', CASE_COLS, `[${cases.join(',')}]`)}),
      p AS (INSERT INTO case_parties (case_id, seq, role, kind, name, id_number, address) ${rowsOf('case_parties', ['case_id', 'seq', 'role', 'kind', 'name', 'id_number', 'address'], JSON.stringify(parties))}),
      o AS (INSERT INTO case_obligations (case_id, id, seq, kind, beneficiary, label, amount, value, paid, reduced, performed, disbursed, outstanding)
            ${rowsOf('case_obligations', ['case_id', 'id', 'seq', 'kind', 'beneficiary', 'label', 'amount', 'value', 'paid', 'reduced', 'performed', 'disbursed', 'outstanding'], JSON.stringify(obligations))})
      INSERT INTO case_events (case_id, seq, type, "on", data) ${rowsOf('case_events', ['case_id', 'seq', 'type', '"on"', 'data'], JSON.stringify(evs))}`;
    if (pending) await pending;
    pending = statement.execute(rt.db);
    pending.catch(() => undefined);
    if ((start / batch) % 10 === 9) process.stdout.write(`\r  generated ${(start + batch).toLocaleString('en')} cases, ${events.toLocaleString('en')} events (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await pending;
  process.stdout.write('\n');
  log(`  generation and writing: ${N.toLocaleString('en')} cases, ${events.toLocaleString('en')} events (${(events / N).toFixed(2)} per case), ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}


async function main() {
  if (!args.reuse || !existsSync(marker)) rmSync(DATA, { recursive: true, force: true });
  log(`thads statistics benchmark: ${N.toLocaleString('en')} cases, data ${DATA}, today ${TODAY}`);
  const config = loadConfig({ ...process.env, THADS_DATA_DIR: DATA, DATABASE_URL: '', LOG_LEVEL: 'warn', THADS_DEMO: '1' }, ROOT);
  // No demo organisation nor demo cases: only the generated national data set (the national unit is ensured).
  const rt = await openRuntime(config, { role: 'cli', log: () => undefined, seedDemo: false });
  try {
    const offices = await setupUnits(rt.db);
    rt.units.invalidate();
    const fresh = !existsSync(marker);
    if (fresh) {
      log(`  ${offices.length} offices in 34 provinces`);
      await generate(rt, offices);
    }
    if (fresh || args.rebuild) {
      const t = performance.now();
      const s = await rt.statistics.rebuild({ fromFiscalYear: 2024, onProgress: (m) => process.stdout.write(`\r${m}   `) });
      process.stdout.write('\n');
      log(`  statistics rebuild: ${s.cases.toLocaleString('en')} cases, ${s.episodes.toLocaleString('en')} episodes, ${s.snapshots} snapshot dates (${s.firstAsOf} … ${s.lastAsOf}): ${((performance.now() - t) / 1000).toFixed(0)} s`);
      await sql`VACUUM ANALYZE`.execute(rt.db);
      writeFileSync(marker, new Date().toISOString());
    }
    const size = (await sql`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`.execute(rt.db)).rows[0].s;
    const tables = (await sql`SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) AS s FROM pg_class
      WHERE relname IN ('cases', 'case_events', 'stat_episodes', 'stat_flows', 'stat_states', 'stat_offices', 'stat_snapshot_totals') ORDER BY relname`.execute(rt.db)).rows;
    const counts = (await sql`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_events)::int AS events, (SELECT count(*) FROM stat_flows)::int AS flows,
      (SELECT count(*) FROM stat_states)::int AS states`.execute(rt.db)).rows[0];
    log(`  database: ${size}; ${counts.cases.toLocaleString('en')} cases, ${counts.events.toLocaleString('en')} events; ${tables.map((r) => `${r.relname} ${r.s}`).join(', ')}`);
    log('');
    const st = rt.statistics;
    await st.prepare();

    // 1. The national 12-month report: nation, every province, every office (month-end totals).
    await time('national 12-month report FY2026, both forms, nation + 34 provinces + 355 offices', RUNS, async () => {
      const [byOffice, byProvince] = [await st.breakdown(sys, 'VN', '2026-09-30', null, 'office'), await st.breakdown(sys, 'VN', '2026-09-30', null, 'province')];
      if (byOffice.rows.length < 355 || byProvince.rows.length < 34) throw new Error(`rows: ${byOffice.rows.length} offices, ${byProvince.rows.length} provinces`);
      return byOffice.total;
    });
    const r12 = (await st.report(sys, 'VN', '2026-09-30')).report;
    log(`    (nation FY2026: ${r12.cases.total.toLocaleString('en')} cases to enforce incl. carried over, rate ${r12.cases.rate} % / money ${r12.money.rate} %; source snapshot)`);
    // 2. A past date that is not a month end (periodic: nearest month-end totals corrected).
    const dates = ['2026-03-17', '2025-06-12', '2024-12-09', '2026-08-05', '2025-10-20'];
    const mid = await time('national report to a date that is not a month end', RUNS, async (i) => st.report(sys, 'VN', dates[i % dates.length]));
    log(`    (source ${mid.source}; identities ${mid.identities.length === 0 ? 'hold' : 'BROKEN'})`);
    await time('office report to a date that is not a month end', RUNS, async (i) => st.report(sys, 'BP07-KV3', dates[i % dates.length]));
    await time('national report, custom start (full query over the derived rows)', Math.min(RUNS, 3), async (i) => st.report(sys, 'VN', dates[i % dates.length], '2024-01-01', { path: 'sql' }));
    await time('province report, custom start (full query)', RUNS, async (i) => st.report(sys, 'BP07', dates[i % dates.length], '2024-01-01'));
    // 3. Drill-down of a cell.
    await time('drill-down of a cell, one office (money completed FY2026, first page)', RUNS, async () => st.cases(sys, 'BP07-KV3', '2026-09-30', null, { form: 'money', key: 'completed', page: 1, pageSize: 100 }));
    await time('drill-down of a cell, one province (cases in progress, non-month-end)', RUNS, async () => st.cases(sys, 'BP07', '2026-03-17', null, { form: 'cases', key: 'in_progress', page: 1, pageSize: 100 }));
    await time('drill-down of a cell, the nation (cases carried forward FY2026)', Math.min(RUNS, 3), async () => st.cases(sys, 'VN', '2026-09-30', null, { form: 'cases', key: 'carried_forward', page: 1, pageSize: 100 }));
    // 4. Recording an event with the month-end delta.
    const actor = await benchActor(rt, permissionsOf);
    const open = (await sql`SELECT DISTINCT ON (c.id) c.id, c.version, o.id AS obligation FROM cases c
      JOIN case_obligations o ON o.case_id = c.id AND o.kind = 'money' AND o.outstanding > 10000
      WHERE c.status = 'in_progress' AND c.last_event_on <= ${TODAY} ORDER BY c.id, o.id LIMIT 400`.execute(rt.db)).rows;
    const n = Math.min(200, open.length);
    await time(`recording a payment dated today (snapshot delta), ${n} cases one after another`, n, async (i) => {
      const c = open[i];
      await rt.cases.recordEvent(actor, c.id, c.version, { type: 'payment', on: TODAY, obligation: c.obligation, amount: 1000n });
      c.version += 1;
    });
    const old = (await sql`SELECT DISTINCT ON (e.case_id) e.case_id, e.seq, c.version FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE e.type = 'enforcer_assigned' AND e."on" BETWEEN '2025-10-01' AND '2025-12-31'
        AND NOT EXISTS (SELECT 1 FROM case_events r WHERE r.case_id = e.case_id AND r.reverses_seq = e.seq)
      ORDER BY e.case_id, e.seq LIMIT 100`.execute(rt.db)).rows;
    await time(`reversing an event of a year ago (delta over ~55 snapshot dates), ${old.length} cases`, old.length, async (i) => {
      const e = old[i];
      await rt.cases.reverseEvent(actor, e.case_id, e.seq, e.version, 'Ghi nhầm chấp hành viên');
    });
    const after = (await st.report(sys, 'VN', '2026-09-30', null, { path: 'sql' })).report;
    const snap = (await st.report(sys, 'VN', '2026-09-30')).report;
    log(`  check: snapshot totals after the writes equal the full query: ${JSON.stringify(after, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) === JSON.stringify(snap, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) ? 'yes' : 'NO'}`);
    log('');
    log('Targets: national 12-month report ≤ 1 s; a date that is not a month end ≤ 2 s; drill-down ≤ 300 ms');
  } finally {
    await rt.close();
  }
}

await main();
