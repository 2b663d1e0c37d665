import type { Db } from '../../../platform/db/database.js';
import type { UnitLevel } from '../domain/roles.js';
import { AppError } from '../../../kernel/errors.js';
import { isUnitValidOn, parentLevelFor } from '../domain/unit-scope.js';
import { appendAudit, type RequestContext } from '../../../platform/audit/audit-log.js';
import { communesOfUnit, enforcersOfUnit, type UnitRow } from '../infra/units.repository.js';
import type { Actor } from './actor.js';
import { isUniqueViolation } from './users.service.js';
import type { UnitDirectory } from './unit-directory.js';

export interface UnitView {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
  active: boolean;
}

export interface NewUnit {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  validFrom: string;
  validTo?: string | null | undefined;
  successorCode?: string | null | undefined;
}

const fieldError = (field: string, rule: string, message: string) => new AppError('VALIDATION_FAILED', [{ field, rule, message }]);
const unknownSuccessor = (code: string) =>
  fieldError('successorCode', 'unknown_unit', `Không có đơn vị kế thừa mã "${code}" trong phạm vi quản lý của bạn.`);

/** The organisation registry: units with validity dates and successors (domain.md §1). */
export class UnitsService {
  constructor(
    private readonly db: Db,
    private readonly units: UnitDirectory,
  ) {}

  present(u: UnitRow, today: string): UnitView {
    return {
      id: u.id, code: u.code, name: u.name, level: u.level, parentCode: u.parentCode, validFrom: u.validFrom,
      validTo: u.validTo, successorCode: u.successorCode, active: isUnitValidOn(u, today),
    };
  }

  async list(actor: Actor, today: string): Promise<UnitView[]> {
    return (await this.units.all()).filter((u) => actor.scope.has(u.id)).map((u) => this.present(u, today));
  }

  async detail(code: string, today: string) {
    const unit = await this.units.byCode(code);
    if (!unit) throw new AppError('NOT_FOUND');
    const [communes, enforcers] = await Promise.all([communesOfUnit(this.db, unit.id), enforcersOfUnit(this.db, unit.id)]);
    return {
      unit: this.present(unit, today),
      communes: communes.map((c) => ({
        code: c.code, name: c.name, districtName: c.district_name, provinceName: c.province_name, validFrom: c.valid_from, validTo: c.valid_to,
      })),
      enforcers,
    };
  }

  /**
   * Creates a unit under a parent one level up; the successor, if any, must exist and be within the
   * actor's scope: naming a successor makes the successor's users see this unit (scope = subtree +
   * predecessors), so a province administrator could otherwise hand its unit to another province.
   */
  async create(actor: Actor, input: NewUnit): Promise<UnitView> {
    const ctx: RequestContext = actor.ctx;
    const expectedParent = parentLevelFor(input.level);
    const parent = input.parentCode ? await this.units.byCode(input.parentCode) : undefined;
    if (expectedParent === null && input.parentCode) throw fieldError('parentCode', 'no_parent', 'Đơn vị cấp trung ương không có đơn vị cấp trên.');
    if (expectedParent !== null && (!parent || parent.level !== expectedParent)) {
      throw fieldError('parentCode', 'parent_level', `Đơn vị cấp trên phải là một đơn vị cấp ${expectedParent === 'national' ? 'trung ương' : 'tỉnh'} đã có.`);
    }
    if (input.validTo && input.validTo < input.validFrom) throw fieldError('validTo', 'after_valid_from', 'Ngày hết hiệu lực phải sau ngày bắt đầu.');
    const successor = input.successorCode ? await this.units.byCode(input.successorCode) : undefined;
    // Outside the scope reads as absent: whether another province's unit code exists is not told.
    if (input.successorCode && (!successor || !actor.scope.has(successor.id))) throw unknownSuccessor(input.successorCode);
    const id = await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('units')
        .values({
          code: input.code, name: input.name, level: input.level, parent_id: parent?.id ?? null, valid_from: input.validFrom,
          valid_to: input.validTo ?? null, successor_id: successor?.id ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
        .catch((e: unknown) => {
          throw isUniqueViolation(e) ? unitCodeTaken(input.code) : e;
        });
      await appendAudit(tx, ctx, { action: 'unit.created', entityType: 'unit', entityId: input.code, unitId: row.id, after: { ...input } });
      return row.id;
    });
    this.units.invalidate();
    return this.present((await this.units.byId(id))!, input.validFrom);
  }

  /** Renames a unit, ends it (validTo) or names its successor. */
  async update(actor: Actor, code: string, patch: { name?: string | undefined; validTo?: string | null | undefined; successorCode?: string | null | undefined }, today: string) {
    const unit = await this.units.byCode(code);
    if (!unit) throw new AppError('NOT_FOUND');
    if (patch.validTo && patch.validTo < unit.validFrom) throw fieldError('validTo', 'after_valid_from', 'Ngày hết hiệu lực phải sau ngày bắt đầu.');
    let successorId: number | null | undefined;
    if (patch.successorCode !== undefined) {
      if (patch.successorCode === null) successorId = null;
      else {
        const s = await this.units.byCode(patch.successorCode);
        if (!s || s.id === unit.id || !actor.scope.has(s.id)) throw unknownSuccessor(patch.successorCode);
        successorId = s.id;
      }
    }
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('units')
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.validTo !== undefined ? { valid_to: patch.validTo } : {}),
          ...(successorId !== undefined ? { successor_id: successorId } : {}),
        })
        .where('id', '=', unit.id)
        .execute();
      await appendAudit(tx, actor.ctx, {
        action: 'unit.updated', entityType: 'unit', entityId: code, unitId: unit.id,
        before: { name: unit.name, validTo: unit.validTo, successorCode: unit.successorCode },
        after: {
          name: patch.name ?? unit.name,
          validTo: patch.validTo !== undefined ? patch.validTo : unit.validTo,
          successorCode: patch.successorCode !== undefined ? patch.successorCode : unit.successorCode,
        },
      });
    });
    this.units.invalidate();
    return this.present((await this.units.byId(unit.id))!, today);
  }
}

/** A unit code is unique: the answer names it, on its field, and says so in the message too. */
function unitCodeTaken(code: string) {
  const message = `Mã đơn vị "${code}" đã được dùng cho một đơn vị khác.`;
  return new AppError('CONFLICT', [{ field: 'code', rule: 'unit_code_taken', message }], message);
}
