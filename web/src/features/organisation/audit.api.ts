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

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_changed',
  'auth.locked',
  'user.created',
  'user.updated',
  'user.password_reset',
  'user.unlocked',
  'unit.created',
  'unit.updated',
  'session.unit_switched',
] as const;

export function listAudit(query: AuditQuery): Promise<Page<AuditEntry>> {
  return api.get<Page<AuditEntry>>('/api/audit', { query: { ...query } });
}
