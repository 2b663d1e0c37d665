import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { addCalendarDays, type IsoDate } from '../../../kernel/calendar/index.js';
import { CATEGORIES } from '../../cases/domain/index.js';
import { toJsonLine } from './json-line.js';

/**
 * A synthetic but valid interchange file for load tests and benchmarks: one province (code prefix `G`),
 * `offices` offices with two enforcers and ten communes each (codes unknown to the geography snapshot), and
 * `cases` cases with about five events each (completed, no-means or in-progress histories). Deterministic
 * for a seed. Not used by the application itself.
 */
export interface GenerateOptions {
  cases: number;
  offices?: number;
  seed?: number;
  prefix?: string;
}

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Trần Văn Bình', 'Nguyễn Thị Hoa', 'Lê Văn Tám', 'Phạm Thị Lan', 'Võ Minh Đức', 'Công ty TNHH Phú Mỹ', 'Huỳnh Thị Mai', 'Đặng Quốc Việt'];

/** The lines of a generated file, one JSON object each, reference records first. */
export function* generateInterchange(opts: GenerateOptions): Generator<string> {
  const rnd = prng(opts.seed ?? 1);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const p = opts.prefix ?? 'G';
  const nOffices = opts.offices ?? 4;
  yield toJsonLine({ type: 'office', code: p, name: `Cục Quản lý thi hành án dân sự (${p})`, level: 'national', parent: null, valid_from: '2009-07-01', valid_to: null });
  yield toJsonLine({ type: 'office', code: `${p}-T`, name: `Thi hành án dân sự tỉnh thử nghiệm ${p}`, level: 'province', parent: p, valid_from: '2009-07-01', valid_to: null });
  const offices = Array.from({ length: nOffices }, (_, i) => `${p}-T-KV${i + 1}`);
  for (const [i, o] of offices.entries()) {
    yield toJsonLine({ type: 'office', code: o, name: `Phòng Thi hành án dân sự khu vực ${i + 1}`, level: 'office', parent: `${p}-T`, valid_from: '2009-07-01', valid_to: null });
    for (let e = 1; e <= 2; e++) yield toJsonLine({ type: 'enforcer', code: `${o}-0${e}`, name: pick(NAMES), office: o });
    for (let c = 1; c <= 10; c++) yield toJsonLine({ type: 'commune', code: `${p}${i + 1}${String(c).padStart(3, '0')}`, name: `Xã thử nghiệm ${i + 1}.${c}`, office: o });
    yield toJsonLine({ type: 'target', office: o, fiscal_year: 2024, cases: 70, money: 35.5 });
  }
  const seq = new Map<string, number>();
  for (let n = 0; n < opts.cases; n++) {
    const oi = int(0, nOffices - 1);
    const office = offices[oi]!;
    const accepted = addCalendarDays('2016-01-04', int(0, 3000));
    const fy = Number(accepted.slice(0, 4)) + (accepted.slice(5, 7) >= '10' ? 1 : 0);
    const k = `${office}|${fy}`;
    seq.set(k, (seq.get(k) ?? 0) + 1);
    const fee = BigInt(int(1, 500)) * 1000n;
    const damages = BigInt(int(1, 90_000)) * 1000n;
    const thing = rnd() < 0.3;
    const enforcer = `${office}-0${int(1, 2)}`;
    let day: IsoDate = accepted;
    const next = (min: number, max: number) => (day = addCalendarDays(day, int(min, max)));
    const events: Record<string, unknown>[] = [{ type: 'enforcer_assigned', on: next(0, 2), enforcer }];
    const r = rnd();
    if (r < 0.35) {
      events.push({ type: 'verified', on: next(10, 30), result: 'has_means' });
      const part = fee / 2n;
      events.push({ type: 'payment', on: next(1, 60), obligation: 'o1', amount: part }, { type: 'payment', on: next(1, 60), obligation: 'o1', amount: fee - part });
      events.push({ type: 'payment', on: next(1, 90), obligation: 'o2', amount: damages }, { type: 'disbursed', on: next(1, 9), obligation: 'o2', amount: damages });
      if (thing) events.push({ type: 'performed', on: next(1, 30), obligation: 'o3' });
      events.push({ type: 'completed', on: next(0, 5) });
    } else if (r < 0.7) {
      events.push({ type: 'verified', on: next(10, 30), result: 'no_means' }, { type: 'no_means_decided', on: next(1, 20), reason: pick(['no_assets', 'thing_gone', 'address_unknown']) });
      events.push({ type: 'verified', on: next(170, 190), result: 'no_means' });
    } else {
      events.push({ type: 'verified', on: next(10, 30), result: 'has_means' }, { type: 'payment', on: next(1, 60), obligation: 'o2', amount: damages / 3n || 1n });
      events.push(rnd() < 0.5 ? { type: 'postponed', on: next(1, 30), ground: 'Điều 48 khoản 1 điểm a' } : { type: 'reduced', on: next(1, 30), obligation: 'o1', amount: fee });
    }
    yield toJsonLine({
      type: 'case', id: `${office}-${fy}-${String(seq.get(k)).padStart(5, '0')}`, office,
      decision: { number: `${n + 1}/QĐ-THADS`, date: accepted }, accepted_on: accepted, initiation: rnd() < 0.6 ? 'ex_officio' : 'on_request', category: pick(CATEGORIES),
      judgment: { number: `${n + 1}/${accepted.slice(0, 4)}/DS-ST`, date: addCalendarDays(accepted, -int(10, 200)), court: 'TAND khu vực thử nghiệm' },
      commune: `${p}${oi + 1}${String(int(1, 10)).padStart(3, '0')}`, enforcer,
      parties: [
        { role: 'obligor', kind: 'person', name: pick(NAMES), id_number: String(int(100_000_000, 999_999_999)).padStart(12, '0'), address: 'ấp 3, xã thử nghiệm' },
        { role: 'obligee', kind: 'person', name: pick(NAMES), id_number: null, address: null },
      ],
      obligations: [
        { id: 'o1', kind: 'money', beneficiary: 'state_budget', label: 'Án phí dân sự sơ thẩm', amount: fee },
        { id: 'o2', kind: 'money', beneficiary: 'party', label: 'Bồi thường thiệt hại', amount: damages },
        ...(thing ? [{ id: 'o3', kind: 'non_money', beneficiary: 'party', label: 'Giao trả quyền sử dụng đất', value: BigInt(int(10, 900)) * 1_000_000n }] : []),
      ],
      events,
    });
  }
}

/** Writes a generated file; returns the number of lines. */
export async function writeGeneratedFile(path: string, opts: GenerateOptions): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let lines = 0;
  let buf = '';
  for (const line of generateInterchange(opts)) {
    buf += `${line}\n`;
    lines++;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  return lines;
}
