// core/organisation: tenants, departments, roles and users; the Actor (who asks, with which permissions and
// data scope) every use case checks; sign-in and the organisation use cases.
export * from './types.js';
export * from './actor.js';
export * from './permissions.js';
export * from './department-tree.js';
export * from './build-actor.js';
export * from './password-policy.js';
export * from './login-throttle.js';
export * from './actor-cache.js';
export * from './ports.js';
export { AuthService, type AuthDeps, type LoginResult } from './auth.service.js';
export { OrganisationService, type OrganisationDeps, type NewTenant, type NewUser, type UserChanges } from './organisation.service.js';
