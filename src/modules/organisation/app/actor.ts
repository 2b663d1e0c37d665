import type { Permission, Role, UnitLevel } from '../domain/roles.js';
import type { RequestContext } from '../../../platform/audit/audit-log.js';

/** The authenticated user of a request, with the units they may see. Built once per request. */
export interface Actor {
  readonly userId: number;
  readonly username: string;
  readonly fullName: string;
  readonly role: Role;
  readonly permissions: readonly Permission[];
  readonly unitId: number;
  readonly unitLevel: UnitLevel;
  readonly activeUnitId: number;
  /** Units visible from the user's own unit: the limit of everything they can read or write. */
  readonly scope: ReadonlySet<number>;
  /** Units visible from the unit chosen in the unit switcher: what lists show by default. */
  readonly activeScope: ReadonlySet<number>;
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly mustChangePassword: boolean;
  readonly ctx: RequestContext;
}
