import test from 'ava';
import {
  applyApplicationEvent, newApplication, orderDisbursedFen, type Application, type ApplicationEvent, type AppliedApplicationEvent,
} from '../../../core/products/application.js';
import {
  APPLICATION_EVENT_TYPES, APPLICATION_MACHINE, APPLICATION_STATUSES, applicationStatusLabel, type ApplicationEventType, type ApplicationStatus,
} from '../../../core/products/application-machine.js';
import { eventsFrom, validateMachine } from '../../../core/shared/state-machine.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { aProduct, anApplication } from './builders.js';

const NOW = new Date('2021-10-20T08:00:00Z'); // 16:00 on 2021-10-20 in Shanghai

const VALID: Record<ApplicationEventType, ApplicationEvent> = {
  submit: { type: 'submit' },
  approve: { type: 'approve', approvedAmountFen: 50_000_000, annualRatePercent: '3.65', termMonths: 12 },
  reject: { type: 'reject', reason: '征信查询次数过多' },
  disburse: { type: 'disburse', disbursedAmountFen: 50_000_000, disbursedOn: '2021-10-20' },
  withdraw: { type: 'withdraw', reason: '客户已在他行获批' },
};

// The whole table: what every event does in every state (a target state, or refused).
const EXPECTED: Record<ApplicationStatus, Partial<Record<ApplicationEventType, ApplicationStatus>>> = {
  pending: { submit: 'applying', withdraw: 'withdrawn' },
  applying: { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' },
  approved: { disburse: 'disbursed' },
  rejected: {},
  disbursed: {},
  withdrawn: {},
};

function inState(status: ApplicationStatus): Application {
  return anApplication({ status, approvedAmountFen: status === 'pending' || status === 'applying' ? null : 50_000_000 });
}

function applied(r: AppliedApplicationEvent | DomainError): AppliedApplicationEvent {
  if (r instanceof DomainError) throw new Error(`unexpected refusal: ${r.message}`);
  return r;
}

test('the application table is a valid machine: every state reachable, three final states', (t) => {
  t.deepEqual(validateMachine(APPLICATION_MACHINE), []);
  t.is(APPLICATION_MACHINE.name, 'application');
  t.deepEqual(APPLICATION_MACHINE.final, ['rejected', 'disbursed', 'withdrawn']);
  t.deepEqual(APPLICATION_STATUSES.map(applicationStatusLabel), ['待申请', '申请中', '已批核', '已拒绝', '已放款', '已撤回']);
});

for (const state of APPLICATION_STATUSES) {
  for (const event of APPLICATION_EVENT_TYPES) {
    const to = EXPECTED[state][event];
    test(`${state} + ${event} → ${to ?? 'refused with application.transition_not_allowed'}`, (t) => {
      const r = applyApplicationEvent(inState(state), VALID[event], NOW);
      if (to === undefined) {
        t.true(r instanceof DomainError);
        t.is((r as DomainError).code, 'application.transition_not_allowed');
        t.deepEqual((r as DomainError).details, { state, event });
      } else {
        const ok = applied(r);
        t.is(ok.application.status, to);
        t.deepEqual(ok.transition, { from: state, to, event });
        t.is(ok.application.statusChangedAt, NOW);
      }
    });
  }
}

test('the events each state offers are exactly those of the expected table', (t) => {
  for (const s of APPLICATION_STATUSES) t.deepEqual(eventsFrom(APPLICATION_MACHINE, s).sort(), Object.keys(EXPECTED[s]).sort());
});

test('a refused event names both in Chinese (撤回 after approval)', (t) => {
  const r = applyApplicationEvent(inState('approved'), VALID.withdraw, NOW) as DomainError;
  t.is(r.text.zh, '当前状态「已批核」不能执行「撤回」');
  t.is(r.kind, 'rule');
});

test('a new application is 待申请 with the product\'s name and institution copied', (t) => {
  const app = newApplication({ id: 'a-9', orderId: 'o-9', product: aProduct({ id: 'p-24', name: '浦发-银税贷', institution: '浦发银行' }) }, NOW);
  t.like(app, { id: 'a-9', orderId: 'o-9', productId: 'p-24', productName: '浦发-银税贷', institution: '浦发银行', status: 'pending', createdAt: NOW, approvedAmountFen: null });
});

test('the whole happy path records what the bank said and describes each step for the timeline', (t) => {
  const a0 = anApplication();
  const a1 = applied(applyApplicationEvent(a0, VALID.submit, NOW));
  t.deepEqual(a1.description, { zh: '税E贷（工商银行）提交申请，状态：申请中', en: 'Applied for 税E贷 at 工商银行' });
  const a2 = applied(applyApplicationEvent(a1.application, VALID.approve, NOW));
  t.like(a2.application, { status: 'approved', approvedAmountFen: 50_000_000, approvedAnnualRatePercent: '3.65', approvedTermMonths: 12 });
  t.is(a2.description.zh, '税E贷（工商银行）已批核：50万元，年化 3.65%，12 个月');
  const a3 = applied(applyApplicationEvent(a2.application, { type: 'disburse', disbursedAmountFen: 45_000_000, disbursedOn: '2021-10-19' }, NOW));
  t.like(a3.application, { status: 'disbursed', disbursedAmountFen: 45_000_000, disbursedOn: '2021-10-19', approvedAmountFen: 50_000_000 });
  t.deepEqual(a3.description, { zh: '税E贷（工商银行）已放款 45万元（2021-10-19）', en: '税E贷 at 工商银行 disbursed CNY 450,000 on 2021-10-19' });
  t.is(a0.status, 'pending'); // the input is not changed
});

test('a refusal keeps its reason; a withdrawal may give one', (t) => {
  const r = applied(applyApplicationEvent(inState('applying'), { type: 'reject', reason: '  征信查询次数过多 ' }, NOW));
  t.is(r.application.rejectionReason, '征信查询次数过多');
  t.is(r.description.zh, '税E贷（工商银行）已拒绝：征信查询次数过多');
  const w = applied(applyApplicationEvent(inState('pending'), { type: 'withdraw' }, NOW));
  t.is(w.application.withdrawalReason, null);
  t.is(w.description.zh, '税E贷（工商银行）已撤回');
});

function fieldsOf(r: unknown): [string, string][] {
  if (!(r instanceof DomainError) || r.code !== 'validation.failed') throw new Error('expected validation.failed');
  return r.fieldErrors.map((f) => [f.path, f.code]);
}

// [state, event with a bad payload, the field errors expected]
const BAD_PAYLOADS: [ApplicationStatus, unknown, [string, string][]][] = [
  ['applying', { type: 'approve' }, [['/approvedAmountFen', 'required'], ['/annualRatePercent', 'required'], ['/termMonths', 'required']]],
  ['applying', { type: 'approve', approvedAmountFen: 0, annualRatePercent: '3.65%', termMonths: 12.5 }, [['/approvedAmountFen', 'too_small'], ['/annualRatePercent', 'not_decimal'], ['/termMonths', 'not_integer']]],
  ['applying', { type: 'reject' }, [['/reason', 'required']]],
  ['applying', { type: 'reject', reason: '   ' }, [['/reason', 'empty']]],
  ['pending', { type: 'withdraw', reason: '' }, [['/reason', 'empty']]],
  ['approved', { type: 'disburse', disbursedAmountFen: 50_000_001, disbursedOn: '2021-10-20' }, [['/disbursedAmountFen', 'above_approved']]],
  ['approved', { type: 'disburse', disbursedAmountFen: 1 }, [['/disbursedOn', 'required']]],
  ['approved', { type: 'disburse', disbursedAmountFen: 1, disbursedOn: '2021-02-30' }, [['/disbursedOn', 'invalid_date']]],
  ['approved', { type: 'disburse', disbursedAmountFen: 1, disbursedOn: '2021-10-21' }, [['/disbursedOn', 'in_future']]],
  ['approved', { type: 'disburse', disbursedAmountFen: -5, disbursedOn: '2021/10/20' }, [['/disbursedAmountFen', 'too_small'], ['/disbursedOn', 'invalid_date']]],
];

for (const [state, event, fields] of BAD_PAYLOADS) {
  test(`${state} + ${JSON.stringify(event)} is refused at ${fields.map((f) => f[0]).join(', ')}`, (t) => {
    t.deepEqual(fieldsOf(applyApplicationEvent(inState(state), event as ApplicationEvent, NOW)), fields);
  });
}

test('the disbursement date is judged in the tenant\'s time zone', (t) => {
  const lateEvening = new Date('2021-10-20T16:30:00Z'); // 00:30 on 2021-10-21 in Shanghai, still the 20th in UTC
  const event: ApplicationEvent = { type: 'disburse', disbursedAmountFen: 1, disbursedOn: '2021-10-21' };
  t.is(applied(applyApplicationEvent(inState('approved'), event, lateEvening)).application.disbursedOn, '2021-10-21');
  t.deepEqual(fieldsOf(applyApplicationEvent(inState('approved'), event, lateEvening, 'UTC')), [['/disbursedOn', 'in_future']]);
});

test('a state the table refuses is reported before a bad payload', (t) => {
  const r = applyApplicationEvent(inState('pending'), { type: 'approve' } as ApplicationEvent, NOW) as DomainError;
  t.is(r.code, 'application.transition_not_allowed');
});

test('the order\'s disbursed amount adds up its disbursed applications only', (t) => {
  t.is(orderDisbursedFen([]), 0);
  t.is(orderDisbursedFen([
    anApplication({ status: 'disbursed', approvedAmountFen: 50_000_000, disbursedAmountFen: 45_000_000 }),
    anApplication({ status: 'approved', approvedAmountFen: 30_000_000 }),
    anApplication({ status: 'disbursed', approvedAmountFen: 20_000_000, disbursedAmountFen: 20_000_000 }),
    anApplication({ status: 'rejected', rejectionReason: '资质不符' }),
  ]), 65_000_000);
});
