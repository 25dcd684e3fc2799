// The core areas' HTTP routes, mounted under /api/v1. The areas' descriptors (adapters/) bind their services
// and never import http/; this list turns each area's services into its routes. Plugins contribute theirs as
// RouteContribution bindings through the plugin SDK.
import type { Crm } from '../../adapters/composition/create-crm.js';
import { apiRoutes, type RouteContribution } from '../../adapters/composition/area.js';
import { SpreadsheetWriter } from '../../core/documents/spreadsheet.js';
import { authRoutes } from './auth.routes.js';
import { organisationRoutes } from './organisation.routes.js';
import { inquirySettingsRoutes } from './inquiry-settings.routes.js';
import { inquiryRoutes } from './inquiries.routes.js';
import { poolRoutes } from './pools.routes.js';
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
import { commissionRoutes } from './commissions.routes.js';

/** One contribution per area; each route file takes only the services it declares. */
export function coreRoutes(crm: Crm): RouteContribution[] {
  const spreadsheets = crm.container.get<SpreadsheetWriter>(SpreadsheetWriter);
  return [
    apiRoutes('organisation', authRoutes(crm), organisationRoutes(crm)),
    apiRoutes('inquiries', inquirySettingsRoutes(crm), inquiryRoutes(crm), poolRoutes(crm)),
    apiRoutes('files', filesRoutes(crm)),
    apiRoutes('products', productsRoutes(crm), loansRoutes()),
    apiRoutes('approvals', approvalRoutes(crm)),
    apiRoutes('orders', orderRoutes(crm)),
    apiRoutes('workcenter', workcenterRoutes(crm)),
    apiRoutes('invoices', invoiceRoutes({ invoices: crm.invoices, documents: crm.documents, spreadsheets })),
    apiRoutes('collections', collectionRoutes(crm)),
    apiRoutes('commissions', commissionRoutes(crm, spreadsheets)),
    apiRoutes('briefing', briefingRoutes(crm)),
    apiRoutes('inbox', inboxRoutes(crm)),
    apiRoutes('security', auditRoutes(crm)),
  ];
}

