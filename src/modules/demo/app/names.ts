import type { Random } from './random.js';

/**
 * Vietnamese names, identity numbers and addresses for the demo data of the Châu Thành office (Long An,
 * Mekong delta). Family names with roughly their frequency in the South (Nguyễn about a third; Huỳnh and Võ
 * more common than Hoàng and Vũ). Every person and organisation is invented; the hamlet (ấp) names are
 * plausible, not a gazetteer.
 */

const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 31], ['Trần', 11], ['Lê', 9.5], ['Phạm', 5.5], ['Huỳnh', 6], ['Võ', 5.5], ['Phan', 4], ['Trương', 2],
  ['Đặng', 1.8], ['Bùi', 1.5], ['Đỗ', 1.3], ['Hồ', 2], ['Ngô', 1.4], ['Dương', 1.4], ['Lý', 1], ['Đinh', 0.7],
  ['Lâm', 1], ['Mai', 0.8], ['Hoàng', 0.9], ['Vũ', 0.4], ['Cao', 0.6], ['Châu', 0.6], ['Tô', 0.5], ['Lương', 0.6],
  ['Đoàn', 0.8], ['Thái', 0.5], ['Lưu', 0.5], ['Quách', 0.3], ['Từ', 0.3], ['Tạ', 0.3], ['Hà', 0.4],
];

const MALE_MIDDLE: readonly (readonly [string, number])[] = [
  ['Văn', 48], ['Minh', 8], ['Thanh', 7], ['Hoàng', 4], ['Quốc', 5], ['Hữu', 5], ['Công', 3], ['Tấn', 4], ['Thành', 3],
  ['Ngọc', 2], ['Đức', 2], ['Trung', 2], ['Phước', 2], ['Hồng', 1.5], ['Chí', 2], ['Duy', 1.5],
];
const FEMALE_MIDDLE: readonly (readonly [string, number])[] = [
  ['Thị', 58], ['Ngọc', 8], ['Thanh', 5], ['Kim', 6], ['Mỹ', 4], ['Thu', 3], ['Bích', 3], ['Hồng', 3], ['Diễm', 1.5],
  ['Kiều', 1.5], ['Phương', 2], ['Tuyết', 1.5], ['Thúy', 2],
];
const MALE_GIVEN = [
  'An', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đức', 'Hải', 'Hậu', 'Hiếu', 'Hòa', 'Hùng', 'Hưng', 'Khang', 'Khải', 'Kiệt', 'Lâm',
  'Lộc', 'Long', 'Lợi', 'Luân', 'Minh', 'Nam', 'Nghĩa', 'Nhân', 'Phong', 'Phúc', 'Phước', 'Quang', 'Sang', 'Sơn', 'Tài',
  'Tâm', 'Tân', 'Thắng', 'Thành', 'Thiện', 'Thịnh', 'Tiến', 'Toàn', 'Trí', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ',
  'Út', 'Được', 'Em', 'Hoàng', 'Khánh', 'Lực', 'Mến', 'Nhựt', 'Quí', 'Sĩ', 'Tư', 'Thông', 'Vàng', 'Xuân',
] as const;
const FEMALE_GIVEN = [
  'Anh', 'Bích', 'Châu', 'Diễm', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hoa', 'Hồng', 'Hương', 'Lan', 'Liên',
  'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phượng', 'Quyên', 'Sương', 'Tâm', 'Thảo', 'Thủy',
  'Trang', 'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Xuân', 'Yến', 'Lệ', 'Hiền', 'Thu', 'Út', 'Cúc', 'Đào', 'Huệ', 'Lài', 'Mận',
  'Nhàn', 'Phấn', 'Son', 'Thắm',
] as const;

export type Gender = 'male' | 'female';

export interface Person {
  name: string;
  gender: Gender;
  birthYear: number;
  /** 12-digit citizen identity number: province 080 (Long An), century-and-sex digit, year of birth, 6 digits. */
  idNumber: string;
}

export function personName(rnd: Random, gender: Gender): string {
  const family = rnd.weighted(FAMILY_NAMES);
  const middle = rnd.weighted(gender === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE);
  const given = rnd.pick(gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  // A few people carry two middle names (Nguyễn Thị Ngọc Hân) or none shown apart (Lê Minh Tâm).
  if (rnd.chance(0.08)) {
    const second = rnd.weighted(gender === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE);
    if (second !== middle && second !== given) return `${family} ${middle} ${second} ${given}`;
  }
  return `${family} ${middle} ${given}`;
}

/** A 12-digit identity number of Long An (province code 080): century/sex digit (0/1: 1900s, 2/3: 2000s), year, serial. */
export function identityNumber(rnd: Random, gender: Gender, birthYear: number): string {
  const century = birthYear >= 2000 ? 2 : 0;
  const digit = century + (gender === 'female' ? 1 : 0);
  const yy = String(birthYear % 100).padStart(2, '0');
  return `080${digit}${yy}${String(rnd.int(0, 999_999)).padStart(6, '0')}`;
}

/** An adult obligor or obligee at the given year. */
export function person(rnd: Random, atYear: number, gender: Gender = rnd.chance(0.62) ? 'male' : 'female'): Person {
  const birthYear = atYear - rnd.int(19, 72);
  return { name: personName(rnd, gender), gender, birthYear, idNumber: identityNumber(rnd, gender, birthYear) };
}

// ---------------------------------------------------------------------------------------------------------
// Communes and hamlets

export interface DemoCommune {
  code: string;
  name: string;
  /** Thị trấn: "khu phố"; xã: "ấp". */
  hamlets: readonly string[];
  /** Relative population, for the share of cases. */
  weight: number;
}

/** The 13 communes of the former Châu Thành district (codes as in the official list before 01/07/2025). */
export const FORMER_COMMUNES: readonly DemoCommune[] = [
  { code: '28210', name: 'Thị trấn Tầm Vu', hamlets: ['khu phố 1', 'khu phố 2', 'khu phố 3', 'khu phố 4', 'khu phố 5'], weight: 1.5 },
  { code: '28213', name: 'Xã Bình Quới', hamlets: ['ấp Bình Trị 1', 'ấp Bình Trị 2', 'ấp Phú Hòa', 'ấp Bình Thạnh'], weight: 0.8 },
  { code: '28216', name: 'Xã Hòa Phú', hamlets: ['ấp Hòa Thuận', 'ấp Hòa Lợi', 'ấp Phú Thạnh', 'ấp Phú Tây'], weight: 0.9 },
  { code: '28219', name: 'Xã Phú Ngãi Trị', hamlets: ['ấp Phú Hòa', 'ấp Phú Xuân', 'ấp Trị Yên', 'ấp Trị Hòa', 'ấp Bình Phú'], weight: 1 },
  { code: '28222', name: 'Xã Vĩnh Công', hamlets: ['ấp 1', 'ấp 2', 'ấp 3', 'ấp 4', 'ấp 5', 'ấp 6'], weight: 1.1 },
  { code: '28225', name: 'Xã Thuận Mỹ', hamlets: ['ấp Thuận Hòa', 'ấp Mỹ Lợi', 'ấp Thuận Tây', 'ấp Mỹ Thạnh'], weight: 1 },
  { code: '28228', name: 'Xã Hiệp Thạnh', hamlets: ['ấp Thạnh Hiệp', 'ấp Thạnh Lợi', 'ấp Hiệp Hòa', 'ấp Cầu Xây'], weight: 0.8 },
  { code: '28231', name: 'Xã Phước Tân Hưng', hamlets: ['ấp Phước Hòa', 'ấp Tân Hòa', 'ấp Hưng Thạnh', 'ấp Phước Lợi'], weight: 0.9 },
  { code: '28234', name: 'Xã Thanh Phú Long', hamlets: ['ấp Phú Long', 'ấp Thanh Hòa', 'ấp Long Hòa', 'ấp Thanh Lợi'], weight: 1 },
  { code: '28237', name: 'Xã Dương Xuân Hội', hamlets: ['ấp Xuân Hòa 1', 'ấp Xuân Hòa 2', 'ấp Cầu Tràm', 'ấp Hội Thạnh'], weight: 1.1 },
  { code: '28240', name: 'Xã An Lục Long', hamlets: ['ấp An Hòa', 'ấp Lục Thạnh', 'ấp Long Thuận', 'ấp An Ninh'], weight: 1 },
  { code: '28243', name: 'Xã Long Trì', hamlets: ['ấp Long Hưng', 'ấp Long Thạnh', 'ấp Long Hòa', 'ấp Trì Phú'], weight: 0.9 },
  { code: '28246', name: 'Xã Thanh Vĩnh Đông', hamlets: ['ấp Vĩnh Hòa', 'ấp Vĩnh Thạnh', 'ấp Đông Hòa', 'ấp Thanh Hiệp'], weight: 0.8 },
];

/** The 4 communes of Tây Ninh that replaced them on 01/07/2025, with the former communes each absorbed. */
export const CURRENT_COMMUNES: readonly (DemoCommune & { formerCodes: readonly string[] })[] = [
  { code: '28210', name: 'Xã Tầm Vu', hamlets: [], weight: 0, formerCodes: ['28210', '28219', '28228', '28231'] },
  { code: '28222', name: 'Xã Vĩnh Công', hamlets: [], weight: 0, formerCodes: ['28222', '28216', '28213'] },
  { code: '28225', name: 'Xã Thuận Mỹ', hamlets: [], weight: 0, formerCodes: ['28225', '28234', '28246'] },
  { code: '28243', name: 'Xã An Lục Long', hamlets: [], weight: 0, formerCodes: ['28243', '28240', '28237'] },
].map((c) => {
  const former = FORMER_COMMUNES.filter((f) => c.formerCodes.includes(f.code));
  return { ...c, hamlets: former.flatMap((f) => f.hamlets.map((h) => h.replace(/^khu phố/, 'ấp'))), weight: former.reduce((s, f) => s + f.weight, 0) };
});

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "ấp Phú Hòa, xã Phú Ngãi Trị, huyện Châu Thành, tỉnh Long An" (before 01/07/2025) or "ấp Phú Hòa, xã Tầm Vu, tỉnh Tây Ninh". */
export function addressIn(rnd: Random, commune: DemoCommune, era: 'former' | 'current'): string {
  const hamlet = rnd.pick(commune.hamlets);
  return era === 'former'
    ? `${hamlet}, ${lowerFirst(commune.name)}, huyện Châu Thành, tỉnh Long An`
    : `${hamlet}, ${lowerFirst(commune.name)}, tỉnh Tây Ninh`;
}

const ELSEWHERE_FORMER = [
  'phường 2, thành phố Tân An, tỉnh Long An', 'phường 6, thành phố Tân An, tỉnh Long An', 'thị trấn Tân Trụ, huyện Tân Trụ, tỉnh Long An',
  'xã Lạc Tấn, huyện Tân Trụ, tỉnh Long An', 'thị trấn Bến Lức, huyện Bến Lức, tỉnh Long An', 'xã Long Định, huyện Châu Thành, tỉnh Tiền Giang',
  'phường 5, thành phố Mỹ Tho, tỉnh Tiền Giang', 'phường Tân Phú, quận 7, Thành phố Hồ Chí Minh', 'xã Bình Chánh, huyện Bình Chánh, Thành phố Hồ Chí Minh',
];
const ELSEWHERE_CURRENT = [
  'phường Long An, tỉnh Tây Ninh', 'phường Tân An, tỉnh Tây Ninh', 'xã Tân Trụ, tỉnh Tây Ninh', 'xã Bến Lức, tỉnh Tây Ninh',
  'phường Mỹ Tho, tỉnh Đồng Tháp', 'phường Tân Thuận, Thành phố Hồ Chí Minh', 'xã Bình Chánh, Thành phố Hồ Chí Minh',
];

/** An address outside the office's area (obligees often live elsewhere). */
export function addressElsewhere(rnd: Random, era: 'former' | 'current'): string {
  const place = rnd.pick(era === 'former' ? ELSEWHERE_FORMER : ELSEWHERE_CURRENT);
  return place.startsWith('phường') ? `số ${rnd.int(3, 420)} đường số ${rnd.int(1, 30)}, ${place}` : `ấp ${rnd.int(1, 7)}, ${place}`;
}

// ---------------------------------------------------------------------------------------------------------
// Organisations (all invented except the generic names of bank branches)

export const BANKS_FORMER = [
  'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam – Chi nhánh huyện Châu Thành Long An',
  'Ngân hàng TMCP Sài Gòn Thương Tín – Chi nhánh Long An',
  'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam – Chi nhánh Long An',
  'Ngân hàng TMCP Kiên Long – Chi nhánh Long An',
  'Ngân hàng TMCP Công Thương Việt Nam – Chi nhánh Long An',
  'Quỹ tín dụng nhân dân xã Dương Xuân Hội',
] as const;
export const BANKS_CURRENT = [
  'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam – Chi nhánh Long An II',
  'Ngân hàng TMCP Sài Gòn Thương Tín – Chi nhánh Tây Ninh',
  'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam – Chi nhánh Long An',
  'Ngân hàng TMCP Kiên Long – Chi nhánh Long An',
] as const;

const COMPANY_KINDS = ['Công ty TNHH', 'Công ty TNHH MTV', 'Công ty cổ phần', 'Doanh nghiệp tư nhân'] as const;
const COMPANY_TRADES = [
  'Thương mại Dịch vụ', 'Xây dựng', 'Chế biến Nông sản', 'Vật liệu Xây dựng', 'Vận tải', 'Phân bón', 'Thanh long', 'Cơ khí',
  'Xuất nhập khẩu Nông sản', 'Thức ăn Chăn nuôi', 'Đầu tư Xây dựng', 'Gạch ngói',
] as const;
const COMPANY_PLACES = ['Tầm Vu', 'Châu Thành', 'Vĩnh Công', 'Phú Ngãi', 'Thuận Mỹ', 'An Lục Long', 'Long Trì', 'Hòa Phú', 'Thanh Phú', 'Hiệp Thạnh', 'Phước Tân', 'Vàm Cỏ'] as const;
const COMPANY_NAMES = ['Phú Mỹ', 'Thành Đạt', 'Hưng Thịnh', 'Tấn Phát', 'Minh Khang', 'Kim Ngân', 'Phước Lộc', 'Thuận Phát', 'An Khang', 'Vạn Lợi', 'Đại Phú', 'Hoàng Long'] as const;

export function companyName(rnd: Random): string {
  const kind = rnd.pick(COMPANY_KINDS);
  if (kind === 'Doanh nghiệp tư nhân') return `${kind} ${rnd.pick(COMPANY_NAMES)}`;
  return `${kind} ${rnd.pick(COMPANY_TRADES)} ${rnd.chance(0.5) ? rnd.pick(COMPANY_PLACES) : rnd.pick(COMPANY_NAMES)}`;
}

/** A 10-digit tax code of an enterprise registered in Long An (prefix 11). */
export function taxCode(rnd: Random): string {
  return `11${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`;
}

/** A shop or dealer (đại lý) that sells on credit: a classic obligee in the Mekong delta. */
export function dealerName(rnd: Random): string {
  const what = rnd.pick(['Đại lý vật tư nông nghiệp', 'Cửa hàng vật liệu xây dựng', 'Đại lý phân bón', 'Cửa hàng điện máy']);
  return `${what} ${rnd.pick(COMPANY_NAMES)}`;
}
