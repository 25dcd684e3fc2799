// The approval flows as the API presents them (GET /approval-flows …): the flow at a version with its dates.
import type { FlowDefinition } from '@core/approvals/flow-definition.js';
import type { FlowVersionInfo } from '@core/approvals/ports.js';
import type { Json } from '../../api/json.js';

export type FlowView = Json<FlowDefinition> & { readonly archivedAt: string | null; readonly createdAt: string; readonly updatedAt: string };
export type VersionInfo = Json<FlowVersionInfo>;
export type FlowVersion = Json<FlowDefinition>;
