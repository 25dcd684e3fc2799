// Plain shapes of domain values for JSON responses.
import type { User } from '../../core/organisation/types.js';

export function presentUser(u: User): Record<string, unknown> {
  return { id: u.id, name: u.name, mobile: u.mobile, departmentId: u.departmentId, active: u.active, roles: u.roleCodes, version: u.version, createdAt: u.createdAt };
}
