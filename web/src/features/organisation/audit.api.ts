import { api } from '../../api/client';
import type { AuditEntry, Page } from '../../api/types';

export interface AuditQuery {
  from?: string;
  to?: string;
  user?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  page: number;
  pageSize: number;
}

export function listAudit(query: AuditQuery): Promise<Page<AuditEntry>> {
  return api.get<Page<AuditEntry>>('/api/audit', { query: { ...query } });
}
