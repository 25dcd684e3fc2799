// The contract (合同, step 6): its recorded terms, and when it may be confirmed.
import { domainError, validationFailed, isLocalDateText, type DomainError, type FieldError } from '../shared/index.js';
import type { Contract } from './types.js';

export interface ContractInput {
  readonly number: string;
  readonly amountFen: number;
  readonly signedOn: string;
  readonly customerParty: string;
  readonly customerSignatory?: string | null | undefined;
  readonly firmParty: string;
  readonly firmSignatory?: string | null | undefined;
}

export type CheckedContract = Omit<Required<ContractInput>, 'customerSignatory' | 'firmSignatory'> & {
  readonly customerSignatory: string | null;
  readonly firmSignatory: string | null;
};

/**
 * A contract records its number (合同编号), amount in fen (a positive whole number), signing date (a real
 * date, not after today in the tenant's zone) and both parties (甲方 the customer, 乙方 the firm).
 */
export function checkContractInput(input: ContractInput, today: string): CheckedContract {
  const errors: FieldError[] = [];
  const number = input.number.trim();
  const customerParty = input.customerParty.trim();
  const firmParty = input.firmParty.trim();
  const signedOn = input.signedOn.trim();
  if (!number) errors.push({ path: '/number', code: 'required', zh: '请填写合同编号', en: 'The contract number is required' });
  if (!customerParty) errors.push({ path: '/customerParty', code: 'required', zh: '请填写甲方（客户）', en: 'The customer party is required' });
  if (!firmParty) errors.push({ path: '/firmParty', code: 'required', zh: '请填写乙方（本机构）', en: 'The firm party is required' });
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) {
    errors.push({ path: '/amountFen', code: 'amount', zh: '合同金额须为大于 0 的整数（分）', en: 'The contract amount must be a whole number of fen above 0' });
  }
  if (!isLocalDateText(signedOn)) {
    errors.push({ path: '/signedOn', code: 'date', zh: '签订日期须为有效日期（YYYY-MM-DD）', en: 'The signing date must be a real date (YYYY-MM-DD)' });
  } else if (signedOn > today) {
    errors.push({ path: '/signedOn', code: 'future', zh: `签订日期不能晚于今天（${today}）`, en: `The signing date cannot be after today (${today})` });
  }
  if (errors.length) throw validationFailed(errors);
  return {
    number, amountFen: input.amountFen, signedOn, customerParty, firmParty,
    customerSignatory: input.customerSignatory?.trim() || null,
    firmSignatory: input.firmSignatory?.trim() || null,
  };
}

/** A confirmed contract is the agreed record: it is not edited or confirmed again. */
export function contractLocked(contract: Contract): DomainError | null {
  if (contract.confirmedAt === null) return null;
  return domainError('order.contract_confirmed', 'rule', '合同已确认，不能再修改', 'The contract is confirmed and can no longer be changed', {
    confirmedAt: contract.confirmedAt.toISOString(),
  });
}

/** Confirming needs the recorded contract and its signed copy (合同扫描件) on file. */
export function confirmProblem(contract: Contract | null, hasScan: boolean): DomainError | null {
  if (contract === null) return domainError('order.contract_missing', 'rule', '请先录入合同信息', 'Record the contract first');
  const locked = contractLocked(contract);
  if (locked) return locked;
  if (!hasScan) return domainError('order.contract_scan_missing', 'rule', '请先上传签署后的合同扫描件或 PDF', 'Upload the signed contract (scan or PDF) first');
  return null;
}
