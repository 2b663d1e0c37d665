import { formatDateVi, type IsoDate } from '../../../kernel/calendar/index.js';
import { isUnitValidOn } from '../../organisation/domain/index.js';
import type { CaseRuleError } from './case-ledger.js';
import type { CaseEvent } from './case-types.js';
import { foldVietnamese } from '../../../kernel/text/fold.js';

/**
 * Rules that tie a case write to the registry (units, enforcers, communes) and to the calendar: what the
 * lifecycle table cannot know because it sees only the case. Pure: the registry rows and "today" are
 * parameters. The HTTP and CLI adapters reach them through CasesService.
 */

export interface RegistryUnit {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly level: 'national' | 'province' | 'office';
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly successorId: number | null;
}

/**
 * Nothing in a case is dated after today (Viet Nam time): an event records an act that has happened, and
 * none of the acts the register records is dated ahead by law. An event dated
 * 9999-12-31 would otherwise make every real event "earlier than the last one" and be refused.
 */
export function futureDateErrors(dates: readonly { field: string; date: IsoDate }[], today: IsoDate): CaseRuleError[] {
  return dates
    .filter((d) => d.date > today)
    .map((d) => ({ field: d.field, rule: 'not_in_future', message: `Ngày ${formatDateVi(d.date)} sau ngày hôm nay (${formatDateVi(today)}): chỉ ghi nhận việc đã xảy ra.` }));
}

/**
 * A case is accepted by an office that exists on the acceptance date (domain.md §1: units have validity
 * dates; a dissolved Chi cục accepts nothing after its end, its successor does).
 */
export function acceptingOfficeErrors(office: RegistryUnit, acceptedOn: IsoDate, successor: RegistryUnit | undefined): CaseRuleError[] {
  if (isUnitValidOn(office, acceptedOn)) return [];
  const range = `${formatDateVi(office.validFrom)}${office.validTo ? ` – ${formatDateVi(office.validTo)}` : ''}`;
  const hint = successor && office.validTo && acceptedOn > office.validTo ? ` Cơ quan kế thừa: ${successor.name} (${successor.code}).` : '';
  return [{ field: 'acceptedOn', rule: 'office_not_valid', message: `${office.name} chỉ hoạt động từ ${range}; không thể thụ lý việc ngày ${formatDateVi(acceptedOn)}.${hint}` }];
}

/**
 * CLOSED_OFFICE_WRITES_POLICY. An event dated after the holding office's end is refused, except:
 *   - `office_changed` to the successor (that is how the case leaves the closed office; checked below);
 *   - `disbursed`: paying out money collected by an ended case, which cannot be moved (the 10-day payout of
 *     Điều 47 Luật THADS runs on and the successor pays it);
 *   - `resumed`: reopening an ended episode (separate ledger, returned request) of a closed office, which
 *     must then be moved to the successor before anything else.
 * Before the office's start nothing is dated either.
 */
export function holdingOfficeDateErrors(event: CaseEvent, holding: RegistryUnit): CaseRuleError[] {
  if (event.on < holding.validFrom) {
    return [{ field: 'on', rule: 'office_not_valid', message: `Ngày ${formatDateVi(event.on)} trước ngày ${holding.name} bắt đầu hoạt động (${formatDateVi(holding.validFrom)}).` }];
  }
  if (holding.validTo === null || event.on <= holding.validTo) return [];
  if (event.type === 'office_changed' || event.type === 'disbursed' || event.type === 'resumed') return [];
  return [{
    field: 'on', rule: 'office_closed',
    message: `${holding.name} đã kết thúc hoạt động ngày ${formatDateVi(holding.validTo)}: trước hết ghi nhận việc chuyển sang cơ quan kế thừa (chuyển cơ quan do sắp xếp tổ chức).`,
  }];
}

/** The units that succeed `unit`, nearest first (its successor, that one's successor, …). */
export function successorChain(unit: RegistryUnit, byId: ReadonlyMap<number, RegistryUnit>): RegistryUnit[] {
  const chain: RegistryUnit[] = [];
  const seen = new Set([unit.id]);
  let next = unit.successorId === null ? undefined : byId.get(unit.successorId);
  while (next && !seen.has(next.id)) {
    chain.push(next);
    seen.add(next.id);
    next = next.successorId === null ? undefined : byId.get(next.successorId);
  }
  return chain;
}

/**
 * `office_changed` moves a case only along the reorganisation (Nghị quyết 202/2025/QH15; domain.md §1): to
 * a unit of the holding office's successor chain, existing on the event's date and within the recording
 * user's units. Sending a case to another office is a transfer (ủy thác, Điều 55–57 Luật THADS:
 * `transferred_out`), which the receiving office accepts as its own case.
 */
export function officeChangeErrors(
  from: RegistryUnit, to: RegistryUnit | undefined, on: IsoDate, chain: readonly RegistryUnit[], inActorScope: boolean,
): CaseRuleError[] {
  const target = to && chain.some((u) => u.id === to.id) && inActorScope ? to : undefined;
  if (!target) {
    const successors = chain.length ? chain.map((u) => `${u.name} (${u.code})`).join(', ') : 'không có';
    return [{
      field: 'to', rule: 'not_successor',
      message: `Chỉ chuyển việc sang cơ quan kế thừa ${from.name} theo sắp xếp tổ chức (${successors}). Chuyển việc sang cơ quan khác phải làm thủ tục ủy thác.`,
    }];
  }
  if (!isUnitValidOn(target, on)) {
    return [{ field: 'on', rule: 'office_not_valid', message: `${target.name} chưa hoạt động hoặc đã kết thúc vào ngày ${formatDateVi(on)}.` }];
  }
  return [];
}

export interface RegistryEnforcer {
  readonly code: string;
  readonly unitId: number;
  readonly active: boolean;
}

/**
 * The enforcer of a case is one of the holding office's own active enforcers (Điều 36(2) Luật THADS: the
 * head of the office assigns an enforcer *of the office*). An enforcer that does not exist and one of
 * another office get the same answer, so that nobody learns which codes exist elsewhere.
 */
export function enforcerErrors(field: string, code: string, enforcer: RegistryEnforcer | undefined, office: RegistryUnit): CaseRuleError[] {
  if (enforcer && enforcer.unitId === office.id && enforcer.active) return [];
  return [{ field, rule: 'unknown_enforcer', message: `Không có chấp hành viên mã "${code}" đang làm việc tại ${office.name}.` }];
}

export interface RegistryCommune {
  readonly code: string;
  readonly officeId: number | null;
}

/**
 * COMMUNE_TERRITORY_POLICY. The obligor's commune is on the accepting office's territory: a commune
 * assigned to the office (or to a unit it succeeds, whose territory it took over). An office whose
 * territory has not been entered yet may name an unassigned commune, never one of another office.
 * A code can exist in two eras (before and after the 2025 mergers): any row of the code may satisfy it.
 */
export function communeErrors(code: string, rows: readonly RegistryCommune[], officeScope: ReadonlySet<number>, officeHasTerritory: boolean, office: RegistryUnit): CaseRuleError[] {
  const ok = rows.some((c) => (c.officeId === null ? !officeHasTerritory : officeScope.has(c.officeId)));
  if (ok) return [];
  return [{ field: 'commune', rule: 'unknown_commune', message: `Không có xã/phường mã "${code}" trên địa bàn của ${office.name}.` }];
}

/** Decision numbers compared as a clerk reads them: case, diacritics and spaces do not make another decision. */
export function sameDecisionNumber(a: string, b: string): boolean {
  const norm = (s: string) => foldVietnamese(s).replace(/\s+/g, '');
  return norm(a) === norm(b);
}
