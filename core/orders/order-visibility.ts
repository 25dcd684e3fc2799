// Who sees and changes an order: its data scope (owner, department), and whoever handles its current step.
import { domainError, notFound, type DomainError } from '../shared/index.js';
import { can, inScope, requirePermission, PERMISSIONS, type Actor } from '../organisation/index.js';
import { pipelineStateName } from './pipeline.js';
import { orderStatus } from './order-settings.js';
import type { PipelineConfig } from './stage-config.js';
import type { Order } from './types.js';

/**
 * An order is visible to an actor holding order.read who has it in data scope (owner, department) or who
 * handles its current step: 提交到下一步 hands the order to a person who must be able to open it.
 */
export function canSeeOrder(actor: Actor, order: Pick<Order, 'ownerId' | 'departmentId' | 'handlerId'>): boolean {
  if (!can(actor, PERMISSIONS.orderRead)) return false;
  return order.handlerId === actor.userId || inScope(actor, { ownerId: order.ownerId, departmentId: order.departmentId });
}

/** The order, or `order.not_found` when the actor cannot see it (another tenant's or outside the scope). */
export function visibleOrder(actor: Actor, order: Order | null, id: string): Order {
  if (!order || order.tenantId !== actor.tenantId || !canSeeOrder(actor, order)) throw notFound('order', '订单', id);
  return order;
}

/** Changing an order needs order.write on an order the actor can see. */
export function writableOrder(actor: Actor, order: Order | null, id: string): Order {
  requirePermission(actor, PERMISSIONS.orderWrite);
  return visibleOrder(actor, order, id);
}

/** Completed, lost and cancelled orders are not edited (reopen a lost or cancelled one first). */
export function requireOpen(config: PipelineConfig, order: Order): void {
  const status = orderStatus(config, order);
  if (status === 'open') return;
  throw notOpen(config, order, status);
}

function notOpen(config: PipelineConfig, order: Order, status: string): DomainError {
  const name = pipelineStateName(config, order.stageKey);
  return domainError(
    'order.not_open',
    'rule',
    status === 'completed' ? `订单已完成（${name}），不能再修改` : `订单处于「${name}」，请先重新打开再修改`,
    status === 'completed' ? 'The order is completed and can no longer be changed' : `The order is ${status}; reopen it first`,
    { stage: order.stageKey, status },
  );
}

/** A sequence of saves on one order: a stale version is refused so that nobody overwrites a change unseen. */
export function versionConflict(expected: number, actual: number): DomainError {
  return domainError('order.version_conflict', 'conflict', '订单已被他人修改，请刷新后重试', 'Someone else changed this order first; reload and try again', {
    expectedVersion: expected, currentVersion: actual,
  });
}
