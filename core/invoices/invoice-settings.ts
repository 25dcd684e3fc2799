// The tenant's invoice settings: the seller's invoicing profile, whose tax rates apply, and what caps the
// invoiced total of an order. Rates come from here, never from the rules: a firm may be a small-scale
// taxpayer or enjoy a reduced rate for a while.
import { validationFailed, isDomainError, type FieldError } from '../shared/index.js';
import { DEFAULT_TAX_RATES, separateTax } from '../money/index.js';
import { normalizeUscc } from '../identity/index.js';
import type { InvoiceCapBasis, InvoiceSettings, SellerProfile, TaxpayerKind } from './types.js';

/** What a new tenant starts with: a general taxpayer at 6%, the small-scale rate 3%, capped by money received. */
export const DEFAULT_INVOICE_SETTINGS: InvoiceSettings = {
  seller: null,
  taxpayerKind: 'general',
  generalRate: DEFAULT_TAX_RATES.generalTaxpayerService,
  smallScaleRate: DEFAULT_TAX_RATES.smallScale,
  capBasis: 'received',
  defaultServiceName: '*经纪代理服务*融资服务费',
  payee: null,
  reviewer: null,
  drawer: null,
  version: 0,
};

export const TAXPAYER_KINDS: readonly TaxpayerKind[] = ['general', 'small_scale'];
export const CAP_BASES: readonly InvoiceCapBasis[] = ['received', 'contract'];

/** The rate a new line gets: the general taxpayer's service rate, or the small-scale rate, as the tenant set them. */
export function defaultRate(settings: Pick<InvoiceSettings, 'taxpayerKind' | 'generalRate' | 'smallScaleRate'>): string {
  return settings.taxpayerKind === 'general' ? settings.generalRate : settings.smallScaleRate;
}

/** A change to the settings as an administrator sends it (missing fields keep their value). */
export interface InvoiceSettingsChange {
  readonly version: number;
  readonly seller?: SellerProfile | null | undefined;
  readonly taxpayerKind?: TaxpayerKind | undefined;
  readonly generalRate?: string | undefined;
  readonly smallScaleRate?: string | undefined;
  readonly capBasis?: InvoiceCapBasis | undefined;
  readonly defaultServiceName?: string | undefined;
  readonly payee?: string | null | undefined;
  readonly reviewer?: string | null | undefined;
  readonly drawer?: string | null | undefined;
}

const trimOrNull = (v: string | null | undefined): string | null => (v === null || v === undefined || v.trim() === '' ? null : v.trim());

function rateProblem(path: string, rate: string): FieldError | null {
  try {
    separateTax(0, rate);
    return null;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { path, code: e.code, zh: e.text.zh, en: e.text.en };
  }
}

function sellerProblems(seller: SellerProfile): { seller: SellerProfile; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const fields = ['name', 'taxId', 'address', 'phone', 'bank', 'account'] as const;
  const names: Record<(typeof fields)[number], string> = { name: '名称', taxId: '纳税人识别号', address: '地址', phone: '电话', bank: '开户行', account: '银行账号' };
  for (const f of fields) {
    if ((seller[f] ?? '').trim() === '') problems.push({ path: `/seller/${f}`, code: 'required', zh: `请填写销售方${names[f]}`, en: `the seller's ${f} is required` });
  }
  let taxId = seller.taxId.trim();
  if (taxId !== '') {
    try {
      taxId = normalizeUscc(taxId);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      problems.push({ path: '/seller/taxId', code: e.code, zh: e.text.zh, en: e.text.en });
    }
  }
  const account = seller.account.replace(/[\s-]/g, '');
  if (account !== '' && !/^\d{8,30}$/.test(account)) {
    problems.push({ path: '/seller/account', code: 'invoice.invalid_account', zh: '银行账号应为 8 至 30 位数字', en: 'A bank account number has 8 to 30 digits' });
  }
  return {
    seller: { name: seller.name.trim(), taxId, address: seller.address.trim(), phone: seller.phone.trim(), bank: seller.bank.trim(), account },
    problems,
  };
}

/** Applies a change to the settings: rates must be percentages, the seller complete with a valid tax id; every problem is listed. */
export function applySettingsChange(current: InvoiceSettings, change: InvoiceSettingsChange): InvoiceSettings {
  const problems: FieldError[] = [];
  let seller = current.seller;
  if (change.seller !== undefined) {
    if (change.seller === null) seller = null;
    else {
      const checked = sellerProblems(change.seller);
      seller = checked.seller;
      problems.push(...checked.problems);
    }
  }
  const generalRate = change.generalRate?.trim() ?? current.generalRate;
  const smallScaleRate = change.smallScaleRate?.trim() ?? current.smallScaleRate;
  for (const p of [rateProblem('/generalRate', generalRate), rateProblem('/smallScaleRate', smallScaleRate)]) if (p) problems.push(p);
  const defaultServiceName = change.defaultServiceName?.trim() ?? current.defaultServiceName;
  if (defaultServiceName === '') problems.push({ path: '/defaultServiceName', code: 'required', zh: '请填写默认的开票项目名称', en: 'the default line name is required' });
  if (problems.length > 0) throw validationFailed(problems);
  return {
    seller,
    taxpayerKind: change.taxpayerKind ?? current.taxpayerKind,
    generalRate,
    smallScaleRate,
    capBasis: change.capBasis ?? current.capBasis,
    defaultServiceName,
    payee: change.payee === undefined ? current.payee : trimOrNull(change.payee),
    reviewer: change.reviewer === undefined ? current.reviewer : trimOrNull(change.reviewer),
    drawer: change.drawer === undefined ? current.drawer : trimOrNull(change.drawer),
    version: current.version + 1,
  };
}
