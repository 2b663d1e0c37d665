import type { Db } from '../../../platform/db/database.js';
import { listAudit, type AuditFilter } from '../../../platform/audit/audit-log.js';

/** Reading the audit trail. There is deliberately no method that changes it. */
export class AuditService {
  constructor(private readonly db: Db) {}

  async list(filter: AuditFilter) {
    const { rows, total } = await listAudit(this.db, filter);
    return {
      total,
      items: rows.map((r) => ({
        id: String(r.id),
        at: r.at.toISOString(),
        username: r.username,
        ip: r.ip,
        userAgent: r.user_agent,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        unitCode: r.unit_code,
        before: r.before ?? null,
        after: r.after ?? null,
      })),
    };
  }
}
