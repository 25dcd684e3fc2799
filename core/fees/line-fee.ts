// The fee of an order line under its product's rule: each part worked out for one unit, times the line's
// quantity, less the line's discount (优惠折扣). The discount comes off the up-front part first — it is known
// when the contract is signed, so the customer sees it at once — and what is left of it off the success
// part. A discount larger than the whole fee makes the line 0, never negative.
import { divRoundHalfUp, formatYuanGrouped, toSafeFen } from '../money/index.js';
import type { DomainError, FieldError, LocalizedText } from '../shared/index.js';
import { amountErrors, invalidFeeInput } from './amount-checks.js';
import { FEE_PART_LABELS, type FeeBases, type FeePartName, type FeeRule } from './fee-rule.js';
import { computeFormula, type FormulaResult } from './formula.js';
import { percentOf, PPM } from './percent.js';

/** The most units on one line, as the order line allows. */
export const MAX_LINE_QUANTITY = 999;

/** 'none': the rule has no such part; 'pending': its base (or the discount's share) is not known yet. */
export type PartStatus = 'none' | 'pending' | 'due';

export interface PartFee {
  readonly part: FeePartName;
  readonly status: PartStatus;
  /** The part's own formula ('parts' rules); null for a 'share' rule, whose formula is the line's `total`. */
  readonly formula: FormulaResult | null;
  /** The part for one unit, after the bounds (and the share). */
  readonly unitFen: number | null;
  /** unitFen × quantity. */
  readonly grossFen: number | null;
  /** The line's discount taken off this part. */
  readonly discountFen: number | null;
  /** What the customer owes for this part: gross − discount. */
  readonly dueFen: number | null;
  readonly text: LocalizedText;
}

export interface LineFee {
  readonly split: FeeRule['split'];
  /** The total's formula of a 'share' rule; null for 'parts'. */
  readonly total: FormulaResult | null;
  readonly upFrontSharePercent: string | null;
  readonly upFront: PartFee;
  readonly success: PartFee;
  readonly quantity: number;
  readonly discountFen: number;
  /** The discount beyond the whole fee, which is not used (the line is 0); 0 while the fee is not known. */
  readonly discountUnusedFen: number;
  /** upFront.dueFen + success.dueFen, once both are known. */
  readonly totalFen: number | null;
  readonly text: LocalizedText;
}

export interface LineFeeInput {
  readonly rule: FeeRule;
  readonly bases: FeeBases;
  readonly quantity: number;
  readonly discountFen: number;
}

function inputErrors(input: LineFeeInput): FieldError[] {
  const errors = amountErrors({ approvedFen: input.bases.approvedFen, disbursedFen: input.bases.disbursedFen, discountFen: input.discountFen });
  const q = input.quantity;
  if (!Number.isSafeInteger(q) || q < 1 || q > MAX_LINE_QUANTITY) {
    errors.push({ path: '/quantity', code: 'out_of_range', zh: `数量须为 1–${MAX_LINE_QUANTITY} 的整数`, en: `must be a whole number from 1 to ${MAX_LINE_QUANTITY}` });
  }
  return errors;
}

interface Unit {
  readonly status: PartStatus;
  readonly formula: FormulaResult | null;
  readonly unitFen: number | null;
}

function unitsOf(rule: FeeRule, bases: FeeBases): { total: FormulaResult | null; upFront: Unit; success: Unit } {
  if (rule.split === 'parts') {
    const unit = (f: typeof rule.upFront): Unit => {
      if (f === null) return { status: 'none', formula: null, unitFen: 0 };
      const r = computeFormula(f, bases);
      return { status: r.fen === null ? 'pending' : 'due', formula: r, unitFen: r.fen };
    };
    return { total: null, upFront: unit(rule.upFront), success: unit(rule.success) };
  }
  const total = computeFormula(rule.total, bases);
  if (total.fen === null) {
    const pending: Unit = { status: 'pending', formula: null, unitFen: null };
    return { total, upFront: pending, success: pending };
  }
  const upFrontFen = toSafeFen(divRoundHalfUp(BigInt(total.fen) * percentOf(rule.upFrontSharePercent).ppm, PPM), 'up-front fee');
  return {
    total,
    upFront: { status: 'due', formula: null, unitFen: upFrontFen },
    success: { status: 'due', formula: null, unitFen: total.fen - upFrontFen },
  };
}

const yuan = (fen: number): string => formatYuanGrouped(fen);

function partText(part: FeePartName, u: Unit, quantity: number, discountFen: number | null, dueFen: number | null, shareText: LocalizedText | null): LocalizedText {
  const label = FEE_PART_LABELS[part];
  if (u.status === 'none') return { zh: `${label.zh}：无`, en: `${label.en}: none` };
  if (u.unitFen === null) {
    const why = u.formula?.text ?? { zh: '待服务费总额确定后计算', en: 'to be computed once the total fee is known' };
    return { zh: `${label.zh}：${why.zh}`, en: `${label.en}: ${why.en}` };
  }
  const how = shareText ?? u.formula?.text ?? { zh: '', en: '' };
  let zh = `${label.zh}：${how.zh}`;
  let en = `${label.en}: ${how.en}`;
  const gross = u.unitFen * quantity;
  if (quantity !== 1) {
    zh += `；× 数量 ${quantity} = ${yuan(gross)} 元`;
    en += `; × quantity ${quantity} = ${yuan(gross)} yuan`;
  }
  if (discountFen === null) {
    zh += '；优惠待前期服务费确定后分摊';
    en += '; the discount is shared out once the up-front fee is known';
  } else if (discountFen > 0 && dueFen !== null) {
    zh += `；减优惠 ${yuan(discountFen)} 元，应收 ${yuan(dueFen)} 元`;
    en += `; less discount ${yuan(discountFen)} yuan: due ${yuan(dueFen)} yuan`;
  }
  return { zh, en };
}

function shareTexts(total: FormulaResult | null, sharePercent: string | null, upFrontUnit: number | null, successUnit: number | null): { upFront: LocalizedText | null; success: LocalizedText | null } {
  if (total?.fen == null || sharePercent === null || upFrontUnit === null || successUnit === null) return { upFront: null, success: null };
  const t = yuan(total.fen);
  return {
    upFront: { zh: `服务费总额 ${t} 元 × ${sharePercent}%（四舍五入到分）= ${yuan(upFrontUnit)} 元`, en: `total fee ${t} yuan × ${sharePercent}% (half-up to the fen) = ${yuan(upFrontUnit)} yuan` },
    success: { zh: `服务费总额 ${t} 元 − 前期服务费 ${yuan(upFrontUnit)} 元 = ${yuan(successUnit)} 元`, en: `total fee ${t} yuan − up-front fee ${yuan(upFrontUnit)} yuan = ${yuan(successUnit)} yuan` },
  };
}

/**
 * The fee of one order line at the bases known now, with its explanation for the timeline and the console.
 * The rule must be validated (validateFeeRule); bad bases, discount or quantity are `fee.invalid_input`.
 */
export function lineFee(input: LineFeeInput): LineFee | DomainError {
  const errors = inputErrors(input);
  if (errors.length > 0) return invalidFeeInput(errors);
  const { rule, bases, quantity, discountFen } = input;
  const { total, upFront, success } = unitsOf(rule, bases);
  const grossOf = (u: Unit): number | null => (u.unitFen === null ? null : u.unitFen * quantity);
  const upGross = grossOf(upFront);
  const successGross = grossOf(success);
  for (const [gross, part] of [[upGross, 'upFront'], [successGross, 'success']] as const) {
    if (gross !== null && !Number.isSafeInteger(gross)) {
      return invalidFeeInput([{
        path: '/quantity', code: 'too_large', zh: `${FEE_PART_LABELS[part].zh}乘以数量超出可表示的金额`, en: `the ${FEE_PART_LABELS[part].en} times the quantity is too large`,
      }]);
    }
  }
  // Up-front first; the success part gets what is left once the up-front part is known.
  const upDiscount = upGross === null ? null : Math.min(discountFen, upGross);
  // With no discount there is nothing to share out, so the success part need not wait for the up-front one.
  const left = upDiscount === null ? (discountFen === 0 ? 0 : null) : discountFen - upDiscount;
  const successDiscount = left === null || successGross === null ? null : Math.min(left, successGross);
  const upDue = upGross === null || upDiscount === null ? null : upGross - upDiscount;
  const successDue = successGross === null || successDiscount === null ? null : successGross - successDiscount;
  const sharePercent = rule.split === 'share' ? rule.upFrontSharePercent : null;
  const shares = shareTexts(total, sharePercent, upFront.unitFen, success.unitFen);
  const part = (name: FeePartName, u: Unit, gross: number | null, discount: number | null, due: number | null, share: LocalizedText | null): PartFee => ({
    part: name,
    status: u.status === 'due' && due === null ? 'pending' : u.status,
    formula: u.formula,
    unitFen: u.unitFen,
    grossFen: gross,
    discountFen: discount,
    dueFen: due,
    text: partText(name, u, quantity, u.unitFen === null ? 0 : discount, due, share),
  });
  const upPart = part('upFront', upFront, upGross, upDiscount, upDue, shares.upFront);
  const successPart = part('success', success, successGross, successDiscount, successDue, shares.success);
  const totalFen = upDue === null || successDue === null ? null : upDue + successDue;
  const discountUnusedFen = totalFen === null || upDiscount === null || successDiscount === null ? 0 : discountFen - upDiscount - successDiscount;
  const lines = [upPart.text, successPart.text];
  if (total !== null) lines.unshift({ zh: `服务费总额：${total.text.zh}；其中 ${sharePercent}% 前期收取`, en: `total fee: ${total.text.en}; ${sharePercent}% of it up front` });
  if (totalFen !== null) lines.push({ zh: `合计应收 ${yuan(totalFen)} 元`, en: `total due ${yuan(totalFen)} yuan` });
  if (discountUnusedFen > 0) lines.push({ zh: `优惠超出服务费 ${yuan(discountUnusedFen)} 元，不再抵扣`, en: `the discount exceeds the fee by ${yuan(discountUnusedFen)} yuan, which is not used` });
  return {
    split: rule.split, total, upFrontSharePercent: sharePercent, upFront: upPart, success: successPart, quantity, discountFen, discountUnusedFen, totalFen,
    text: { zh: lines.map((l) => l.zh).join('\n'), en: lines.map((l) => l.en).join('\n') },
  };
}
