import { token } from '../area.js';
import type { ApprovalFlowService } from '../../../core/approvals/approval-flow.service.js';
import type { ApprovalService } from '../../../core/approvals/approval.service.js';
import type { ApprovalTimers } from '../../../core/approvals/approval-timers.js';
import type { ApprovalSubjects } from '../../../core/approvals/subjects.js';

export const ApprovalFlowServiceToken = token<ApprovalFlowService>('ApprovalFlowService');
export const ApprovalServiceToken = token<ApprovalService>('ApprovalService');
export const ApprovalTimersToken = token<ApprovalTimers>('ApprovalTimers');
/** The ApprovalSubjects registry, for a host or test that registers a business type after start. */
export const ApprovalSubjectsToken = token<ApprovalSubjects>('ApprovalSubjects');
