// The lifecycle of a record: 咨询 (inquiry) → 准客户 (prospect, its first order is created) → 客户
// (customer, a contract is won). It only ever moves forwards; a later lifecycle also moves it to the
// 客户公海 side of the pools.
import type { Lifecycle, PoolKind } from './types.js';

const ORDER: readonly Lifecycle[] = ['inquiry', 'prospect', 'customer'];

export const LIFECYCLE_LABELS: Readonly<Record<Lifecycle, string>> = { inquiry: '咨询', prospect: '准客户', customer: '客户' };
export const POOL_LABELS: Readonly<Record<PoolKind, string>> = { inquiry: '咨询公海', customer: '客户公海' };

/** A record moves to the target lifecycle only when that is further along; it never moves back. */
export function advanceLifecycle(current: Lifecycle, target: Lifecycle): Lifecycle {
  return ORDER.indexOf(target) > ORDER.indexOf(current) ? target : current;
}

/** An unowned inquiry sits in 咨询公海; an unowned prospect or customer in 客户公海. */
export function poolOf(lifecycle: Lifecycle): PoolKind {
  return lifecycle === 'inquiry' ? 'inquiry' : 'customer';
}

/** The lifecycles whose unowned records make up a pool. */
export function lifecyclesOf(pool: PoolKind): Lifecycle[] {
  return pool === 'inquiry' ? ['inquiry'] : ['prospect', 'customer'];
}

/** The stage a person reads: 咨询 / 准客户 / 客户, or the pool's name when no one owns it. */
export function stageLabel(record: { readonly lifecycle: Lifecycle; readonly ownerId: string | null }): string {
  return record.ownerId === null ? POOL_LABELS[poolOf(record.lifecycle)] : LIFECYCLE_LABELS[record.lifecycle];
}
