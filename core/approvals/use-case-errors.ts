// The expected failures of the approval use cases (loading, saving, configuring), beside the engine's own.
import { domainError, type DomainError } from '../shared/index.js';
import type { BusinessType } from './flow-definition.js';

/** An instance of another tenant, or one the actor may not see, is simply not there. */
export function instanceNotFound(id: string): DomainError {
  return domainError('approval.not_found', 'not_found', `找不到该审批（${id}）`, `No approval ${id} is visible to you`, { id });
}

/** A flow id of another tenant is not there either. */
export function flowNotFound(id: string): DomainError {
  return domainError('approval.flow_not_found', 'not_found', `找不到该审批流程（${id}）`, `No approval flow ${id} is visible to you`, { id });
}

/** Nothing can be submitted while the tenant has no active flow for the business type. */
export function noFlow(businessType: BusinessType): DomainError {
  return domainError('approval.no_flow', 'rule', '尚未配置该业务的审批流程，请联系管理员配置', `There is no approval flow for ${businessType}; an administrator must configure one`, { businessType });
}

/** One review at a time: a business object with a pending instance is not submitted again. */
export function alreadyPending(businessType: BusinessType, businessId: string): DomainError {
  return domainError('approval.already_pending', 'conflict', '该业务已在审批中，请等待审批结果或先撤回', 'This record is already waiting for approval; wait for the outcome or withdraw it first',
    { businessType, businessId });
}

/** A tenant has one active flow per business type (edit it to make a new version). */
export function flowExists(businessType: BusinessType): DomainError {
  return domainError('approval.flow_exists', 'conflict', '该业务已有审批流程，请修改现有流程', `There is already an active flow for ${businessType}; edit it instead`, { businessType });
}

/** Someone saved the flow since the editor loaded it. */
export function flowVersionConflict(expected: number, current: number | null): DomainError {
  return domainError('approval.flow_version_conflict', 'conflict', '审批流程已被他人修改，请刷新后重试', 'Someone else changed this flow first; reload and try again',
    { expectedVersion: expected, currentVersion: current });
}

/** An archived flow is kept for its instances but no longer edited. */
export function flowArchived(id: string): DomainError {
  return domainError('approval.flow_archived', 'rule', '该审批流程已停用，不能再修改', 'This flow is archived and can no longer be changed', { id });
}

/** The instance changed under a change that did not hold its lock (should not happen with row locks). */
export function instanceChanged(id: string): DomainError {
  return domainError('approval.version_conflict', 'conflict', '审批已被他人处理，请刷新后重试', 'Someone else changed this approval first; reload and try again', { id });
}

/** A retried submission must name the same record as the first attempt. */
export function submitRequestMismatch(requestId: string): DomainError {
  return domainError('approval.request_id_reused', 'conflict', '请求编号已用于另一项提交，请重新提交', 'This requestId was already used to submit a different record; use a new requestId', { requestId });
}
