// The approvals API's answers as the console reads them: core's own types through Json<…>.
import type { Json } from '../../api/json.js';
import type { InstanceView, RecordRowView } from '@core/approvals/instance-view.js';
import type {
  DecidedTaskRow as CoreDecidedTaskRow, InstanceSummary as CoreInstanceSummary, PendingTaskRow as CorePendingTaskRow,
} from '@core/approvals/ports.js';
import type { FlowDefinition } from '@core/approvals/flow-definition.js';

export type Approval = Json<InstanceView>;
export type RecordRow = Json<RecordRowView>;
export type InstanceSummary = Json<CoreInstanceSummary>;
export type PendingTask = Json<CorePendingTaskRow>;
export type DecidedTask = Json<CoreDecidedTaskRow>;
export type Flow = Json<FlowDefinition> & { readonly archivedAt: string | null };

