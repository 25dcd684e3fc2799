// 购买方 on an invoice: a special invoice (专用发票, the buyer deducts its input VAT) needs the buyer's tax id,
// address and phone, bank and account; an ordinary one needs only the name (and the tax id when given).
import { isDomainError, type FieldError } from '../shared/index.js';
import { normalizeUscc, bankCardLuhnWarning, invalidBankCardCode, normalizeBankCard } from '../identity/index.js';
import type { InvoiceBuyer, InvoiceKind } from './types.js';

/** The buyer as a request gives it; blanks count as missing. */
export interface BuyerInput {
  readonly name?: string | null | undefined;
  readonly taxId?: string | null | undefined;
  readonly address?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly bank?: string | null | undefined;
  readonly account?: string | null | undefined;
  /**
   * The user confirms an account number that fails the bank-card checks on length or Luhn: company (对公)
   * accounts are often not 16-19 digit card numbers.
   */
  readonly accountConfirmed?: boolean | undefined;
}

const blank = (v: string | null | undefined): string | null => (v === null || v === undefined || v.trim() === '' ? null : v.trim());

const FIELD_NAMES = { name: '名称', taxId: '纳税人识别号', address: '地址', phone: '电话', bank: '开户行', account: '银行账号' } as const;

function required(path: keyof typeof FIELD_NAMES, kind: InvoiceKind): FieldError {
  return {
    path: `/buyer/${path}`,
    code: 'required',
    zh: kind === 'special' ? `开具专用发票须填写购买方${FIELD_NAMES[path]}` : `请填写购买方${FIELD_NAMES[path]}`,
    en: kind === 'special' ? `a special invoice needs the buyer's ${path}` : `the buyer's ${path} is required`,
  };
}

function fromError(path: string, e: unknown): FieldError {
  if (!isDomainError(e)) throw e;
  return { path, code: e.code, zh: e.text.zh, en: e.text.en };
}

function checkAccount(text: string, confirmed: boolean): { account: string | null; problem: FieldError | null } {
  try {
    const card = normalizeBankCard(text);
    if (card.luhnValid || confirmed) return { account: card.number, problem: null };
    return {
      account: null,
      problem: {
        path: '/buyer/account', code: bankCardLuhnWarning,
        zh: '银行账号未通过校验，请核对；确认无误请勾选“确认账号”（accountConfirmed）', en: 'The account number fails the check digit; verify it and set accountConfirmed to keep it',
      },
    };
  } catch (e) {
    const problem = fromError('/buyer/account', e);
    const digits = text.replace(/[\s-]/g, '');
    const lengthOnly = isDomainError(e) && e.code === invalidBankCardCode && e.details.reason === 'length';
    // A company account of another length is kept once the user confirms it; junk characters never are.
    if (lengthOnly && confirmed && digits.length >= 8 && digits.length <= 30) return { account: digits, problem: null };
    if (!lengthOnly) return { account: null, problem };
    return {
      account: null,
      problem: { ...problem, zh: `${problem.zh}；对公账号请核对后勾选“确认账号”（accountConfirmed）`, en: `${problem.en}; for a company account, verify it and set accountConfirmed` },
    };
  }
}

/** The buyer of an invoice of the kind: normalised, or every field's problem (special invoices need all six fields). */
export function checkBuyer(kind: InvoiceKind, input: BuyerInput): { buyer: InvoiceBuyer; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const name = blank(input.name);
  if (name === null) problems.push(required('name', kind));
  let taxId = blank(input.taxId);
  if (taxId !== null) {
    try {
      taxId = normalizeUscc(taxId);
    } catch (e) {
      problems.push(fromError('/buyer/taxId', e));
    }
  }
  const address = blank(input.address);
  const phone = blank(input.phone);
  const bank = blank(input.bank);
  let account = blank(input.account);
  if (account !== null) {
    const checked = checkAccount(account, input.accountConfirmed === true);
    account = checked.account;
    if (checked.problem) problems.push(checked.problem);
  }
  if (kind === 'special') {
    if (blank(input.taxId) === null) problems.push(required('taxId', kind));
    if (address === null) problems.push(required('address', kind));
    if (phone === null) problems.push(required('phone', kind));
    if (bank === null) problems.push(required('bank', kind));
    if (blank(input.account) === null) problems.push(required('account', kind));
  }
  return { buyer: { name: name ?? '', taxId, address, phone, bank, account }, problems };
}
