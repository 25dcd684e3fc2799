// The tenant's collection settings: the 付款方式 and 回款类型 dictionaries, whether overpayments are allowed,
// whether the close needs the invoices, and how early owners are reminded of instalments falling due.
import { validationFailed, type DomainError, type FieldError } from '../shared/index.js';
import type { CollectionSettings, DictionaryEntry } from './types.js';

const entries = (names: readonly string[]): DictionaryEntry[] => names.map((name) => ({ name, active: true }));

/** What a tenant runs on until it saves its own: the brochure's payment methods and receipt types. */
export const DEFAULT_COLLECTION_SETTINGS: CollectionSettings = {
  paymentMethods: entries(['转账', '现金', '微信', '支付宝', 'POS刷卡', '承兑汇票']),
  receiptTypes: entries(['服务费', '保证金', '其他']),
  allowOverpayment: false,
  requireInvoicedToClose: false,
  reminderDaysBefore: 3,
  version: 0,
};

function checkDictionary(list: readonly DictionaryEntry[], path: string, errors: FieldError[]): void {
  if (!list.some((e) => e.active)) errors.push({ path, code: 'required', zh: '至少保留一个启用的选项', en: 'keep at least one active entry' });
  const seen = new Set<string>();
  list.forEach((e, i) => {
    const name = e.name.trim();
    if (name === '' || name.length > 20) errors.push({ path: `${path}/${i}/name`, code: 'invalid', zh: '名称须为 1 到 20 个字', en: 'a name of 1 to 20 characters' });
    if (seen.has(name)) errors.push({ path: `${path}/${i}/name`, code: 'duplicate', zh: '名称重复', en: 'duplicate name' });
    seen.add(name);
  });
}

/** A tenant's settings are saved only when the dictionaries have active, distinct, short names and the reminder is 0–60 days. */
export function checkCollectionSettings(s: Omit<CollectionSettings, 'version'>): DomainError | null {
  const errors: FieldError[] = [];
  checkDictionary(s.paymentMethods, '/paymentMethods', errors);
  checkDictionary(s.receiptTypes, '/receiptTypes', errors);
  if (!Number.isSafeInteger(s.reminderDaysBefore) || s.reminderDaysBefore < 0 || s.reminderDaysBefore > 60) {
    errors.push({ path: '/reminderDaysBefore', code: 'out_of_range', zh: '提前提醒天数须为 0 到 60', en: 'must be 0 to 60 days' });
  }
  return errors.length ? validationFailed(errors) : null;
}

/** The names a person may choose now (retired ones stay readable on old receipts). */
export function activeNames(list: readonly DictionaryEntry[]): string[] {
  return list.filter((e) => e.active).map((e) => e.name);
}
