// Every core area's routes, mounted under /api/v1.
import type { Crm } from '../../adapters/composition/create-crm.js';
import type { RouteDef } from '../../adapters/composition/route-def.js';
import { authRoutes } from './auth.routes.js';
import { organisationRoutes } from './organisation.routes.js';
import { inquiryRoutes } from './inquiries.routes.js';
import { poolRoutes } from './pools.routes.js';
import { inquirySettingsRoutes } from './inquiry-settings.routes.js';
import { filesRoutes } from './files.routes.js';
import { productsRoutes } from './products.routes.js';
import { loansRoutes } from './loans.routes.js';
import { approvalRoutes } from './approvals.routes.js';
import { orderRoutes } from './orders.routes.js';
import { workcenterRoutes } from './workcenter.routes.js';
import { invoiceRoutes } from './invoices.routes.js';
import { collectionRoutes } from './collections.routes.js';
import { briefingRoutes } from './briefing.routes.js';
import { inboxRoutes } from './inbox.routes.js';
import { auditRoutes } from './audit.routes.js';

export function coreRoutes(crm: Crm): RouteDef[] {
  return [...authRoutes(crm), ...organisationRoutes(crm), ...inquirySettingsRoutes(crm), ...inquiryRoutes(crm), ...poolRoutes(crm), ...filesRoutes(crm), ...productsRoutes(crm), ...loansRoutes(crm), ...approvalRoutes(crm), ...orderRoutes(crm), ...workcenterRoutes(crm), ...invoiceRoutes(crm), ...collectionRoutes(crm), ...briefingRoutes(crm), ...inboxRoutes(crm), ...auditRoutes(crm)];
}
