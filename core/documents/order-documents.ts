// The contract (融资服务协议) and plan (方案) documents of a stored order, built from what its areas answer: the
// orders area's contract document completed with the firm's details from the invoicing profile and the
// order's matched products; the plan with each matched product's repayment comparison (core/loans through
// the products area). Each source checks the actor's sight of the order. The areas answer through the
// functions of OrderDocumentsDeps, so documents (which orders and invoices build on) imports neither.
import type { Actor, OrganisationRepository } from '../organisation/index.js';
import { isDomainError, notFound, localDate, type Tx, type UnitOfWork } from '../shared/index.js';
import type { MethodSummary } from '../loans/index.js';
import type { ContractDocument, ContractInstalment, ContractProductLine, PlanDocument, PlanProduct } from './types.js';
import type { OrderDocumentSources } from './ports.js';

/** A matched product line as the products area lists it (the fields the documents print). */
export interface DocumentProductLine {
  readonly id: string;
  readonly productName: string;
  readonly institution: string;
  readonly serviceFeeFen: number;
  readonly discountFen: number;
  readonly quantity: number;
  readonly totalFen: number;
  readonly approvedAmountFen: number | null;
}

/** One line's repayment comparison as the products area computes it. */
export interface DocumentLineComparison {
  readonly terms: { readonly principalFen: number; readonly annualRatePercent: string; readonly months: number };
  readonly methods: readonly MethodSummary[];
}

/** The firm as its invoicing profile (开票信息) names it: 乙方 on the contract, the author of the plan. */
export interface DocumentFirm {
  readonly name: string;
  readonly taxId: string;
  readonly address: string;
  readonly phone: string;
}

/** The order a document is about, as the orders area shows it. */
export interface DocumentOrder {
  readonly title: string;
  readonly companyName: string;
}

/** An order's plan (方案) as the orders area stores it. */
export interface DocumentPlan {
  readonly projectName: string;
  readonly overview: string;
  readonly expectedCompletion: string;
  readonly financialPlan: string | null;
  readonly financingAdvice: string;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

export interface OrderDocumentsDeps {
  readonly uow: UnitOfWork;
  readonly org: OrganisationRepository;
  /** The firm's invoicing profile (the invoices area's settings); null until an administrator fills it in. */
  readonly firm: (tx: Tx, tenantId: string) => Promise<DocumentFirm | null>;
  /** The order, or `order.not_found` when the actor cannot see it. */
  readonly order: (tx: Tx, actor: Actor, orderId: string) => Promise<DocumentOrder>;
  /** The orders area's contract document of an order the actor may see. */
  readonly contractDocument: (actor: Actor, orderId: string) => Promise<ContractDocument>;
  readonly plan: (actor: Actor, orderId: string) => Promise<{ readonly plan: DocumentPlan | null }>;
  readonly lines: (actor: Actor, orderId: string) => Promise<{ readonly lines: readonly DocumentProductLine[] }>;
  readonly comparison: (actor: Actor, orderId: string, lineId: string) => Promise<DocumentLineComparison>;
  /** The collection plan (回款计划) as the collections area shows it. */
  readonly collectionPlan?: ((actor: Actor, orderId: string) => Promise<{ readonly instalments: readonly DocumentInstalment[] }>) | undefined;
}

/** An instalment of the collection plan (期次): due on a date, or on the disbursement (no date yet). */
export interface DocumentInstalment {
  readonly number: number;
  readonly dueOn: string | null;
  readonly amountFen: number;
  readonly onDisbursement: boolean;
}

/**
 * The contract's 回款计划 from the collection plan. An instalment due on the disbursement has no date until the
 * bank pays out; while one has none, the contract prints no plan rather than a made-up date.
 */
export function contractInstalments(instalments: readonly DocumentInstalment[]): ContractInstalment[] {
  if (instalments.some((i) => i.dueOn === null)) return [];
  return instalments.map((i) => ({ sequence: i.number, dueDate: i.dueOn as string, amountFen: i.amountFen, ...(i.onDisbursement ? { note: '放款后支付' } : {}) }));
}

export class OrderDocuments implements OrderDocumentSources {
  constructor(private readonly d: OrderDocumentsDeps) {}

  /** The contract document with 乙方's tax id, address and phone from the invoicing profile, and the matched products. */
  async contract(actor: Actor, orderId: string): Promise<ContractDocument> {
    const doc = await this.d.contractDocument(actor, orderId);
    const seller = await this.d.uow.read((tx) => this.d.firm(tx, actor.tenantId));
    const { lines } = await this.d.lines(actor, orderId);
    const products: ContractProductLine[] = lines.map((l) => ({
      name: l.productName, institution: l.institution, serviceFeeFen: l.serviceFeeFen, discountFen: l.discountFen, quantity: l.quantity, totalFen: l.totalFen,
      ...(l.approvedAmountFen !== null ? { expectedAmountFen: l.approvedAmountFen } : {}),
    }));
    const collectionPlan = await this.collectionPlanOf(actor, orderId);
    return {
      ...doc,
      firm: {
        ...doc.firm,
        ...(doc.firm.taxId === undefined && seller ? { taxId: seller.taxId } : {}),
        ...(doc.firm.address === undefined && seller ? { address: seller.address } : {}),
        ...(doc.firm.phone === undefined && seller ? { phone: seller.phone } : {}),
      },
      products: doc.products.length > 0 ? doc.products : products,
      collectionPlan: collectionPlan.length > 0 ? collectionPlan : doc.collectionPlan,
    };
  }

  // The collection plan, when the actor may see it (it needs finance.read); otherwise the contract prints none.
  private async collectionPlanOf(actor: Actor, orderId: string): Promise<ContractInstalment[]> {
    if (!this.d.collectionPlan) return [];
    try {
      return contractInstalments((await this.d.collectionPlan(actor, orderId)).instalments);
    } catch (e) {
      if (isDomainError(e) && (e.kind === 'forbidden' || e.kind === 'not_found')) return [];
      throw e;
    }
  }

  /** The plan document; a matched product whose terms cannot be compared (the product was removed) is left out. */
  async plan(actor: Actor, orderId: string): Promise<PlanDocument> {
    const { plan } = await this.d.plan(actor, orderId);
    if (!plan) throw notFound('plan', '方案', orderId);
    const { order, firmName, preparedBy } = await this.d.uow.read(async (tx) => {
      const summary = await this.d.order(tx, actor, orderId);
      const tenant = await this.d.org.getTenant(tx, actor.tenantId);
      const firm = await this.d.firm(tx, actor.tenantId);
      const author = await this.d.org.getUser(tx, actor.tenantId, plan.updatedBy);
      return { order: summary, firmName: firm?.name ?? tenant?.name ?? '', preparedBy: author?.name ?? null };
    });
    const { lines } = await this.d.lines(actor, orderId);
    const products: PlanProduct[] = [];
    for (const line of lines) {
      let comparison: DocumentLineComparison;
      try {
        comparison = await this.d.comparison(actor, orderId, line.id);
      } catch (e) {
        if (isDomainError(e) && (e.kind === 'not_found' || e.kind === 'invalid')) continue;
        throw e;
      }
      products.push({
        name: line.productName, institution: line.institution, principalFen: comparison.terms.principalFen,
        annualRatePercent: comparison.terms.annualRatePercent, termMonths: comparison.terms.months,
        comparison: comparison.methods.map((m) => ({
          method: m.method, firstPaymentFen: m.firstPaymentFen, lastPaymentFen: m.lastPaymentFen, totalInterestFen: m.totalInterestFen, totalPaymentFen: m.totalPaymentFen,
        })),
      });
    }
    return {
      reference: order.title,
      customerName: order.companyName,
      firmName,
      projectName: plan.projectName,
      overview: plan.overview,
      expectedCompletion: plan.expectedCompletion,
      ...(plan.financialPlan ? { financialPlan: plan.financialPlan } : {}),
      financingAdvice: plan.financingAdvice,
      ...(preparedBy ? { preparedBy } : {}),
      preparedDate: localDate(plan.updatedAt, actor.timeZone),
      products,
    };
  }
}
