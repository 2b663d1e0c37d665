import type { DbOrTx } from '../../../platform/db/database.js';
import { AppError } from '../../../kernel/errors.js';
import { readerSees, type Reader } from '../domain/reader.js';
import { visibleUnitIds } from '../domain/unit-scope.js';
import { allUnits, toNodes, type UnitRow } from '../infra/units.repository.js';

/**
 * The organisation tree, read once and kept in memory: a few hundred units that change a few times a year,
 * consulted on every request for the scope check. Writes through the units service invalidate it; other
 * processes see changes within `ttlMs`.
 */
export class UnitDirectory {
  private cache: { at: number; units: UnitRow[]; byId: Map<number, UnitRow>; byCode: Map<string, UnitRow>; scopes: Map<number, Set<number>> } | null = null;

  constructor(
    private readonly db: DbOrTx,
    private readonly ttlMs = 30_000,
  ) {}

  invalidate(): void {
    this.cache = null;
  }

  private async load() {
    if (this.cache && Date.now() - this.cache.at < this.ttlMs) return this.cache;
    const units = await allUnits(this.db);
    this.cache = {
      at: Date.now(),
      units,
      byId: new Map(units.map((u) => [u.id, u])),
      byCode: new Map(units.map((u) => [u.code, u])),
      scopes: new Map(),
    };
    return this.cache;
  }

  async all(): Promise<UnitRow[]> {
    return (await this.load()).units;
  }

  async byId(id: number): Promise<UnitRow | undefined> {
    return (await this.load()).byId.get(id);
  }

  /** The cached maps themselves (read-only), for callers that resolve many ids or codes synchronously. */
  async maps(): Promise<{ byId: ReadonlyMap<number, UnitRow>; byCode: ReadonlyMap<string, UnitRow> }> {
    const c = await this.load();
    return { byId: c.byId, byCode: c.byCode };
  }

  async byCode(code: string): Promise<UnitRow | undefined> {
    return (await this.load()).byCode.get(code);
  }

  /**
   * The unit `code` if the reader may read its data: the scope check of every use case that returns a unit's
   * data. Outside the scope the answer is the one for an unknown unit, never a hint that the unit exists.
   */
  async visibleTo(reader: Reader, code: string): Promise<UnitRow> {
    const u = await this.byCode(code);
    if (!u || !readerSees(reader, u.id)) throw new AppError('NOT_FOUND', [{ field: 'unit', rule: 'unknown_unit', message: `Không có đơn vị mã "${code}".` }]);
    return u;
  }

  /** The units visible from `unitId` (its subtree and the units it succeeds). */
  async scopeOf(unitId: number): Promise<Set<number>> {
    const c = await this.load();
    let scope = c.scopes.get(unitId);
    if (!scope) {
      scope = visibleUnitIds(toNodes(c.units), unitId);
      c.scopes.set(unitId, scope);
    }
    return scope;
  }

  /** True when a scope holds every unit (national level): queries then need no unit filter. */
  async coversAll(scope: ReadonlySet<number>): Promise<boolean> {
    return scope.size >= (await this.load()).units.length;
  }
}
