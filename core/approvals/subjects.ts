// The business-type plug-in point: each area whose records go through approval (orders, collections,
// invoices) registers one ApprovalSubject per business type. The engine stays ignorant of orders and
// receipts; the subject answers three hooks: the facts the conditions read (and who may see or submit the
// record), the record's reaction to being submitted, and its reaction to the outcome. Reading facts never
// changes the record: every change happens in a hook that runs in the transaction that caused it.
import { domainError, type DomainError, type Tx } from '../shared/index.js';
import type { Actor } from '../organisation/index.js';
import type { ConditionSubject } from './condition.js';
import type { ApprovalEvent } from './effects.js';
import { BUSINESS_TYPES, type BusinessType } from './flow-definition.js';
import type { ApprovalInstance } from './instance.js';

/** Why the subject is loaded: to submit it for approval (usually needs write access) or to read its approvals. */
export type SubjectPurpose = 'submit' | 'read';

/** An end of an instance, handed to the business object: approved, rejected or withdrawn. */
export type ApprovalOutcome = ApprovalEvent & { readonly type: 'approval.approved' | 'approval.rejected' | 'approval.withdrawn' };

export interface ApprovalSubject {
  /** The timeline (动态) the approval's entries go to: 'order' for order_review, 'receipt' … */
  readonly timelineSubjectType: string;
  /**
   * Facts for conditions: the business object's data the node conditions read (amountFen, productCategories …),
   * after checking that the actor may see it (for 'submit': may submit it now). Throws the area's error
   * otherwise. Changes nothing: it also answers "may this person see the approvals" on every read.
   */
  facts(tx: Tx, actor: Actor, businessId: string, purpose: SubjectPurpose): Promise<ConditionSubject>;
  /**
   * On submitted: in the submitting transaction, once the new instance is stored, so the record enters its
   * under-approval state together with its approval (or neither does). Not called for a retried submission.
   */
  onSubmitted?(tx: Tx, actor: Actor, instance: ApprovalInstance): Promise<void>;
  /** On outcome: in the deciding transaction when an instance ends (approved, rejected, withdrawn), so the record reacts. */
  onOutcome?(tx: Tx, outcome: ApprovalOutcome, instance: ApprovalInstance): Promise<void>;
}

/** One area's registration, bound to ApprovalSubjectContribution in its ContainerModule. */
export interface ApprovalSubjectContribution {
  readonly businessType: BusinessType;
  readonly subject: ApprovalSubject;
}
export const ApprovalSubjectContribution = Symbol.for('yunzhou.ApprovalSubjectContribution');

/** A business type nobody registered cannot be submitted (its area is not installed). */
export function unsupportedBusinessType(businessType: string): DomainError {
  return domainError('approval.unsupported_business_type', 'rule', `业务类型「${businessType}」尚未接入审批`,
    `Business type "${businessType}" is not connected to approvals`, { businessType });
}

/** Which area answers for which business type; filled explicitly by the composition root or a host. */
export class ApprovalSubjects {
  private readonly byType = new Map<BusinessType, ApprovalSubject>();

  constructor(contributions: readonly ApprovalSubjectContribution[] = []) {
    for (const c of contributions) this.register(c.businessType, c.subject);
  }

  /** Adds a business type's subject; a second registration of one type is a wiring bug. */
  register(businessType: BusinessType, subject: ApprovalSubject): void {
    if (!(BUSINESS_TYPES as readonly string[]).includes(businessType)) throw new Error(`Unknown approval business type '${businessType}'`);
    if (this.byType.has(businessType)) throw new Error(`Approval business type '${businessType}' is already registered`);
    this.byType.set(businessType, subject);
  }

  has(businessType: BusinessType): boolean {
    return this.byType.has(businessType);
  }

  types(): BusinessType[] {
    return [...this.byType.keys()].sort();
  }

  /** The subject of a business type, or `approval.unsupported_business_type`. */
  get(businessType: BusinessType): ApprovalSubject {
    const s = this.byType.get(businessType);
    if (!s) throw unsupportedBusinessType(businessType);
    return s;
  }
}
