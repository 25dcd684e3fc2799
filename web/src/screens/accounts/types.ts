// 账务管理's rows as the API sends them: core's own types through Json<…>.
import type { Json } from '../../api/json.js';
import type { InstalmentListRow, InstalmentTotals, ReceiptListRow, ReceiptTotals } from '@core/collections/ports.js';
import type { InvoiceView } from '@core/invoices/invoice-view.js';
import type { OrderListItem } from '@core/orders/orders.service.js';

export type ReceiptRow = Json<ReceiptListRow>;
export type InstalmentRow = Json<InstalmentListRow>;
export type InvoiceRow = Json<InvoiceView>;
export type OrderRow = Json<OrderListItem>;
export type { InstalmentTotals, ReceiptTotals };

/** What the person filters by; each list sends the part its API takes. */
export interface Filters {
  from: string;
  to: string;
  state: string;
  keyword: string;
  ownerId: string;
  departmentId: string;
}

export const NO_FILTERS: Filters = { from: '', to: '', state: '', keyword: '', ownerId: '', departmentId: '' };
