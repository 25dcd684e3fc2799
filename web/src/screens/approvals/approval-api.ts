// The approval commands as the screens send them: each press is one attempt with its own requestId, so a
// retry of the same press never decides twice (the server keeps the id).
import { api, ok } from '../../api/client.js';
import type { Approval } from './types.js';

const attempt = (): string => crypto.randomUUID();

export function loadApproval(id: string): Promise<Approval> {
  return ok<Approval>(api.GET('/api/v1/approvals/{id}', { params: { path: { id } } }));
}

export function decide(id: string, taskId: string, decision: 'approve' | 'reject', opinion: string, onBehalf: boolean): Promise<Approval> {
  return ok<Approval>(api.POST('/api/v1/approvals/{id}/decide', {
    params: { path: { id } }, body: { taskId, decision, opinion: opinion.trim() || null, onBehalf, requestId: attempt() },
  }));
}

export function transfer(id: string, taskId: string, toUserId: string, opinion: string, onBehalf: boolean): Promise<Approval> {
  return ok<Approval>(api.POST('/api/v1/approvals/{id}/transfer', {
    params: { path: { id } }, body: { taskId, toUserId, opinion: opinion.trim() || null, onBehalf, requestId: attempt() },
  }));
}

export function withdraw(id: string): Promise<Approval> {
  return ok<Approval>(api.POST('/api/v1/approvals/{id}/withdraw', { params: { path: { id } }, body: { requestId: attempt() } }));
}

export function submitReview(orderId: string, chosenApprovers: Record<string, string[]>): Promise<Approval> {
  return ok<Approval>(api.POST('/api/v1/approvals', {
    body: { businessType: 'order_review', businessId: orderId, chosenApprovers, requestId: attempt() },
  }));
}
