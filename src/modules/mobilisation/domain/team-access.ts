import type { Role } from '../../organisation/domain/index.js';

/**
 * Who forms and changes a team: the head of the office (or of the province above it) and administrators.
 * The team is established by a decision of the commune's People's Committee on the office's proposal; the
 * office records it. Team members and enforcers record visits, but do not change the team itself.
 */
export function canManageTeams(role: Role): boolean {
  return role === 'admin' || role === 'province_head' || role === 'office_head';
}

/** Who hands a case to a team (or takes it back): the head of office (province, administrators) or an enforcer. */
export function canAssignToTeam(role: Role): boolean {
  return canManageTeams(role) || role === 'enforcer';
}

/** A team member reads and records only for the cases of their own team; office staff for every team of their scope. */
export function actsAsTeamMember(role: Role): boolean {
  return role === 'mobilisation_member';
}
