// Product categories (产品分类) belong to a tenant; a new tenant starts with the brochure's eight, each with
// a stable code that data refers to, so that a category can be renamed without touching its products.
import { validationFailed, type DomainError, type FieldError } from '../shared/index.js';
import { checkInteger, checkText, fieldError, isRecord, checkKnownFields } from './field-checks.js';

export interface ProductCategory {
  /** Stable machine code, lower snake case: 'tax_loan'. */
  readonly code: string;
  /** The name people see: 税贷. */
  readonly name: string;
  /** Position in the category tabs, ascending. */
  readonly sortOrder: number;
}

/** The categories a new tenant starts with, in the brochure's order (选择产品 tabs). */
export const DEFAULT_PRODUCT_CATEGORIES: readonly ProductCategory[] = [
  { code: 'personal_credit', name: '个人信贷', sortOrder: 1 },
  { code: 'tax_loan', name: '税贷', sortOrder: 2 },
  { code: 'invoice_loan', name: '票贷', sortOrder: 3 },
  { code: 'nuonuo_invoice_loan', name: '诺诺票贷', sortOrder: 4 },
  { code: 'business_mortgage', name: '企业经营性抵押贷', sortOrder: 5 },
  { code: 'business_credit', name: '企业信贷', sortOrder: 6 },
  { code: 'personal_home_mortgage', name: '个人房抵押', sortOrder: 7 },
  { code: 'vehicle_mortgage', name: '车辆抵押贷', sortOrder: 8 },
];

const CATEGORY_CODE = /^[a-z][a-z0-9_]{0,39}$/;

/** Whether a text can be a category code: lower snake case, a letter first, at most 40 characters. */
export function isCategoryCode(code: unknown): code is string {
  return typeof code === 'string' && CATEGORY_CODE.test(code);
}

/** Checks a tenant's category: a valid code, a name of 1–20 characters and a non-negative sort order. */
export function validateProductCategory(input: unknown): ProductCategory | DomainError {
  const errors: FieldError[] = [];
  if (!isRecord(input)) return validationFailed([fieldError('', 'not_object', '须为对象', 'must be an object')]);
  checkKnownFields(input, ['code', 'name', 'sortOrder'], '', errors);
  if (!isCategoryCode(input.code)) {
    errors.push(fieldError('/code', 'invalid_code', '编码须为小写字母开头的字母、数字或下划线（最多 40 个）', 'must be lower snake case, starting with a letter, at most 40 characters'));
  }
  const name = checkText(input.name, '/name', errors, 20);
  const sortOrder = checkInteger(input.sortOrder, '/sortOrder', errors, 0, 10_000);
  if (errors.length > 0 || name === undefined || sortOrder === undefined) return validationFailed(errors);
  return { code: input.code as string, name, sortOrder };
}
