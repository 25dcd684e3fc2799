// The plan's and the contract's required fields, and when a contract may be confirmed or changed.
import test from 'ava';
import { checkPlanInput } from '../../../core/orders/plan.js';
import { checkContractInput, confirmProblem, contractLocked } from '../../../core/orders/contract.js';
import { isDomainError, type DomainError } from '../../../core/shared/domain-error.js';
import type { Contract } from '../../../core/orders/types.js';

function thrown(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    if (isDomainError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const PLAN = { projectName: ' 融资服务 ', overview: '测试', expectedCompletion: '2021-08-26', financialPlan: ' ', financingAdvice: '测试' };

test('a plan is trimmed; an empty financial plan is none', (t) => {
  t.deepEqual(checkPlanInput(PLAN), { projectName: '融资服务', overview: '测试', expectedCompletion: '2021-08-26', financialPlan: null, financingAdvice: '测试' });
});

test('a plan without its starred fields or with an impossible date lists each problem', (t) => {
  const e = thrown(() => checkPlanInput({ projectName: '', overview: ' ', expectedCompletion: '2021-02-30', financingAdvice: '' }));
  t.deepEqual(e.fieldErrors.map((f) => f.path), ['/projectName', '/overview', '/financingAdvice', '/expectedCompletion']);
});

const CONTRACT = { number: ' HT-2026-001 ', amountFen: 20_000_000, signedOn: '2026-11-26', customerParty: '盛博科技', firmParty: '大鑫金服', customerSignatory: ' ' };

test('a contract is trimmed and signed today at the latest', (t) => {
  t.deepEqual(checkContractInput(CONTRACT, '2026-11-26'), {
    number: 'HT-2026-001', amountFen: 20_000_000, signedOn: '2026-11-26', customerParty: '盛博科技', firmParty: '大鑫金服', customerSignatory: null, firmSignatory: null,
  });
});

const BAD: readonly [string, Record<string, unknown>, string][] = [
  ['a zero amount', { amountFen: 0 }, '/amountFen'],
  ['a fractional amount', { amountFen: 1.5 }, '/amountFen'],
  ['a signing date tomorrow', { signedOn: '2026-11-27' }, '/signedOn'],
  ['no signing date', { signedOn: '' }, '/signedOn'],
  ['no number', { number: ' ' }, '/number'],
  ['no customer party', { customerParty: '' }, '/customerParty'],
];
for (const [what, change, path] of BAD) {
  test(`a contract with ${what} is refused at ${path}`, (t) => {
    t.deepEqual(thrown(() => checkContractInput({ ...CONTRACT, ...change } as never, '2026-11-26')).fieldErrors.map((f) => f.path), [path]);
  });
}

const aContract = (confirmedAt: Date | null): Contract => ({
  tenantId: 't', orderId: 'o', number: 'HT-1', amountFen: 100, signedOn: '2026-11-26', customerParty: 'a', customerSignatory: null, firmParty: 'b',
  firmSignatory: null, confirmedAt, confirmedBy: confirmedAt ? 'u' : null, createdBy: 'u', createdAt: new Date(0), updatedBy: 'u', updatedAt: new Date(0),
});

test('confirming needs a recorded, unconfirmed contract and its signed copy', (t) => {
  t.is(confirmProblem(null, true)?.code, 'order.contract_missing');
  t.is(confirmProblem(aContract(null), false)?.code, 'order.contract_scan_missing');
  t.is(confirmProblem(aContract(new Date()), true)?.code, 'order.contract_confirmed');
  t.is(confirmProblem(aContract(null), true), null);
  t.is(contractLocked(aContract(null)), null);
});
