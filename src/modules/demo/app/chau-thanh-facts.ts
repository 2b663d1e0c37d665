import { groupDigits } from '../../../kernel/format/index.js';
import type { Category, Initiation, Obligation, Party } from '../../cases/domain/index.js';
import { addressElsewhere, addressIn, BANKS_CURRENT, BANKS_FORMER, companyName, CURRENT_COMMUNES, dealerName, FORMER_COMMUNES, person, taxCode, type DemoCommune } from './names.js';
import { dayOf, isoOf } from './demo-calendar.js';
import type { Random } from './random.js';

/**
 * What a demo case is about when it is accepted: its kind (profile), the judgment, the parties and the
 * obligations, with amounts as enforcement offices see them (court fees fixed by law, fines in round
 * millions, debts from a few million to billions, non-money obligations with or without a value).
 */
export type Profile = 'criminal' | 'fee' | 'civil_debt' | 'family' | 'land' | 'business' | 'labour' | 'bank';

export const PROFILE_MIX: readonly (readonly [Profile, number])[] = [
  ['criminal', 27], ['fee', 31], ['civil_debt', 21], ['family', 10], ['land', 5], ['business', 4.5], ['labour', 1.5],
];

export interface NewCaseFacts {
  profile: Profile;
  initiation: Initiation;
  category: Category;
  judgment: { number: string; date: string; court: string };
  commune: DemoCommune;
  parties: Party[];
  obligations: Obligation[];
  /** Serving a prison sentence: seldom has means; verified yearly. */
  prisoner: boolean;
}

/** Rounds an amount to what a judgment would say: 50.000 đ below 1 million … 10 million above 1 billion. */
export function niceAmount(x: number, rnd?: Random): bigint {
  const step = x < 1e6 ? 5e4 : x < 1e7 ? (rnd?.chance(0.5) ? 5e5 : 1e5) : x < 1e8 ? (rnd?.chance(0.5) ? 1e6 : 5e5) : x < 1e9 ? (rnd?.chance(0.5) ? 5e6 : 1e6) : 1e7;
  return BigInt(Math.max(step, Math.round(x / step) * step));
}

const SUFFIX: Record<Category, string> = {
  hinh_su: 'HS', dan_su: 'DS', hon_nhan_gia_dinh: 'HNGĐ', kinh_doanh_thuong_mai: 'KDTM', lao_dong: 'LĐ', hanh_chinh: 'HC', pha_san: 'PS', trong_tai: 'TT', khac: 'DS',
};

/** The court of a judgment given on `date`: district courts until 30/06/2025, regional courts after. */
function court(rnd: Random, date: string, appeal: boolean): string {
  if (date < '2025-07-01') return appeal ? 'TAND tỉnh Long An' : rnd.chance(0.93) ? 'TAND huyện Châu Thành' : 'TAND tỉnh Long An';
  return appeal ? 'TAND tỉnh Tây Ninh' : 'TAND khu vực 3 – Tây Ninh';
}

function judgmentOf(rnd: Random, category: Category, date: string, opts: { appeal?: boolean; agreement?: boolean } = {}) {
  const year = date.slice(0, 4);
  const sfx = SUFFIX[category];
  const appeal = opts.appeal ?? false;
  const n = appeal ? rnd.int(1, 420) : rnd.int(1, category === 'hinh_su' ? 160 : category === 'kinh_doanh_thuong_mai' ? 45 : 260);
  const number = opts.agreement ? `${n}/${year}/QĐST-${sfx}` : `${n}/${year}/${sfx}-${appeal ? 'PT' : 'ST'}`;
  return { number, date, court: court(rnd, date, appeal) };
}

const money = (id: string, beneficiary: 'state_budget' | 'party', label: string, amount: bigint): Obligation => ({ id, kind: 'money', beneficiary, label, amount });
const thing = (id: string, beneficiary: 'state_budget' | 'party', label: string, value: bigint | null): Obligation => ({ id, kind: 'non_money', beneficiary, label, value });

const DEBT_LABELS = [
  'Trả nợ vay', 'Trả nợ vay', 'Trả tiền hụi', 'Trả tiền hụi', 'Bồi thường thiệt hại', 'Trả tiền mua vật tư nông nghiệp',
  'Hoàn trả tiền đặt cọc', 'Trả tiền mua bán thanh long', 'Trả tiền mua bán lúa', 'Bồi thường thiệt hại do tai nạn giao thông',
] as const;

/**
 * The facts of a new case accepted on `accepted` (ISO) by an office of the given era. `large`: a bank credit
 * case of one to tens of billions of đồng.
 */
export function newCaseFacts(rnd: Random, profile: Profile, accepted: string, era: 'former' | 'current'): NewCaseFacts {
  const year = Number(accepted.slice(0, 4));
  const communes = era === 'former' ? FORMER_COMMUNES : CURRENT_COMMUNES;
  const commune = rnd.weighted(communes.map((c) => [c, c.weight] as const));
  const obligorPerson = person(rnd, year);
  const obligor = (kind: 'person' | 'organisation' = 'person'): Party =>
    kind === 'person'
      ? { role: 'obligor', kind, name: obligorPerson.name, idNumber: obligorPerson.idNumber, address: addressIn(rnd, commune, era) }
      : { role: 'obligor', kind, name: companyName(rnd), idNumber: taxCode(rnd), address: addressIn(rnd, commune, era) };
  const obligeePerson = (local: boolean): Party => {
    const p = person(rnd, year);
    return { role: 'obligee', kind: 'person', name: p.name, idNumber: p.idNumber, address: local ? addressIn(rnd, rnd.weighted(communes.map((c) => [c, c.weight] as const)), era) : addressElsewhere(rnd, era) };
  };
  const daysBefore = (lo: number, hi: number) => isoOf(dayOf(accepted) - rnd.int(lo, hi));

  switch (profile) {
    case 'criminal': {
      const appeal = rnd.chance(0.12);
      const judgment = judgmentOf(rnd, 'hinh_su', daysBefore(appeal ? 20 : 25, 80), { appeal });
      const obligations: Obligation[] = [money('o1', 'state_budget', 'Án phí hình sự sơ thẩm', 200_000n)];
      if (appeal) obligations.push(money(`o${obligations.length + 1}`, 'state_budget', 'Án phí hình sự phúc thẩm', 200_000n));
      if (rnd.chance(0.55)) obligations.push(money(`o${obligations.length + 1}`, 'state_budget', 'Tiền phạt', BigInt(rnd.int(3, 60)) * 1_000_000n));
      if (rnd.chance(0.22)) obligations.push(money(`o${obligations.length + 1}`, 'state_budget', 'Truy thu sung công quỹ Nhà nước', niceAmount(rnd.logUniform(1e6, 8e7), rnd)));
      if (rnd.chance(0.2)) obligations.push(money(`o${obligations.length + 1}`, 'state_budget', 'Án phí dân sự sơ thẩm', niceAmount(Math.max(3e5, rnd.logUniform(2e5, 5e6)))));
      if (rnd.chance(0.12)) {
        const what = rnd.pick(['01 xe mô tô', '01 điện thoại di động', '01 xe mô tô và 01 điện thoại di động', '01 máy bơm nước']);
        obligations.push(thing(`o${obligations.length + 1}`, 'state_budget', `Tịch thu sung công quỹ Nhà nước ${what}`, rnd.chance(0.8) ? niceAmount(rnd.logUniform(1.5e6, 2.5e7), rnd) : null));
      } else if (rnd.chance(0.08)) {
        obligations.push(thing(`o${obligations.length + 1}`, 'state_budget', 'Tịch thu tiêu hủy vật chứng', null));
      }
      return { profile, initiation: 'ex_officio', category: 'hinh_su', judgment, commune, parties: [obligor()], obligations, prisoner: rnd.chance(0.35) };
    }
    case 'fee': {
      const category = rnd.weighted<Category>([['dan_su', 58], ['hon_nhan_gia_dinh', 27], ['kinh_doanh_thuong_mai', 8], ['lao_dong', 3], ['hanh_chinh', 2], ['khac', 2]]);
      const appeal = rnd.chance(0.1);
      const agreement = !appeal && category !== 'hanh_chinh' && rnd.chance(0.2);
      const judgment = judgmentOf(rnd, category, daysBefore(20, 90), { appeal, agreement });
      const obligations: Obligation[] = [];
      switch (category) {
        case 'hon_nhan_gia_dinh':
          obligations.push(money('o1', 'state_budget', 'Án phí hôn nhân và gia đình sơ thẩm', rnd.chance(0.7) ? 300_000n : niceAmount(rnd.logUniform(1e6, 2.5e7), rnd)));
          break;
        case 'kinh_doanh_thuong_mai':
          obligations.push(money('o1', 'state_budget', 'Án phí kinh doanh, thương mại sơ thẩm', niceAmount(rnd.logUniform(3e6, 9e7), rnd)));
          break;
        case 'lao_dong':
          obligations.push(money('o1', 'state_budget', 'Án phí lao động sơ thẩm', 300_000n));
          break;
        case 'hanh_chinh':
          obligations.push(money('o1', 'state_budget', 'Án phí hành chính sơ thẩm', 300_000n));
          break;
        default:
          obligations.push(money('o1', 'state_budget', 'Án phí dân sự sơ thẩm', rnd.chance(0.45) ? 300_000n : niceAmount(rnd.logUniform(3e5, 4e7), rnd)));
      }
      if (appeal) obligations.push(money('o2', 'state_budget', 'Án phí dân sự phúc thẩm', 300_000n));
      const company = category === 'kinh_doanh_thuong_mai' && rnd.chance(0.4);
      return { profile, initiation: 'ex_officio', category, judgment, commune, parties: [obligor(company ? 'organisation' : 'person')], obligations, prisoner: false };
    }
    case 'civil_debt': {
      const agreement = rnd.chance(0.3);
      const judgment = judgmentOf(rnd, 'dan_su', daysBefore(30, 720), { agreement, appeal: !agreement && rnd.chance(0.1) });
      const label = rnd.pick(DEBT_LABELS);
      const parties: Party[] = [obligor(), rnd.chance(0.15) ? { role: 'obligee', kind: 'organisation', name: dealerName(rnd), idNumber: taxCode(rnd), address: addressIn(rnd, commune, era) } : obligeePerson(rnd.chance(0.7))];
      const obligations: Obligation[] = [money('o1', 'party', label, niceAmount(rnd.logUniform(5e6, 4.5e8), rnd))];
      return { profile, initiation: 'on_request', category: 'dan_su', judgment, commune, parties, obligations, prisoner: false };
    }
    case 'family': {
      const agreement = rnd.chance(0.45);
      const judgment = judgmentOf(rnd, 'hon_nhan_gia_dinh', daysBefore(30, 900), { agreement });
      const obligee = obligeePerson(rnd.chance(0.6));
      const obligations: Obligation[] = [];
      const r = rnd.next();
      if (r < 0.5) {
        const monthly = rnd.pick([1_000_000n, 1_200_000n, 1_500_000n, 1_500_000n, 2_000_000n, 2_500_000n, 3_000_000n]);
        const months = BigInt(rnd.int(6, 48));
        obligations.push(money('o1', 'party', `Cấp dưỡng nuôi con chung (${groupDigits(monthly)} đồng/tháng, ${months} tháng chưa thi hành)`, monthly * months));
      } else if (r < 0.85) {
        obligations.push(money('o1', 'party', 'Chia tài sản chung của vợ chồng', niceAmount(rnd.logUniform(2e7, 6e8), rnd)));
      } else {
        obligations.push(thing('o1', 'party', 'Giao nhà và quyền sử dụng đất cho người được chia', rnd.chance(0.6) ? niceAmount(rnd.logUniform(2e8, 1.2e9), rnd) : null));
        obligations.push(money('o2', 'party', 'Thanh toán giá trị chênh lệch tài sản', niceAmount(rnd.logUniform(1e7, 3e8), rnd)));
      }
      return { profile, initiation: 'on_request', category: 'hon_nhan_gia_dinh', judgment, commune, parties: [obligor(), obligee], obligations, prisoner: false };
    }
    case 'land': {
      const appeal = rnd.chance(0.3);
      const judgment = judgmentOf(rnd, 'dan_su', daysBefore(30, 500), { appeal });
      const obligations: Obligation[] = [];
      if (rnd.chance(0.75)) {
        const area = rnd.int(40, 2400);
        obligations.push(thing('o1', 'party', `Trả lại quyền sử dụng đất diện tích ${area} m², thửa đất số ${rnd.int(12, 980)}, tờ bản đồ số ${rnd.int(1, 42)}`, rnd.chance(0.7) ? niceAmount(rnd.logUniform(3e7, 9e8), rnd) : null));
      } else {
        obligations.push(thing('o1', 'party', 'Tháo dỡ công trình xây dựng trên phần đất lấn chiếm', null));
      }
      if (rnd.chance(0.4)) obligations.push(money(`o${obligations.length + 1}`, 'party', 'Bồi thường giá trị cây trồng, vật kiến trúc trên đất', niceAmount(rnd.logUniform(3e6, 8e7), rnd)));
      return { profile, initiation: 'on_request', category: 'dan_su', judgment, commune, parties: [obligor(), obligeePerson(true)], obligations, prisoner: false };
    }
    case 'business': {
      const judgment = judgmentOf(rnd, 'kinh_doanh_thuong_mai', daysBefore(30, 600), { agreement: rnd.chance(0.3) });
      const obligations: Obligation[] = [money('o1', 'party', 'Thanh toán tiền hàng', niceAmount(rnd.logUniform(5e7, 1.5e9), rnd))];
      if (rnd.chance(0.3)) obligations.push(money('o2', 'party', 'Tiền lãi chậm thanh toán', niceAmount(rnd.logUniform(2e6, 2e8), rnd)));
      const obligee: Party = { role: 'obligee', kind: 'organisation', name: rnd.chance(0.5) ? companyName(rnd) : dealerName(rnd), idNumber: taxCode(rnd), address: addressElsewhere(rnd, era) };
      return { profile, initiation: 'on_request', category: 'kinh_doanh_thuong_mai', judgment, commune, parties: [obligor(rnd.chance(0.55) ? 'organisation' : 'person'), obligee], obligations, prisoner: false };
    }
    case 'labour': {
      const judgment = judgmentOf(rnd, 'lao_dong', daysBefore(30, 400), { agreement: rnd.chance(0.4) });
      const obligations: Obligation[] = [money('o1', 'party', 'Trả lương và trợ cấp thôi việc', niceAmount(rnd.logUniform(1.5e7, 2e8), rnd))];
      return { profile, initiation: 'on_request', category: 'lao_dong', judgment, commune, parties: [obligor('organisation'), obligeePerson(true)], obligations, prisoner: false };
    }
    case 'bank': {
      const judgment = judgmentOf(rnd, 'kinh_doanh_thuong_mai', daysBefore(60, 700), { agreement: rnd.chance(0.35), appeal: rnd.chance(0.1) });
      const contract = `${rnd.int(10, 9800)}/${year - rnd.int(1, 5)}/HĐTD`;
      const amount = BigInt(Math.round(rnd.logUniform(8e8, 1.2e10) / 1000)) * 1000n;
      const obligations: Obligation[] = [money('o1', 'party', `Trả nợ gốc và lãi theo hợp đồng tín dụng số ${contract}`, amount)];
      if (rnd.chance(0.5)) obligations.push(thing('o2', 'party', 'Xử lý tài sản bảo đảm (quyền sử dụng đất thế chấp) để thu hồi nợ', null));
      const bank: Party = { role: 'obligee', kind: 'organisation', name: rnd.pick(era === 'former' ? BANKS_FORMER : BANKS_CURRENT), idNumber: null, address: era === 'former' ? 'tỉnh Long An' : 'tỉnh Tây Ninh' };
      return { profile, initiation: 'on_request', category: 'kinh_doanh_thuong_mai', judgment, commune, parties: [obligor(rnd.chance(0.4) ? 'organisation' : 'person'), bank], obligations, prisoner: false };
    }
  }
}
