// Every core area's routes, mounted under /api/v1.
import type { Crm } from '../../adapters/composition/create-crm.js';
import type { RouteDef } from '../../adapters/composition/route-def.js';
import { authRoutes } from './auth.routes.js';
import { organisationRoutes } from './organisation.routes.js';
import { filesRoutes } from './files.routes.js';

export function coreRoutes(crm: Crm): RouteDef[] {
  return [...authRoutes(crm), ...organisationRoutes(crm), ...filesRoutes(crm)];
}
