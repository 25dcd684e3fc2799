// The collections API's answers as the console reads them: core's own types through Json<…>.
import type { Json } from '../../api/json.js';
import type { PlanView as CorePlanView, PlanPreview as CorePlanPreview } from '@core/collections/plan.service.js';
import type { ReceiptDetail as CoreReceiptDetail } from '@core/collections/receipt.service.js';
import type { CloseStatus as CoreCloseStatus } from '@core/collections/close.service.js';
import type { CollectionSettings as CoreSettings, PlanRevision as CorePlanRevision, Receipt as CoreReceipt } from '@core/collections/types.js';
import type { InstanceSummary } from '@core/approvals/ports.js';
import type { InstanceView } from '@core/approvals/instance-view.js';

export type CollectionPlanView = Json<CorePlanView>;
export type PlanPreview = Json<CorePlanPreview>;
export type PlanRevision = Json<CorePlanRevision>;
export type Receipt = Json<CoreReceipt>;
export type ReceiptDetail = Json<CoreReceiptDetail>;
export type CloseStatus = Json<CoreCloseStatus>;
export type CollectionSettings = Json<CoreSettings>;
export type ApprovalSummary = Json<InstanceSummary>;
export type ApprovalView = Json<InstanceView>;
