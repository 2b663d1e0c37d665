import { addYears } from '../../../kernel/calendar/index.js';
import { type CaseEvent, type CaseFacts, initialState, isTerminal, outstandingOf, separateLedgerEligibleFrom, totalOutstanding } from '../../cases/domain/index.js';
import { assembleReport, caseContribution, fiscalYearBounds, rateHundredths, type CaseContribution, type StatisticsReport } from '../../statistics/domain/index.js';
import {
  CaseYear, ceilDiv, enforcersOf, floorTo, HUNDRED_K, LAW106, minB, NO_MEANS_SHARE, OPEN_MEANS, REORG, TRANSFER_OFFICES, type DemoOffice, type SimCase,
} from './chau-thanh-case-year.js';
import { newCaseFacts, niceAmount, PROFILE_MIX, type Profile } from './chau-thanh-facts.js';
import { CURRENT_OFFICE, DEMO_SEED, DEMO_TODAY, FIRST_DAY, FORMER_OFFICE, targetRecords, YEAR_PLANS, type YearPlan } from './chau-thanh-plan.js';
import { dayOf, isoOf, isWork, workOnOrAfter } from './demo-calendar.js';
import { Random, weightedSample } from './random.js';

/**
 * The demo office's cases, generated year by year so that the official statistics come out as planned.
 *
 * Each fiscal year: the new cases are accepted; every case open at its start (and every new one) is given a
 * fate for the year (completed, terminated, still open with means, without means, separate ledger, transfer,
 * withdrawal…) by exact quotas: the number of cases with means W and resolved R are chosen so that
 * round_half_up(R × 10000 / W) is the planned rate; which cases are resolved is then rearranged and the
 * partial payments of the cases still open are sized so that the money rate is the planned one to the
 * hundredth. The year's events are generated (every event checked by the domain ledger), and the year's report
 * is computed with the domain's statistics rules and compared with the plan. Later years only add events
 * dated after the year, so a year once checked stays right. Deterministic for a seed and "today".
 */

export interface DemoCase {
  facts: CaseFacts;
  events: CaseEvent[];
}


export interface DemoYear {
  fiscalYear: number;
  /** The unit whose report this is: LA-CT until fiscal year 2024, TN-KV3 (with its predecessor) from 2025. */
  office: string;
  period: { from: string; to: string };
  plan: YearPlan;
  accepted: number;
  report: StatisticsReport;
  /** How the money rate was reached: resolved/open swaps, and the partial payments as a share of what the open cases could pay. */
  tuning: { swaps: number; partialShare: number };
}

export interface DemoData {
  seed: number;
  today: string;
  /** Offices that receive transferred cases (ủy thác), absent from the demo organisation. */
  offices: DemoOffice[];
  targets: { office: string; fiscalYear: number; cases: number; money: number }[];
  cases: DemoCase[];
  years: DemoYear[];
  events: number;
}

export interface GenerateDemoOptions {
  seed?: number;
  /** No event after this date (ISO); default DEMO_TODAY. Must be on or after 2020-10-01 (the published years are complete). */
  today?: string;
  onProgress?: (message: string) => void;
}

export { TRANSFER_OFFICES, type DemoOffice };

export function generateChauThanhData(opts: GenerateDemoOptions = {}): DemoData {
  const seed = opts.seed ?? DEMO_SEED;
  const today = opts.today ?? DEMO_TODAY;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || today < '2020-10-01') throw new RangeError(`demo "today" ${today}: must be a date on or after 2020-10-01`);
  const sim = new Simulation(seed, dayOf(today), opts.onProgress ?? (() => undefined));
  for (const plan of YEAR_PLANS) sim.year(plan);
  const lastFy = sim.years.at(-1)?.fiscalYear ?? 2011;
  const cases = sim.cases.map((c) => ({ facts: c.facts, events: c.events }));
  return {
    seed, today, offices: [...TRANSFER_OFFICES], targets: targetRecords(lastFy), cases, years: sim.years,
    events: cases.reduce((n, c) => n + c.events.length, 0),
  };
}

class Simulation {
  readonly cases: SimCase[] = [];
  readonly years: DemoYear[] = [];
  private readonly caseCounters = new Map<string, number>();
  private readonly decisionCounters = new Map<string, number>();
  private tuning = { swaps: 0, partialShare: 0 };

  constructor(
    private readonly seed: number,
    private readonly today: number,
    private readonly log: (m: string) => void,
  ) {}

  private rng(...parts: number[]): Random {
    return Random.of(this.seed, ...parts);
  }

  // ---------------------------------------------------------------------------------------------------
  // One fiscal year

  year(yearPlan: YearPlan): void {
    const fy = yearPlan.fiscalYear;
    const period = fiscalYearBounds(fy);
    const S = Math.max(dayOf(period.from), dayOf(FIRST_DAY));
    const E = dayOf(period.to);
    if (S > this.today) return;
    const b = Math.min(E, this.today);
    const live = b < E;
    const plan = live ? liveYearPlan(yearPlan, (b - S + 1) / (E - S + 1)) : yearPlan;

    const fresh = this.acceptNewCases(plan, S, b, E);
    const active: SimCase[] = [];
    for (const c of this.cases) {
      const st = c.state.status;
      if (!isTerminal(st)) {
        active.push(c);
        c.base = st === 'pending_verification' || st === 'in_progress' ? 'active' : st === 'no_means' ? 'nomeans' : 'paused';
      } else if (st === 'separate_ledger' && fy <= 2024 && b - S > 240 && this.rng(c.idx, fy, 9).chance(0.006)) {
        active.push(c);
        c.base = 'shelved';
      }
    }
    for (const c of fresh) {
      this.cases.push(c);
      active.push(c);
      c.base = 'new';
    }
    for (const c of active) {
      c.cpEvents = c.events.length;
      c.cpState = c.state;
      c.a = Math.max(S, c.acceptedDay);
      c.ostart = totalOutstanding(c.facts, c.state);
      c.partial = 0n;
      c.cap = 0n;
      c.transferPaid = 0n;
      c.ledgerDay = -1;
      c.must = false;
    }

    this.assignFates(plan, active, b);
    this.planMoney(plan, active, b);
    for (const c of active) this.generate(c, fy, b, live);

    const report = this.check(plan, active, period, b, live);
    this.years.push({ fiscalYear: fy, office: fy >= 2025 ? CURRENT_OFFICE : FORMER_OFFICE, period, plan, accepted: fresh.length, report, tuning: this.tuning });
    this.log(`  năm ${fy}: ${fresh.length} việc mới; tỷ lệ việc ${report.cases.rate ?? '—'}%, tiền ${report.money.rate ?? '—'}%`);
  }

  // ---------------------------------------------------------------------------------------------------
  // New cases

  private acceptNewCases(plan: YearPlan, S: number, b: number, E: number): SimCase[] {
    const fy = plan.fiscalYear;
    const rnd = this.rng(0, fy, 1);
    const share = (b - S + 1) / (E - S + 1);
    const n = Math.round(plan.newCases * share);
    const large = Math.round(plan.largeCases * share);
    const days: number[] = [];
    for (let d = S; d <= b; d++) if (isWork(d)) days.push(d);
    const picked = Array.from({ length: n }, () => rnd.pick(days)).sort((x, y) => x - y);
    const largeAt = new Set(weightedSample(rnd, picked.map((_, i) => i), () => 1, large));
    const out: SimCase[] = [];
    picked.forEach((day, i) => {
      const idx = this.cases.length + out.length;
      const frnd = this.rng(idx, 0, 2);
      const office = day < REORG ? FORMER_OFFICE : CURRENT_OFFICE;
      const era = office === FORMER_OFFICE ? 'former' : 'current';
      const profile: Profile = largeAt.has(i) ? 'bank' : frnd.weighted(PROFILE_MIX);
      const accepted = isoOf(day);
      const nf = newCaseFacts(frnd, profile, accepted, era);
      const seq = (this.caseCounters.get(`${office}|${fy}`) ?? 0) + 1;
      this.caseCounters.set(`${office}|${fy}`, seq);
      const dkey = `${office}|${accepted.slice(0, 4)}`;
      const dn = (this.decisionCounters.get(dkey) ?? 0) + 1;
      this.decisionCounters.set(dkey, dn);
      const enforcers = enforcersOf(office, accepted);
      const facts: CaseFacts = {
        id: `${office}-${fy}-${String(seq).padStart(5, '0')}`,
        office,
        decision: { number: `${dn}/QĐ-${office === FORMER_OFFICE ? 'CCTHADS' : 'PTHADS'}`, date: accepted },
        acceptedOn: accepted,
        initiation: nf.initiation,
        category: nf.category,
        judgment: nf.judgment,
        commune: nf.commune.code,
        enforcer: frnd.pick(enforcers),
        parties: nf.parties,
        obligations: nf.obligations,
      };
      const state = initialState(facts);
      out.push({
        idx, profile, prisoner: nf.prisoner, facts, acceptedDay: day, events: [], state, cpEvents: 0, cpState: state, base: 'new', fate: 'open',
        a: day, ostart: 0n, partial: 0n, cap: 0n, transferPaid: 0n, ledgerDay: -1, must: false,
      });
    });
    return out;
  }

  // ---------------------------------------------------------------------------------------------------
  // Fates: exact case counts

  private assignFates(plan: YearPlan, active: SimCase[], b: number): void {
    const fy = plan.fiscalYear;
    const rnd = this.rng(0, fy, 3);
    const days = (c: SimCase) => b - c.a;
    const noPerformance = (c: SimCase) => Object.values(c.state.progress).every((p) => p.paid === 0n && p.reduced === 0n && !p.performed);
    const transfersOpen = b < REORG || plan.fiscalYear < 2025;

    // 1. Dispositions drawn case by case.
    for (const c of active) {
      const r = this.rng(c.idx, fy, 4);
      const d = days(c);
      switch (c.base) {
        case 'new': {
          if (d >= 20 && r.chance(0.004)) c.fate = 'withdraw';
          else if (transfersOpen && d >= 60 && r.chance(0.007)) c.fate = r.chance(0.5) && this.setTransferPaid(c, r) ? 'transfer_partial' : 'transfer';
          else if (d >= 35 && r.chance(NO_MEANS_SHARE[c.profile] + (c.prisoner ? 0.4 : 0))) c.fate = 'no_means';
          else c.fate = 'open';
          break;
        }
        case 'active': {
          if (transfersOpen && d >= 40 && r.chance(0.004)) c.fate = noPerformance(c) && r.chance(0.5) ? 'transfer' : this.setTransferPaid(c, r) ? 'transfer_partial' : 'open';
          else if (d >= 35 && r.chance(0.05)) c.fate = 'no_means';
          else c.fate = 'open';
          break;
        }
        case 'paused':
          c.fate = 'open';
          break;
        case 'nomeans': {
          const ledger = this.ledgerDayOf(c, b, r);
          if (d >= 40 && r.chance(0.07)) c.fate = 'open';
          else if (d >= 20 && r.chance(0.012)) c.fate = 'terminate';
          else if (ledger !== null && r.chance(ledger < LAW106 ? 0.85 : 0.7)) {
            c.fate = 'ledger';
            c.ledgerDay = ledger;
          } else c.fate = 'no_means';
          break;
        }
        case 'shelved':
          c.fate = 'resume_ledger';
          break;
      }
      c.must = c.fate === 'terminate' || c.fate === 'transfer_partial' || c.fate === 'resume_ledger';
    }

    // 2. With means W and resolved R.
    const pool = () => active.filter((c) => OPEN_MEANS.has(c.fate));
    const must = active.filter((c) => c.must).length;
    let W = pool().length;
    let R: number;
    if (plan.rates) {
      const T = BigInt(Math.round(plan.rates.cases * 100));
      const solution = solveCounts(T, W, must);
      const toNoMeans = active.filter((c) => c.fate === 'open' && (c.base === 'new' || c.base === 'active') && days(c) >= 35);
      const toMeans = active.filter((c) => c.fate === 'no_means' && (c.base === 'new' || (c.base === 'nomeans' && days(c) >= 40)));
      const delta = solution.W - W;
      if (delta < 0) for (const c of weightedSample(rnd, toNoMeans, () => 1, -delta)) c.fate = 'no_means';
      if (delta > 0) for (const c of weightedSample(rnd, toMeans, () => 1, delta)) c.fate = 'open';
      W = pool().length;
      if (W !== solution.W) throw new Error(`demo plan ${fy}: cannot move ${delta} cases between with and without means`);
      R = solution.R;
    } else {
      // Roughly the aim, as far as the time left allows.
      const feasible = active.filter((c) => c.fate === 'open' && this.resolveWeight(c, b) > 0).length;
      R = must + Math.min(feasible, Math.max(0, Math.round(((plan.aim?.cases ?? 80) / 100) * W) - must));
    }

    // 3. Which cases are resolved: carried and small ones first, those accepted late seldom.
    const candidates = active.filter((c) => c.fate === 'open');
    const chosen = weightedSample(rnd, candidates, (c) => this.resolveWeight(c, b), R - must);
    if (chosen.length !== R - must || chosen.some((c) => this.resolveWeight(c, b) === 0)) throw new Error(`demo plan ${fy}: not enough cases can be resolved (${R - must})`);
    for (const c of chosen) c.fate = 'complete';
    // A few are terminated instead (đình chỉ): exempted fees, creditors who give up, obligors who died.
    const small = chosen.filter((c) => c.ostart < 50_000_000n);
    for (const c of weightedSample(rnd, small, () => 1, Math.round(chosen.length * 0.03))) c.fate = 'terminate';
  }

  /** How likely a case open with means is to be resolved this year (0: it cannot be in the time left). */
  private resolveWeight(c: SimCase, b: number): number {
    const d = b - c.a;
    const tiny = c.facts.initiation === 'ex_officio' && c.ostart <= 5_000_000n;
    if (d < (c.base === 'new' ? (tiny ? 3 : 20) : c.base === 'nomeans' ? 40 : 10)) return 0;
    const base = c.base === 'new' ? 1.2 : c.base === 'nomeans' ? 4 : c.base === 'paused' ? 1.5 : 3;
    const size = 1 / (1 + Math.sqrt(Number(c.ostart) / 30_000_000));
    const time = c.base === 'new' ? Math.min(1, d / 90) : 1;
    return base * size * time;
  }

  private setTransferPaid(c: SimCase, r: Random): boolean {
    const o = this.largestMoneyOutstanding(c);
    if (!o || o.out < 1_000_000n) return false;
    const paid = minB(niceAmount(Number(o.out) * (0.2 + 0.4 * r.next())), floorTo(o.out - HUNDRED_K, HUNDRED_K));
    if (paid <= 0n) return false;
    c.transferPaid = paid;
    return true;
  }

  private largestMoneyOutstanding(c: SimCase): { id: string; out: bigint } | null {
    let best: { id: string; out: bigint } | null = null;
    for (const o of c.facts.obligations) {
      if (o.kind !== 'money') continue;
      const out = outstandingOf(o, c.state.progress[o.id]!);
      if (!best || out > best.out) best = { id: o.id, out };
    }
    return best;
  }

  /** The day a no-means case can go to the separate ledger (or have its request returned) within the year, or null. */
  private ledgerDayOf(c: SimCase, b: number, r: Random): number | null {
    const decision = c.state.noMeansDecision;
    if (!decision) return null;
    const start = c.a + 5;
    const oldFrom = separateLedgerEligibleFrom(c.facts, c.state, '2026-06-30');
    if (oldFrom !== null) {
      const from = Math.max(dayOf(oldFrom), start);
      const day = workOnOrAfter(from + r.int(0, 45));
      if (day < LAW106 && day <= b) return day;
    }
    // Law 106/2025: two years, from 01/07/2026 (separate ledger ex officio, request returned on request).
    const from = Math.max(dayOf(addYears(decision.on, 2)), LAW106, start);
    const day = workOnOrAfter(from + r.int(0, 30));
    return day <= b ? day : null;
  }

  // ---------------------------------------------------------------------------------------------------
  // Money: which resolved cases, how much the open ones pay

  /**
   * The money side of the year. The money rate is resolved money ÷ money with means (statistics.md): the fates
   * fix most of the resolved money (a case completed or terminated brings its whole outstanding, a partial
   * transfer what was paid before it), and the partial payments of the cases left open bring the rest. With a
   * published rate, resolved and open cases are first swapped until the partial payments needed are a fair
   * share of what the open cases can pay; then that sum is placed, in round amounts when one fits the band.
   */
  private planMoney(plan: YearPlan, active: SimCase[], lastDay: number): void {
    const fy = plan.fiscalYear;
    const rnd = this.rng(0, fy, 5);
    const openCases = active.filter((c) => c.fate === 'open');
    for (const c of openCases) c.cap = this.capOf(c, lastDay);
    /** The money a case with means brings to the resolved money if its fate resolves it. */
    const moneyIfResolved = (c: SimCase) => (c.fate === 'transfer_partial' ? c.transferPaid : c.ostart);
    let moneyWithMeans = 0n;
    for (const c of active) if (OPEN_MEANS.has(c.fate)) moneyWithMeans += moneyIfResolved(c);
    /** Resolved money fixed by the fates: every case with means except those left open. */
    const resolvedByFates = () => active.reduce((s, c) => (OPEN_MEANS.has(c.fate) && c.fate !== 'open' ? s + moneyIfResolved(c) : s), 0n);
    /** The most the open cases can pay this year and stay open. */
    const openCapacity = () => active.reduce((s, c) => (c.fate === 'open' ? s + c.cap : s), 0n);
    const aimedRates = plan.rates ?? plan.aim ?? { cases: 80, money: 45 };
    const moneyRateHundredths = BigInt(Math.round(aimedRates.money * 100));
    const band = resolvedMoneyBand(moneyRateHundredths, moneyWithMeans);
    const resolvedGoal = (band.low + band.high) / 2n;

    let swaps = 0;
    if (plan.rates) {
      // Swap a resolved case and an open one until the partial payments needed are a fair share of what the open cases could pay.
      for (let i = 0; i < 2000; i++) {
        const fixedMoney = resolvedByFates();
        const capacity = openCapacity();
        const partialsNeeded = resolvedGoal - fixedMoney;
        const partialShare = capacity > 0n ? Number(partialsNeeded) / Number(capacity) : partialsNeeded > 0n ? Infinity : 0;
        if (partialShare >= 0.04 && partialShare <= 0.55) break;
        const resolvedCases = active.filter((c) => c.fate === 'complete');
        const resolvableOpen = active.filter((c) => c.fate === 'open' && this.resolveWeight(c, lastDay) > 0);
        if (resolvedCases.length === 0 || resolvableOpen.length === 0) break;
        // Resolved money to move out (> 0) or in (< 0) so that the partial payments come to a quarter of the capacity.
        const excessResolved = fixedMoney - (resolvedGoal - (capacity * 25n) / 100n);
        let reopened: SimCase;
        let resolvedInstead: SimCase;
        if (excessResolved > 0n) {
          reopened = closest(resolvedCases, excessResolved, (c) => c.ostart);
          resolvedInstead = smallest(resolvableOpen, (c) => c.ostart, rnd);
        } else {
          resolvedInstead = closest(resolvableOpen, -excessResolved, (c) => c.ostart);
          reopened = smallest(resolvedCases, (c) => c.ostart, rnd);
        }
        if (reopened.ostart === resolvedInstead.ostart) break;
        reopened.fate = 'open';
        resolvedInstead.fate = 'complete';
        swaps++;
        resolvedInstead.cap = 0n;
        reopened.cap = this.capOf(reopened, lastDay);
      }
    }
    const fixedMoney = resolvedByFates();
    const capacity = openCapacity();
    let partialsNeeded = resolvedGoal - fixedMoney;
    if (!plan.rates) {
      // About the aim, not exactly on it, and between 2% and half of what the open cases can pay.
      partialsNeeded = (partialsNeeded * BigInt(rnd.int(88, 112))) / 100n;
      const fewest = (capacity * 2n) / 100n;
      const most = capacity / 2n;
      partialsNeeded = partialsNeeded < fewest ? fewest : partialsNeeded > most ? most : partialsNeeded;
    } else if (partialsNeeded < 0n || partialsNeeded > capacity) {
      throw new Error(`demo plan ${fy}: money rate ${aimedRates.money} out of reach (fixed ${fixedMoney}, capacity ${capacity}, with means ${moneyWithMeans})`);
    }
    this.tuning = { swaps, partialShare: capacity > 0n ? Math.round((Number(partialsNeeded) / Number(capacity)) * 1000) / 1000 : 0 };
    // A round total when one lands in the band, else the exact đồng (the band's low end).
    const partialsTotal = plan.rates ? exactPartials(band, fixedMoney) : floorTo(partialsNeeded, HUNDRED_K);
    this.distributePartials(active.filter((c) => c.fate === 'open' && c.cap > 0n), partialsTotal, fy);
  }

  /** What an open case can pay during the year and stay open: its money outstanding less a tenth (at least 100.000 đ). */
  private capOf(c: SimCase, b: number): bigint {
    const d = b - c.a;
    if (d < 20) return 0n;
    if (c.state.status === 'pending_verification' && d < 30) return 0n;
    let m = 0n;
    for (const o of c.facts.obligations) if (o.kind === 'money') m += outstandingOf(o, c.state.progress[o.id]!);
    const margin = m / 10n > HUNDRED_K ? m / 10n : HUNDRED_K;
    const cap = floorTo(m - margin, HUNDRED_K);
    return cap > 0n ? cap : 0n;
  }

  /** Shares `total` among the cases by a propensity each, in multiples of 100.000 đ (the rest on the cases with most room). */
  private distributePartials(cases: SimCase[], total: bigint, fy: number): void {
    const weights = cases.map((c) => {
      const r = this.rng(c.idx, fy, 6);
      const u = r.chance(0.3) ? 0 : 0.2 + 0.8 * r.next();
      return u * Number(c.cap);
    });
    const sumW = weights.reduce((s, w) => s + w, 0) || 1;
    let left = total;
    cases.forEach((c, i) => {
      const p = minB(c.cap, floorTo(BigInt(Math.floor((Number(total) * weights[i]!) / sumW)), HUNDRED_K));
      c.partial = p > 0n ? p : 0n;
      left -= c.partial;
    });
    const room = (c: SimCase) => c.cap - c.partial;
    const byRoom = [...cases].sort((x, y) => (room(y) > room(x) ? 1 : room(y) < room(x) ? -1 : x.idx - y.idx));
    for (const c of byRoom) {
      if (left <= 0n) break;
      const add = minB(room(c), left);
      c.partial += add;
      left -= add;
    }
    if (left !== 0n) throw new Error(`demo plan ${fy}: ${left} đ of partial payments could not be placed`);
  }

  // ---------------------------------------------------------------------------------------------------
  // The year's events of one case

  /** Writes (or redraws, after a change of fate or of partial payments) one case's year from the year's checkpoint. */
  private generate(c: SimCase, fy: number, b: number, live: boolean): void {
    c.events.length = c.cpEvents;
    c.state = c.cpState;
    new CaseYear(c, this.rng(c.idx, fy, 7), b, live).run();
  }

  // ---------------------------------------------------------------------------------------------------
  // The check against the plan, with the domain's statistics rules

  private contributions(active: readonly SimCase[], period: { from: string; to: string }): CaseContribution[] {
    const out: CaseContribution[] = [];
    for (const c of active) {
      const k = caseContribution(c.facts, c.events, period.from, period.to);
      if (k) out.push(k);
    }
    return out;
  }

  private check(plan: YearPlan, active: SimCase[], period: { from: string; to: string }, b: number, live: boolean): StatisticsReport {
    const fy = plan.fiscalYear;
    const office = fy >= 2025 ? CURRENT_OFFICE : FORMER_OFFICE;
    let report = assembleReport({ office, period, contributions: this.contributions(active, period), target: plan.target });
    if (!plan.rates) return report;
    if (report.cases.rate !== plan.rates.cases) {
      throw new Error(`demo plan ${fy}: case rate ${report.cases.rate} (${report.cases.resolved}/${report.cases.with_means}) instead of ${plan.rates.cases}`);
    }
    const T = BigInt(Math.round(plan.rates.money * 100));
    for (let i = 0; i < 20 && rateHundredths(report.money.resolved, report.money.with_means) !== T; i++) {
      // The plan's arithmetic and the rules disagree somewhere: move the difference onto the open case with most room.
      const wm = report.money.with_means;
      const { low, high } = resolvedMoneyBand(T, wm);
      const delta = (low + high) / 2n - report.money.resolved;
      const open = active.filter((c) => c.fate === 'open' && c.cap > 0n && (delta > 0n ? c.cap - c.partial >= delta : c.partial >= -delta));
      const c = open.sort((x, y) => (y.cap > x.cap ? 1 : y.cap < x.cap ? -1 : x.idx - y.idx))[0];
      if (!c) throw new Error(`demo plan ${fy}: money rate ${report.money.rate} instead of ${plan.rates.money}, nothing left to adjust`);
      c.partial += delta;
      this.generate(c, fy, b, live);
      report = assembleReport({ office, period, contributions: this.contributions(active, period), target: plan.target });
    }
    if (report.money.rate !== plan.rates.money) throw new Error(`demo plan ${fy}: money rate ${report.money.rate} instead of ${plan.rates.money}`);
    return report;
  }
}


/**
 * The plan of a year still running on "today": no exact rates (they are year-end figures); the rates aimed
 * at grow with the share of the year gone (the current year of the demo has its own aim).
 */
function liveYearPlan(plan: YearPlan, elapsed: number): YearPlan {
  if (!plan.rates) return plan;
  const f = Math.min(1, Math.max(0, elapsed));
  return { ...plan, rates: null, aim: plan.aim ?? { cases: plan.rates.cases * (0.15 + 0.85 * f), money: plan.rates.money * (0.1 + 0.9 * f) } };
}

/**
 * The resolved money that rounds to the money rate T (hundredths of a percent) over `withMeans`:
 * round_half_up(10000 × resolved / withMeans) = T ⇔ (2T−1)·withMeans ≤ 20000·resolved < (2T+1)·withMeans.
 */
function resolvedMoneyBand(T: bigint, withMeans: bigint): { low: bigint; high: bigint } {
  return { low: ceilDiv((2n * T - 1n) * withMeans, 20_000n), high: ceilDiv((2n * T + 1n) * withMeans, 20_000n) - 1n };
}

/** The partial payments that put the resolved money in the band: a multiple of 100.000 đ if one fits, else the least that does. */
function exactPartials(band: { low: bigint; high: bigint }, fixedMoney: bigint): bigint {
  const least = band.low - fixedMoney;
  const roundLeast = ceilDiv(least, HUNDRED_K) * HUNDRED_K;
  return roundLeast <= band.high - fixedMoney ? roundLeast : least;
}

/** The (R, W) nearest to W with round_half_up(R × 10000 / W) = T and R ≥ must. */
function solveCounts(T: bigint, W: number, must: number): { R: number; W: number } {
  for (let k = 0; k <= 400; k++) {
    for (const w of k === 0 ? [W] : [W - k, W + k]) {
      if (w <= 0) continue;
      const R = Math.round((Number(T) * w) / 10_000);
      for (const r of [R - 1, R, R + 1]) {
        if (r >= must && r <= w && rateHundredths(r, w) === T) return { R: r, W: w };
      }
    }
  }
  throw new Error(`no case counts near ${W} give the rate ${Number(T) / 100}`);
}

function closest<T>(items: readonly T[], target: bigint, value: (t: T) => bigint): T {
  let best = items[0] as T;
  let bestGap = -1n;
  for (const it of items) {
    const v = value(it);
    const gap = v > target ? v - target : target - v;
    if (bestGap < 0n || gap < bestGap) {
      best = it;
      bestGap = gap;
    }
  }
  return best;
}

/** One of the smallest tenth, at random (so that swaps do not always take the same kind of case). */
function smallest<T>(items: readonly T[], value: (t: T) => bigint, rnd: Random): T {
  const sorted = [...items].sort((x, y) => (value(x) < value(y) ? -1 : value(x) > value(y) ? 1 : 0));
  return sorted[rnd.int(0, Math.max(0, Math.floor(sorted.length / 10) - 1))]!;
}
