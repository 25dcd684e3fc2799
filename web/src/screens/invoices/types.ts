// The invoices API's answers as the console reads them: core's own types through Json<…>.
import type { Json } from '../../api/json.js';
import type { InvoiceDetail as CoreInvoiceDetail, InvoiceableView as CoreInvoiceableView } from '@core/invoices/invoices.service.js';
import type { InvoiceView as CoreInvoiceView } from '@core/invoices/invoice-view.js';
import type { InvoiceSettings as CoreInvoiceSettings } from '@core/invoices/types.js';
import type { Activity } from '@core/shared/ports.js';

export type InvoiceDetail = Json<CoreInvoiceDetail>;
export type InvoiceListItem = Json<CoreInvoiceView>;
export type InvoiceableView = Json<CoreInvoiceableView>;
export type InvoiceSettings = Json<CoreInvoiceSettings>;
export type TimelineItem = Json<Activity>;
