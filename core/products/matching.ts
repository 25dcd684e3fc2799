// Product matching (自动匹配 / 手动匹配): every requirement of a product judged against what is known about
// the order's company and customer, and the active catalogue ranked for the sales person.
import type { Product } from './product.js';
import type { MatchSubject } from './match-subject.js';
import { evaluateRequirement, type MatchReason } from './requirement-evaluation.js';

export type { MatchSubject } from './match-subject.js';
export { propertyOwnership } from './match-subject.js';
export type { MatchReason, ReasonStatus } from './requirement-evaluation.js';

export interface ProductEvaluation {
  readonly productId: string;
  /** Every requirement is met (none unmet, none unknown). */
  readonly matched: boolean;
  /** Share of the requirements that are met, 0–100 (100 for a product without requirements). */
  readonly score: number;
  readonly reasons: readonly MatchReason[];
  /** The requested amount lies within the product's amount range; null when no amount was requested. */
  readonly amountFits: boolean | null;
}

export interface ProductMatch {
  readonly product: Product;
  readonly evaluation: ProductEvaluation;
}

/** Judges each of a product's requirements; the product matches only when every one is met. */
export function evaluateProduct(product: Product, subject: MatchSubject): ProductEvaluation {
  const reasons = product.requirements.map((r) => evaluateRequirement(r, subject));
  const met = reasons.filter((r) => r.status === 'met').length;
  const requested = subject.requestedAmountFen;
  return {
    productId: product.id,
    matched: met === reasons.length,
    score: reasons.length === 0 ? 100 : Math.round((met * 100) / reasons.length),
    reasons,
    amountFits: requested === null || requested === undefined ? null : requested >= product.amountFen.min && requested <= product.amountFen.max,
  };
}

function count(e: ProductEvaluation, status: MatchReason['status']): number {
  return e.reasons.filter((r) => r.status === status).length;
}

// Sort keys, compared in order, smaller first.
function rankKeys({ product, evaluation: e }: ProductMatch): number[] {
  const unmet = count(e, 'unmet');
  const unknown = count(e, 'unknown');
  const group = unmet > 0 ? 2 : unknown > 0 ? 1 : 0;
  return [group, unmet, unknown, e.amountFits === false ? 1 : 0, product.defaultServiceFeeFen, product.number];
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * 自动匹配: the active products, ranked — fully met first, then those with unknowns (fewer first), then those
 * with unmet requirements (fewer first); ties go to the product whose amount range fits the requested amount,
 * then to the lower default service fee, then to the lower product number.
 */
export function autoMatch(products: readonly Product[], subject: MatchSubject): ProductMatch[] {
  return products
    .filter((p) => p.active)
    .map((product) => ({ product, evaluation: evaluateProduct(product, subject) }))
    .map((m) => ({ m, keys: rankKeys(m) }))
    .sort((a, b) => compareKeys(a.keys, b.keys))
    .map(({ m }) => m);
}

/** 手动匹配 lets staff pick any product; the requirements it does not (or may not) meet come back as warnings. */
export function manualMatchWarnings(product: Product, subject: MatchSubject): MatchReason[] {
  return evaluateProduct(product, subject).reasons.filter((r) => r.status !== 'met');
}
