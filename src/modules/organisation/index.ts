/**
 * The organisation: units with validity and successors, users, roles and permissions, login and sessions,
 * the audit screen, and the administrative geography.
 */
export { type Actor } from './app/actor.js';
export { AuditService } from './app/audit.service.js';
export { AuthService } from './app/auth.service.js';
export { ensureGeography, ensureNationalUnit } from './app/reference-data.js';
export { UnitDirectory } from './app/unit-directory.js';
export { UnitsService } from './app/units.service.js';
export { UsersService } from './app/users.service.js';
export { officeCommand } from './cli/office.command.js';
export { userCommand } from './cli/user.command.js';
export { auditRoutes } from './http/audit.routes.js';
export { authRoutes } from './http/auth.routes.js';
export { unitsRoutes } from './http/units.routes.js';
export { usersRoutes } from './http/users.routes.js';
export { hashPassword } from './infra/password-hasher.js';
export { type UnitRow, allUnits, toNodes } from './infra/units.repository.js';
export * from './domain/index.js';
