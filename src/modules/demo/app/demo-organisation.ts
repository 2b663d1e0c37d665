import { linkDemoTeamMember, loadDemoTeams } from './demo-teams.js';
import { loadDemoSteering } from './demo-steering.js';
import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.js';
import type { Role } from '../../organisation/domain/index.js';
import { hashPassword } from '../../organisation/index.js';
import { appendAudit, SYSTEM_CONTEXT } from '../../../platform/audit/audit-log.js';

/**
 * The demo organisation (issue: foundation): the Chi cục THADS huyện Châu Thành (Long An) until
 * 30/06/2025, succeeded from 01/07/2025 by a Phòng THADS khu vực of THADS tỉnh Tây Ninh (Long An merged into
 * Tây Ninh, Resolution 202/2025/QH15). Loaded into an empty database only.
 */
export const DEMO_PASSWORD = 'ChauThanh@2026';

const UNITS = [
  { code: 'VN', name: 'Cục Quản lý thi hành án dân sự', level: 'national', parent: null, validFrom: '2009-07-01', validTo: null, successor: null },
  { code: 'TN', name: 'Thi hành án dân sự tỉnh Tây Ninh', level: 'province', parent: 'VN', validFrom: '2025-07-01', validTo: null, successor: null },
  { code: 'TN-KV3', name: 'Phòng Thi hành án dân sự khu vực 3 – Tây Ninh', level: 'office', parent: 'TN', validFrom: '2025-07-01', validTo: null, successor: null },
  { code: 'LA', name: 'Cục Thi hành án dân sự tỉnh Long An', level: 'province', parent: 'VN', validFrom: '2009-07-01', validTo: '2025-06-30', successor: 'TN' },
  { code: 'LA-CT', name: 'Chi cục Thi hành án dân sự huyện Châu Thành', level: 'office', parent: 'LA', validFrom: '2009-07-01', validTo: '2025-06-30', successor: 'TN-KV3' },
] as const;

// The 13 communes of the former Châu Thành district (official codes before 01/07/2025) and the 4 communes
// that replaced them (shared/data/chau-thanh-2015-2020.json lists the 13 by name).
const FORMER_COMMUNES_LA_CT = ['28210', '28213', '28216', '28219', '28222', '28225', '28228', '28231', '28234', '28237', '28240', '28243', '28246'];
const CURRENT_COMMUNES_TN_KV3 = ['28210', '28222', '28225', '28243'];

const ENFORCERS = [
  { code: 'LA-CT-01', name: 'Nguyễn Văn An', unit: 'LA-CT', active: false },
  { code: 'LA-CT-02', name: 'Trần Thị Bích Ngọc', unit: 'LA-CT', active: false },
  { code: 'LA-CT-03', name: 'Lê Hoàng Phúc', unit: 'LA-CT', active: false },
  { code: 'LA-CT-04', name: 'Phạm Minh Tâm', unit: 'LA-CT', active: false },
  { code: 'LA-CT-05', name: 'Võ Thị Kim Loan', unit: 'LA-CT', active: false },
  { code: 'TN-KV3-01', name: 'Nguyễn Văn An', unit: 'TN-KV3', active: true },
  { code: 'TN-KV3-02', name: 'Trần Thị Bích Ngọc', unit: 'TN-KV3', active: true },
  { code: 'TN-KV3-03', name: 'Lê Hoàng Phúc', unit: 'TN-KV3', active: true },
  { code: 'TN-KV3-04', name: 'Huỳnh Thanh Sơn', unit: 'TN-KV3', active: true },
] as const;

export const DEMO_USERS: readonly { username: string; fullName: string; role: Role; unit: string; enforcer?: string }[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', role: 'admin', unit: 'VN' },
  { username: 'lanh.dao.tinh', fullName: 'Đặng Văn Hùng', role: 'province_head', unit: 'TN' },
  { username: 'truong.phong', fullName: 'Lương Thị Thu Hà', role: 'office_head', unit: 'TN-KV3' },
  { username: 'chv.an', fullName: 'Nguyễn Văn An', role: 'enforcer', unit: 'TN-KV3', enforcer: 'TN-KV3-01' },
  { username: 'chv.ngoc', fullName: 'Trần Thị Bích Ngọc', role: 'enforcer', unit: 'TN-KV3', enforcer: 'TN-KV3-02' },
  { username: 'ke.toan', fullName: 'Phan Thị Mỹ Duyên', role: 'clerk', unit: 'TN-KV3' },
  { username: 'to.van.dong', fullName: 'Bùi Văn Tài', role: 'mobilisation_member', unit: 'TN-KV3' },
  { username: 'thanh.tra', fullName: 'Tô Minh Khoa', role: 'inspector', unit: 'TN' },
];

/** True when the database has no unit yet: a new installation. */
/**
 * A new installation: no organisation yet and no users. The national unit alone does not count: every start
 * creates it (ensureNationalUnit) for the first administrator, so `thads demo` on a new data folder, whose
 * runtime has just created it, must still find the database empty.
 */
export async function isEmpty(db: Db): Promise<boolean> {
  const unit = await db.selectFrom('units').select('id').where((eb) => eb.or([eb('level', '!=', 'national'), eb('parent_id', 'is not', null)])).limit(1).executeTakeFirst();
  const user = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return unit === undefined && user === undefined;
}

/** Loads the demo organisation and users (idempotent per database via reference_data). */
export async function loadDemoOrganisation(db: Db): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (tx) => {
    await sql`LOCK TABLE reference_data IN EXCLUSIVE MODE`.execute(tx);
    const done = await tx.selectFrom('reference_data').where('name', '=', 'demo-organisation').select('name').executeTakeFirst();
    if (done) return false;
    const ids = new Map<string, number>();
    for (const u of UNITS) {
      const row = await tx
        .insertInto('units')
        .values({ code: u.code, name: u.name, level: u.level, parent_id: u.parent ? ids.get(u.parent)! : null, valid_from: u.validFrom, valid_to: u.validTo })
        // The national unit may already stand alone (created at start for a new installation): the demo's takes its place.
        .onConflict((oc) => oc.column('code').doUpdateSet({ name: u.name, valid_from: u.validFrom, valid_to: u.validTo }))
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(u.code, row.id);
    }
    for (const u of UNITS) {
      if (u.successor) await tx.updateTable('units').set({ successor_id: ids.get(u.successor)! }).where('id', '=', ids.get(u.code)!).execute();
    }
    await assignCommunes(tx, ids.get('LA-CT')!, FORMER_COMMUNES_LA_CT, 'former');
    await assignCommunes(tx, ids.get('TN-KV3')!, CURRENT_COMMUNES_TN_KV3, 'current');
    await loadDemoTeams(tx, { former: ids.get('LA-CT')!, current: ids.get('TN-KV3')! }, { former: FORMER_COMMUNES_LA_CT, current: CURRENT_COMMUNES_TN_KV3 });
    await loadDemoSteering(tx, { district: ids.get('LA-CT')!, province: ids.get('TN')! });
    const enforcerIds = new Map<string, number>();
    for (const e of ENFORCERS) {
      const row = await tx.insertInto('enforcers').values({ code: e.code, name: e.name, unit_id: ids.get(e.unit)!, active: e.active }).returning('id').executeTakeFirstOrThrow();
      enforcerIds.set(e.code, row.id);
    }
    for (const u of DEMO_USERS) {
      const row = await tx
        .insertInto('users')
        .values({
          username: u.username, full_name: u.fullName, password_hash: passwordHash, role: u.role, unit_id: ids.get(u.unit)!,
          enforcer_id: u.enforcer ? enforcerIds.get(u.enforcer)! : null, must_change_password: false,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(tx, SYSTEM_CONTEXT, {
        action: 'user.created', entityType: 'user', entityId: row.id, unitId: ids.get(u.unit)!,
        after: { username: u.username, fullName: u.fullName, role: u.role, unitCode: u.unit, source: 'demo' },
      });
    }
    await linkDemoTeamMember(tx, 'to.van.dong', '28210');
    await tx.insertInto('reference_data').values({ name: 'demo-organisation', version: '1' }).execute();
    return true;
  });
}

async function assignCommunes(tx: Tx, unitId: number, codes: readonly string[], era: 'former' | 'current') {
  await tx
    .updateTable('communes')
    .set({ office_id: unitId })
    .where('code', 'in', [...codes])
    .where('valid_to', era === 'former' ? 'is not' : 'is', null)
    .execute();
}
