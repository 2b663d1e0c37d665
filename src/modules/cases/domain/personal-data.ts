import type { Permission } from '../../organisation/domain/index.js';

/**
 * Who sees a party's identity number and address in full: the roles whose work needs them (permission
 * `personal_data.read`; Decree 13/2023/NĐ-CP on personal data: only those who need it). Each such read is audited.
 */
export function canSeePersonalData(permissions: readonly Permission[]): boolean {
  return permissions.includes('personal_data.read');
}

/** Identity numbers shown to roles that do not need them: only the last three digits. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return null;
  return id.length <= 3 ? '***' : `${'*'.repeat(id.length - 3)}${id.slice(-3)}`;
}

/** An address shown to roles that do not need it: that there is one, not where. */
export function maskAddress(address: string | null): string | null {
  return address ? '***' : null;
}
