// An application (申请): one order line applied for at its lending institution, with its own status that the
// customer can look up. Events carry what the bank said (approved amount, rate and term; the reason for a
// refusal; the amount and date paid out), and each accepted event yields a line for the order's timeline.
import { DomainError, validationFailed, fire, isLocalDateText, localDate, type FieldError, type LocalizedText, type Fired } from '../shared/index.js';
import { amountEn, amountZh } from './amount-text.js';
import { APPLICATION_MACHINE, type ApplicationEventType, type ApplicationStatus } from './application-machine.js';
import { checkInteger, checkRequired, checkText, fieldError } from './field-checks.js';
import type { Product } from './product.js';
import { rateUnits } from './rate-percent.js';

export interface Application {
  readonly id: string;
  readonly orderId: string;
  readonly productId: string;
  /** Copied from the product when the line is chosen, so that renaming a product does not rewrite history. */
  readonly productName: string;
  readonly institution: string;
  readonly status: ApplicationStatus;
  readonly approvedAmountFen: number | null;
  /** Approved annual rate in percent, as a decimal string ('3.65'). */
  readonly approvedAnnualRatePercent: string | null;
  readonly approvedTermMonths: number | null;
  readonly rejectionReason: string | null;
  readonly withdrawalReason: string | null;
  readonly disbursedAmountFen: number | null;
  /** 放款日期, a calendar date 'YYYY-MM-DD' in the tenant's time zone. */
  readonly disbursedOn: string | null;
  readonly createdAt: Date;
  readonly statusChangedAt: Date;
}

export type ApplicationEvent =
  | { readonly type: 'submit' }
  | { readonly type: 'approve'; readonly approvedAmountFen: number; readonly annualRatePercent: string; readonly termMonths: number }
  | { readonly type: 'reject'; readonly reason: string }
  | { readonly type: 'disburse'; readonly disbursedAmountFen: number; readonly disbursedOn: string }
  | { readonly type: 'withdraw'; readonly reason?: string | undefined };

export interface AppliedApplicationEvent {
  readonly application: Application;
  readonly transition: Fired<ApplicationStatus, ApplicationEventType>;
  /** The 订单动态 line: what happened, in words. */
  readonly description: LocalizedText;
}

const MAX_REASON = 500;
const MAX_TERM_MONTHS = 360;

/** A new application for a chosen product starts 待申请, with the product's name and institution copied. */
export function newApplication(input: { readonly id: string; readonly orderId: string; readonly product: Product }, now: Date): Application {
  return {
    id: input.id,
    orderId: input.orderId,
    productId: input.product.id,
    productName: input.product.name,
    institution: input.product.institution,
    status: 'pending',
    approvedAmountFen: null,
    approvedAnnualRatePercent: null,
    approvedTermMonths: null,
    rejectionReason: null,
    withdrawalReason: null,
    disbursedAmountFen: null,
    disbursedOn: null,
    createdAt: now,
    statusChangedAt: now,
  };
}

type Changes = Partial<Application>;

// Each event's payload check: the changes it makes, or its field errors (paths relative to the payload).
function payloadChanges(app: Application, event: ApplicationEvent, now: Date, timeZone: string): Changes | FieldError[] {
  const errors: FieldError[] = [];
  const e = event as unknown as Record<string, unknown>;
  switch (event.type) {
    case 'submit':
      return {};
    case 'approve': {
      const approvedAmountFen = checkInteger(e.approvedAmountFen, '/approvedAmountFen', errors, 1, Number.MAX_SAFE_INTEGER);
      if (checkRequired(e.annualRatePercent, '/annualRatePercent', errors) && (typeof e.annualRatePercent !== 'string' || rateUnits(e.annualRatePercent) === null)) {
        errors.push(fieldError('/annualRatePercent', 'not_decimal', '年化利率须为 0–100 之间的小数文本（百分比，如 "3.65"）', 'must be a decimal string of percent between 0 and 100, e.g. "3.65"'));
      }
      const approvedTermMonths = checkInteger(e.termMonths, '/termMonths', errors, 1, MAX_TERM_MONTHS);
      if (errors.length > 0) return errors;
      return { approvedAmountFen, approvedAnnualRatePercent: e.annualRatePercent as string, approvedTermMonths };
    }
    case 'reject': {
      const rejectionReason = checkText(e.reason, '/reason', errors, MAX_REASON);
      return errors.length > 0 ? errors : { rejectionReason };
    }
    case 'disburse': {
      const disbursedAmountFen = checkInteger(e.disbursedAmountFen, '/disbursedAmountFen', errors, 1, Number.MAX_SAFE_INTEGER);
      if (disbursedAmountFen !== undefined && app.approvedAmountFen !== null && disbursedAmountFen > app.approvedAmountFen) {
        errors.push(fieldError('/disbursedAmountFen', 'above_approved', `放款金额不能超过批核金额 ${amountZh(app.approvedAmountFen)}`, `must not exceed the approved ${amountEn(app.approvedAmountFen)}`));
      }
      if (checkRequired(e.disbursedOn, '/disbursedOn', errors)) {
        if (typeof e.disbursedOn !== 'string' || !isLocalDateText(e.disbursedOn)) {
          errors.push(fieldError('/disbursedOn', 'invalid_date', '放款日期须为 YYYY-MM-DD 格式的日期', 'must be a date written YYYY-MM-DD'));
        } else if (e.disbursedOn > localDate(now, timeZone)) {
          errors.push(fieldError('/disbursedOn', 'in_future', '放款日期不能晚于今天', 'must not be after today'));
        }
      }
      return errors.length > 0 ? errors : { disbursedAmountFen, disbursedOn: e.disbursedOn as string };
    }
    case 'withdraw': {
      if (e.reason === undefined || e.reason === null) return { withdrawalReason: null };
      const withdrawalReason = checkText(e.reason, '/reason', errors, MAX_REASON);
      return errors.length > 0 ? errors : { withdrawalReason };
    }
  }
}

function describe(app: Application): LocalizedText {
  const zhName = `${app.productName}（${app.institution}）`;
  const enName = `${app.productName} at ${app.institution}`;
  switch (app.status) {
    case 'applying':
      return { zh: `${zhName}提交申请，状态：申请中`, en: `Applied for ${enName}` };
    case 'approved':
      return {
        zh: `${zhName}已批核：${amountZh(app.approvedAmountFen ?? 0)}，年化 ${app.approvedAnnualRatePercent ?? ''}%，${app.approvedTermMonths ?? ''} 个月`,
        en: `${enName} approved: ${amountEn(app.approvedAmountFen ?? 0)} at ${app.approvedAnnualRatePercent ?? ''}% a year for ${app.approvedTermMonths ?? ''} months`,
      };
    case 'rejected':
      return { zh: `${zhName}已拒绝：${app.rejectionReason ?? ''}`, en: `${enName} rejected: ${app.rejectionReason ?? ''}` };
    case 'disbursed':
      return {
        zh: `${zhName}已放款 ${amountZh(app.disbursedAmountFen ?? 0)}（${app.disbursedOn ?? ''}）`,
        en: `${enName} disbursed ${amountEn(app.disbursedAmountFen ?? 0)} on ${app.disbursedOn ?? ''}`,
      };
    case 'withdrawn':
      return app.withdrawalReason === null
        ? { zh: `${zhName}已撤回`, en: `${enName} withdrawn` }
        : { zh: `${zhName}已撤回：${app.withdrawalReason}`, en: `${enName} withdrawn: ${app.withdrawalReason}` };
    case 'pending':
      return { zh: `${zhName}待申请`, en: `${enName} pending` };
  }
}

/**
 * Moves an application by one event of the status table: approval needs amount, rate and term; a refusal
 * needs its reason; a disbursement its amount (at most the approved amount) and a date not after today in
 * the tenant's time zone. Returns the new application and its timeline line, or a DomainError.
 */
export function applyApplicationEvent(
  app: Application,
  event: ApplicationEvent,
  now: Date,
  timeZone = 'Asia/Shanghai',
): AppliedApplicationEvent | DomainError {
  const fired = fire(APPLICATION_MACHINE, app.status, event.type, undefined, event);
  if (fired instanceof DomainError) return fired;
  const changes = payloadChanges(app, event, now, timeZone);
  if (Array.isArray(changes)) return validationFailed(changes);
  const application: Application = { ...app, ...changes, status: fired.to, statusChangedAt: now };
  return { application, transition: fired, description: describe(application) };
}

/** 放款金额 of an order: what its disbursed applications paid out. */
export function orderDisbursedFen(apps: readonly Application[]): number {
  return apps.reduce((sum, a) => sum + (a.status === 'disbursed' ? (a.disbursedAmountFen ?? 0) : 0), 0);
}
