import test from 'ava';
import { duplicateKeys, matchedOn, presentMatch } from '../../../core/inquiries/duplicate-check.js';
import { maskName, presentInquiry } from '../../../core/inquiries/visibility.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { DEFAULT_GRADING_POLICY } from '../../../core/grading/grading-policy.js';
import { aManager, anActor, anInquiry } from './builders.js';

test('the keys are normalised as they are stored', (t) => {
  t.deepEqual(duplicateKeys({ mobile: '+86 152 1380 1285', companyName: '盛博科技有限公司', taxId: ' 91350100m000100y43 ' }), {
    mobile: '15213801285', companyKey: '盛博科技', taxId: '91350100M000100Y43',
  });
  t.deepEqual(duplicateKeys({ companyName: '（北京）盛博科技 有限公司' }), { companyKey: '(北京)盛博科技' });
});

test('a check needs at least one key, and a malformed mobile or tax id is reported by field', (t) => {
  t.is(t.throws(() => duplicateKeys({}), { instanceOf: DomainError })?.fieldErrors[0]?.code, 'nothing_to_check');
  const e = t.throws(() => duplicateKeys({ mobile: '1521380', taxId: '123456789987654321' }), { instanceOf: DomainError });
  t.deepEqual(e?.fieldErrors.map((f) => `${f.path} ${f.code}`), ['/mobile identity.invalid_mobile', '/taxId identity.invalid_uscc']);
});

test('a match names each field it matched on', (t) => {
  const r = anInquiry({ taxId: '91350100M000100Y43' });
  t.deepEqual(matchedOn(r, { mobile: '15213801285', companyKey: '盛博科技', taxId: '91350100M000100Y43' }), ['mobile', 'companyName', 'taxId']);
  t.deepEqual(matchedOn(r, { mobile: '13800000000', companyKey: '盛博科技' }), ['companyName']);
});

const MASKING: [string, Parameters<typeof presentMatch>[0], { contactName: string; mobile: string; masked: boolean }][] = [
  ['its owner sees everything', anActor(), { contactName: '郑盛', mobile: '15213801285', masked: false }],
  ['another sales person sees family name and masked mobile', anActor({ userId: 'u-zhou', name: '周销售' }), { contactName: '郑*', mobile: '152****1285', masked: true }],
  ['the owner’s manager (scope and inquiry.view_mobile) sees everything', aManager(), { contactName: '郑盛', mobile: '15213801285', masked: false }],
  ['a manager of another department sees the name masked, the mobile in full', aManager({ visibleDepartmentIds: ['d-5'] }), { contactName: '郑*', mobile: '15213801285', masked: true }],
];

for (const [who, actor, expected] of MASKING) {
  test(`查重 masking: ${who}`, (t) => {
    const m = presentMatch(actor, anInquiry(), { mobile: '15213801285' }, DEFAULT_GRADING_POLICY);
    t.deepEqual({ contactName: m.contactName, mobile: m.mobile, masked: m.masked }, expected);
    t.is(m.ownerName, '孙露露');
    t.is(m.stage, '咨询');
    t.is(m.levelLabel, 'B类 潜在价值');
  });
}

test('a pooled match shows its pool as its stage and no owner', (t) => {
  const m = presentMatch(anActor(), anInquiry({ ownerId: null, ownerName: null, lifecycle: 'prospect' }), { mobile: '15213801285' }, DEFAULT_GRADING_POLICY);
  t.deepEqual([m.stage, m.pool, m.ownerName], ['客户公海', 'customer', null]);
});

test('lists mask other people’s mobiles unless the actor holds inquiry.view_mobile', (t) => {
  const other = anInquiry({ ownerId: 'u-zhou', ownerName: '周销售' });
  t.is(presentInquiry(anActor(), other, DEFAULT_GRADING_POLICY).mobile, '152****1285');
  t.true(presentInquiry(anActor(), other, DEFAULT_GRADING_POLICY).mobileMasked);
  t.is(presentInquiry(anActor(), anInquiry(), DEFAULT_GRADING_POLICY).mobile, '15213801285');
  t.is(presentInquiry(aManager(), other, DEFAULT_GRADING_POLICY).mobile, '15213801285');
  t.is(presentInquiry(anActor({ perms: ['*'] }), other, DEFAULT_GRADING_POLICY).mobile, '15213801285');
});

test('names are masked after the family name, character by character', (t) => {
  t.deepEqual(['郑盛', '欧阳娜娜', 'A', ''].map(maskName), ['郑*', '欧***', '*', '*']);
});
