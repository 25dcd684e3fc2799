// What a fee computed on an order line does to the order's collection plan, in the caller's transaction: a
// success fee that grows after the plan was agreed becomes a proposed instalment (待确认) due on the
// disbursement; a fee that shrinks (once approved) comes off the open instalments, latest first. Instalments
// holding money of a receipt never change; each change is kept as a plan revision with its reason.
import type { Tx } from '../shared/index.js';
import { isLocked } from './plan-revision.js';
import type { CollectionPlanRepository, StoredInstalment } from './ports.js';
import type { CollectionPlan, Instalment } from './types.js';

export interface FeePlanChange {
  readonly tenantId: string;
  readonly orderId: string;
  readonly actorId: string;
  readonly now: Date;
  /** 修改原因 of the kept revision: what was computed from what. */
  readonly reason: string;
}

/** A plan counts as agreed (approved) once a person has saved it: its instalments are what the customer was told. */
export async function agreedPlan(plans: CollectionPlanRepository, tx: Tx, tenantId: string, orderId: string): Promise<CollectionPlan | null> {
  return plans.getPlan(tx, tenantId, orderId);
}

const dueKey = (d: string | null): string => d ?? '9999-99-99';
const strip = ({ remindedFor: _r, ...i }: StoredInstalment): Instalment => i;

async function save(plans: CollectionPlanRepository, tx: Tx, plan: CollectionPlan, next: Instalment[], c: FeePlanChange): Promise<boolean> {
  next.sort((a, b) => dueKey(a.dueOn).localeCompare(dueKey(b.dueOn)) || a.number - b.number);
  const numbered = next.map((i, k) => ({ ...i, number: k + 1 }));
  const revision = (await plans.revisions(tx, c.tenantId, c.orderId)).reduce((m, r) => Math.max(m, r.revision), 0) + 1;
  const totalFen = numbered.reduce((s, i) => s + i.amountFen, 0);
  return plans.savePlan(tx, { ...plan, revision, totalFen, updatedBy: c.actorId, updatedAt: c.now, version: plan.version + 1 }, numbered, {
    tenantId: c.tenantId, orderId: c.orderId, revision, method: plan.method, totalFen, reason: c.reason, createdBy: c.actorId, createdAt: c.now,
    instalments: numbered.map((i) => ({ number: i.number, dueOn: i.dueOn, amountFen: i.amountFen, onDisbursement: i.onDisbursement, locked: isLocked(i) })),
  });
}

/**
 * Adds a proposed instalment of `amountFen` due on the disbursement (dated `dueOn`) to the order's plan;
 * false when the order has no plan (the receivable alone follows) or another save got there first.
 */
export async function proposeFeeInstalment(
  plans: CollectionPlanRepository, tx: Tx, c: FeePlanChange & { readonly id: string; readonly amountFen: number; readonly dueOn: string | null },
): Promise<boolean> {
  const plan = await plans.getPlan(tx, c.tenantId, c.orderId);
  if (!plan || c.amountFen <= 0) return false;
  const current = (await plans.instalments(tx, c.tenantId, c.orderId)).map(strip);
  const added: Instalment = {
    tenantId: c.tenantId, id: c.id, orderId: c.orderId, number: current.length + 1, dueOn: c.dueOn, amountFen: c.amountFen, onDisbursement: true,
    reservedFen: 0, collectedFen: 0, proposed: true,
  };
  return save(plans, tx, plan, [...current, added], c);
}

/**
 * Takes `amountFen` off the plan's open instalments (no money on them), those of the part first (`from`), latest
 * due first, dropping those that
 * reach 0; returns what it took (less than asked when too little is open: the plan no longer matches the
 * receivable and a person revises it). 0 when the order has no plan.
 */
export async function reduceOpenInstalments(
  plans: CollectionPlanRepository, tx: Tx, c: FeePlanChange & { readonly amountFen: number; readonly ids: () => string; readonly from: 'on_disbursement' | 'dated' },
): Promise<number> {
  const plan = await plans.getPlan(tx, c.tenantId, c.orderId);
  if (!plan || c.amountFen <= 0) return 0;
  const current = (await plans.instalments(tx, c.tenantId, c.orderId)).map(strip);
  let left = c.amountFen;
  // A success fee comes off the instalments due on the disbursement first, an up-front fee off the dated ones.
  const preferred = (i: Instalment): number => (i.onDisbursement === (c.from === 'on_disbursement') ? 0 : 1);
  const latestFirst = [...current].sort((a, b) => preferred(a) - preferred(b) || dueKey(b.dueOn).localeCompare(dueKey(a.dueOn)) || b.number - a.number);
  const cut = new Map<string, number>();
  for (const i of latestFirst) {
    if (left === 0) break;
    if (isLocked(i)) continue;
    const take = Math.min(left, i.amountFen);
    cut.set(i.id, take);
    left -= take;
  }
  if (cut.size === 0) return 0;
  // An open instalment holds no money, so a changed one is stored as a new row (savePlan keeps rows' amounts).
  const next = current.flatMap((i): Instalment[] => {
    const take = cut.get(i.id);
    if (take === undefined) return [i];
    return i.amountFen - take > 0 ? [{ ...i, id: c.ids(), amountFen: i.amountFen - take }] : [];
  });
  return (await save(plans, tx, plan, next, c)) ? c.amountFen - left : 0;
}
