// The products chosen for an order (选择产品): each line carries the firm's service fee, a discount and a
// quantity; the order's receivable is the sum of the line totals.
import { DomainError, type FieldError } from '../shared/index.js';
import { checkFen, checkInteger, checkText, fieldError } from './field-checks.js';
import type { Product } from './product.js';

export interface OrderLine {
  readonly productId: string;
  /** 服务费 per unit. */
  readonly serviceFeeFen: number;
  /** 优惠折扣 on the whole line. */
  readonly discountFen: number;
  /** 数量: a positive integer. */
  readonly quantity: number;
  /** The line's fee is worked out by a fee rule: its discount may reach into the success part, so it is not capped here. */
  readonly feeByRule?: boolean | undefined;
}

const MAX_QUANTITY = 999;

function invalidLine(errors: readonly FieldError[]): DomainError {
  return new DomainError(
    'product.invalid_line',
    'invalid',
    {
      zh: `产品明细有误：${errors.map((e) => `${e.path} ${e.zh}`).join('；')}`,
      en: `Invalid product line: ${errors.map((e) => `${e.path} ${e.en}`).join('; ')}`,
    },
    {},
    errors,
  );
}

// Every problem of one line under `path`; returns its total when there is none.
function lineErrors(line: OrderLine, path: string, errors: FieldError[]): number | undefined {
  const before = errors.length;
  checkText(line.productId, `${path}/productId`, errors, 100);
  const fee = checkFen(line.serviceFeeFen, `${path}/serviceFeeFen`, errors);
  const discount = checkFen(line.discountFen, `${path}/discountFen`, errors);
  const quantity = checkInteger(line.quantity, `${path}/quantity`, errors, 1, MAX_QUANTITY);
  if (fee === undefined || discount === undefined || quantity === undefined) return undefined;
  const gross = fee * quantity;
  if (!Number.isSafeInteger(gross)) {
    errors.push(fieldError(`${path}/quantity`, 'too_large', '服务费乘以数量超出可表示的金额', 'fee times quantity is too large'));
    return undefined;
  }
  if (discount > gross && line.feeByRule !== true) {
    errors.push(fieldError(`${path}/discountFen`, 'discount_above_gross', '优惠折扣不能大于服务费乘以数量', 'must not exceed the fee times the quantity'));
  }
  return errors.length > before ? undefined : gross - discount;
}

/** 总价 = service fee × quantity − discount; a line whose discount exceeds its fees, or with a bad number, is refused. */
export function lineTotal(line: OrderLine): number | DomainError {
  const errors: FieldError[] = [];
  const total = lineErrors(line, '', errors);
  return total === undefined ? invalidLine(errors) : total;
}

/** Checks every line (paths /lines/0/discountFen …); a product may be chosen once per order. */
export function validateOrderLines(lines: readonly OrderLine[]): readonly OrderLine[] | DomainError {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    lineErrors(line, `/lines/${i}`, errors);
    if (seen.has(line.productId)) {
      errors.push(fieldError(`/lines/${i}/productId`, 'duplicate', '同一产品只能选择一次（请修改数量）', 'this product is already on the order; change the quantity instead'));
    }
    seen.add(line.productId);
  });
  return errors.length > 0 ? invalidLine(errors) : lines;
}

/** The order's receivable (应回款金额) from its products: the sum of the line totals. */
export function linesReceivable(lines: readonly OrderLine[]): number | DomainError {
  const valid = validateOrderLines(lines);
  if (valid instanceof DomainError) return valid;
  let sum = 0;
  for (const line of valid) sum += line.serviceFeeFen * line.quantity - line.discountFen;
  if (!Number.isSafeInteger(sum)) return invalidLine([fieldError('/lines', 'too_large', '合计金额超出可表示的范围', 'the sum is too large')]);
  return sum;
}

/** A new line for a chosen product: its default service fee, no discount, quantity 1. */
export function lineFromProduct(product: Product): OrderLine {
  return { productId: product.id, serviceFeeFen: product.defaultServiceFeeFen, discountFen: 0, quantity: 1 };
}

/** The counts under the product picker (未选 19 已选 1): selected ids that are in the list, and the rest. */
export function selectionCounts(all: readonly { readonly id: string }[], selectedIds: readonly string[]): { unselected: number; selected: number } {
  const chosen = new Set(selectedIds);
  const selected = new Set(all.map((p) => p.id).filter((id) => chosen.has(id))).size;
  return { unselected: new Set(all.map((p) => p.id)).size - selected, selected };
}
