import type { Tx } from '../../../platform/db/database.js';
import { insertTeam, type MemberOrganisation, type TeamRole } from '../../mobilisation/index.js';

// The demo office's commune mobilisation teams (the source article: "13 Tổ vận động THADS" of the 13
// communes of Châu Thành, shared/data/chau-thanh-2015-2020.json). Established in 2015 by decisions of each
// commune's People's Committee, they served until the communes were merged on 01/07/2025; the four merged
// communes then got re-formed teams under TN-KV3. Names are generated, deterministic and fictitious.

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Hồ', 'Dương', 'Lý'];
const MIDDLE_M = ['Văn', 'Minh', 'Thanh', 'Hữu', 'Quốc', 'Công'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Kim', 'Mỹ', 'Thanh'];
const GIVEN_M = ['Hùng', 'Dũng', 'Tài', 'Phúc', 'Lộc', 'Sang', 'Tâm', 'Hải', 'Nghĩa', 'Trí', 'Khang', 'Bảo', 'Thắng'];
const GIVEN_F = ['Lan', 'Hoa', 'Mai', 'Hạnh', 'Trang', 'Thảo', 'Nhung', 'Liên', 'Yến', 'Diễm', 'Hương', 'Loan', 'Ngân'];

/** A team's composition: the organisations a commune team draws on, with the leader from the People's Committee. */
const COMPOSITION: { organisation: MemberOrganisation; role: TeamRole; female: boolean }[] = [
  { organisation: 'ubnd_xa', role: 'leader', female: false },
  { organisation: 'mttq', role: 'deputy', female: false },
  { organisation: 'hoi_phu_nu', role: 'member', female: true },
  { organisation: 'hoi_nong_dan', role: 'member', female: false },
  { organisation: 'cong_an_xa', role: 'member', female: false },
  { organisation: 'doan_thanh_nien', role: 'member', female: true },
  { organisation: 'hoi_cuu_chien_binh', role: 'member', female: false },
  { organisation: 'truong_ap', role: 'member', female: false },
];

function personName(seed: number, female: boolean): string {
  const pick = <T>(xs: readonly T[], k: number) => xs[k % xs.length]!;
  return `${pick(FAMILY, seed * 7 + 3)} ${pick(female ? MIDDLE_F : MIDDLE_M, seed * 5 + 1)} ${pick(female ? GIVEN_F : GIVEN_M, seed * 11 + 2)}`;
}

function phoneOf(seed: number): string {
  return `09${String(10_000_000 + ((seed * 7_919_777) % 89_999_999)).padStart(8, '0')}`;
}

async function communeIds(tx: Tx, codes: readonly string[], era: 'former' | 'current') {
  return tx
    .selectFrom('communes')
    .select(['id', 'code', 'name'])
    .where('code', 'in', [...codes])
    .where('valid_to', era === 'former' ? 'is not' : 'is', null)
    .orderBy('code')
    .execute();
}

/** Inserts the demo teams (inside the demo organisation's transaction). */
export async function loadDemoTeams(tx: Tx, offices: { former: number; current: number }, communes: { former: readonly string[]; current: readonly string[] }): Promise<number> {
  let seed = 1;
  let count = 0;
  const eras = [
    { office: offices.former, era: 'former' as const, codes: communes.former, from: '2015-03-02', to: '2025-06-30' as string | null, decided: '2015-02-16', year: 2015 },
    { office: offices.current, era: 'current' as const, codes: communes.current, from: '2025-07-15', to: null, decided: '2025-07-10', year: 2025 },
  ];
  for (const e of eras) {
    for (const c of await communeIds(tx, e.codes, e.era)) {
      const members = COMPOSITION.map((m) => {
        const s = seed++;
        return { name: personName(s, m.female), organisation: m.organisation, role: m.role, phone: phoneOf(s), validFrom: e.from, validTo: e.to, userId: null };
      });
      await insertTeam(tx, {
        officeId: e.office, communeId: c.id, name: `Tổ vận động thi hành án dân sự ${c.name}`,
        decision: { number: `${20 + count}/QĐ-UBND`, date: e.decided, signer: `Chủ tịch UBND ${c.name}` },
        validFrom: e.from, validTo: e.to, members,
      });
      count += 1;
    }
  }
  return count;
}

/**
 * The demo's team member account (to.van.dong) is the deputy of the re-formed team of commune `commune`
 * (TN-KV3): the member row takes the account's name and is linked to it, so that the account sees that
 * team's cases.
 */
export async function linkDemoTeamMember(tx: Tx, username: string, commune: string): Promise<void> {
  const user = await tx.selectFrom('users').select(['id', 'full_name']).where('username', '=', username).executeTakeFirstOrThrow();
  const member = await tx
    .selectFrom('mobilisation_team_members as m')
    .innerJoin('mobilisation_teams as t', 't.id', 'm.team_id')
    .innerJoin('communes as c', 'c.id', 't.commune_id')
    .select('m.id')
    .where('c.code', '=', commune)
    .where('t.valid_to', 'is', null)
    .where('m.role', '=', 'deputy')
    .executeTakeFirstOrThrow();
  await tx.updateTable('mobilisation_team_members').set({ user_id: user.id, name: user.full_name }).where('id', '=', member.id).execute();
}
