import test from 'ava';
import fc from 'fast-check';
import { checkInquiryChanges, checkInquiryFields } from '../../../core/inquiries/inquiry-fields.js';
import { checkFollowUpFields } from '../../../core/inquiries/follow-up-fields.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { normalizeCompanyName } from '../../../core/identity/index.js';
import { aForm, NOW, someSettings } from './builders.js';

const ctx = { settings: someSettings(), now: NOW };

function fieldErrors(run: () => unknown): { path: string; code: string }[] {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError && e.code === 'validation.failed') return e.fieldErrors.map((f) => ({ path: f.path, code: f.code }));
    throw e;
  }
  return [];
}

test('the brochure’s 新建咨询 form is accepted and cleaned', (t) => {
  const f = checkInquiryFields(aForm({ mobile: '+86 152-1380-1285', companyName: ' 盛博科技有限公司 ' }), ctx);
  t.is(f.mobile, '15213801285');
  t.is(f.companyName, '盛博科技有限公司');
  t.is(f.companyKey, '盛博科技');
  t.is(f.level, 'B');
  t.is(f.gender, 'male');
  t.deepEqual(f.nextFollowUpAt, new Date('2021-10-15T07:10:24Z'));
  t.is(f.taxId, null);
});

const REQUIRED = ['companyName', 'mobile', 'contactName', 'gender', 'level', 'nextFollowUpAt', 'source', 'propertyType', 'remark'] as const;

for (const field of REQUIRED) {
  test(`${field} is required (the form’s *)`, (t) => {
    t.deepEqual(fieldErrors(() => checkInquiryFields(aForm({ [field]: undefined }), ctx)), [{ path: `/${field}`, code: 'required' }]);
    if (field !== 'nextFollowUpAt') t.deepEqual(fieldErrors(() => checkInquiryFields(aForm({ [field]: '  ' }), ctx)), [{ path: `/${field}`, code: 'required' }]);
  });
}

test('an empty form lists every required field at once', (t) => {
  t.deepEqual(fieldErrors(() => checkInquiryFields({}, ctx)).map((e) => e.path), REQUIRED.map((f) => `/${f}`));
});

const BAD: [string, Record<string, unknown>, string, string][] = [
  ['a mobile that is not a mainland mobile', { mobile: '12345678901' }, '/mobile', 'identity.invalid_mobile'],
  ['a level the firm does not have', { level: 'D' }, '/level', 'not_in_list'],
  ['a source outside the dictionary', { source: '地铁广告' }, '/source', 'not_in_list'],
  ['a property type outside the dictionary', { propertyType: '别墅' }, '/propertyType', 'not_in_list'],
  ['a gender other than male or female', { gender: '男' }, '/gender', 'not_in_list'],
  ['a next follow-up more than ten minutes ago', { nextFollowUpAt: '2021-10-15T14:59:00+08:00' }, '/nextFollowUpAt', 'in_past'],
  ['a next follow-up that is not a time', { nextFollowUpAt: 'tomorrow' }, '/nextFollowUpAt', 'bad_time'],
  ['the brochure’s test tax id', { taxId: '123456789987654321' }, '/taxId', 'identity.invalid_uscc'],
  ['a company name of 101 characters', { companyName: '盛'.repeat(101) }, '/companyName', 'too_long'],
  ['a remark of 501 characters', { remark: 'x'.repeat(501) }, '/remark', 'too_long'],
];

for (const [what, over, path, code] of BAD) {
  test(`refused: ${what}`, (t) => {
    t.deepEqual(fieldErrors(() => checkInquiryFields(aForm(over), ctx)), [{ path, code }]);
  });
}

test('the messages say what is wrong in Chinese, naming the choices', (t) => {
  const e = t.throws(() => checkInquiryFields(aForm({ source: '地铁广告' }), ctx), { instanceOf: DomainError });
  t.is(e?.fieldErrors[0]?.zh, '客户来源「地铁广告」不在可选项中：电销、网络推广、新媒体、转介绍、老客户、地推、其他');
});

test('a next follow-up up to ten minutes in the past is accepted (the form was slow to save)', (t) => {
  const f = checkInquiryFields(aForm({ nextFollowUpAt: new Date(NOW.getTime() - 9 * 60_000) }), ctx);
  t.deepEqual(f.nextFollowUpAt, new Date(NOW.getTime() - 9 * 60_000));
});

test('a valid tax id is kept upper-cased', (t) => {
  t.is(checkInquiryFields(aForm({ taxId: '91350100m000100y43' }), ctx).taxId, '91350100M000100Y43');
});

test('an edit checks only what it carries, and the company key follows the name', (t) => {
  t.deepEqual(checkInquiryChanges({ companyName: 'ＳＨＥＮＧ盛博科技有限公司' }, ctx), { companyName: 'ＳＨＥＮＧ盛博科技有限公司', companyKey: 'sheng盛博科技' });
  t.deepEqual(checkInquiryChanges({ taxId: null }, ctx), { taxId: null });
  t.deepEqual(fieldErrors(() => checkInquiryChanges({ level: 'Z', remark: '' }, ctx)).map((e) => e.path), ['/level', '/remark']);
});

test('property: the stored company key is always normalizeCompanyName of the stored name', (t) => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0), (name) => {
      const f = checkInquiryFields(aForm({ companyName: name }), ctx);
      return f.companyKey === normalizeCompanyName(f.companyName) && f.companyName === name.trim();
    }),
  );
  t.pass();
});

test('a follow-up needs type, content and next time; a re-grade must be a known level', (t) => {
  t.deepEqual(fieldErrors(() => checkFollowUpFields({}, ctx)).map((e) => e.path), ['/type', '/content', '/nextFollowUpAt']);
  t.deepEqual(fieldErrors(() => checkFollowUpFields({ type: '喝茶', content: 'x', nextFollowUpAt: NOW, level: 'Z' }, ctx)), [
    { path: '/type', code: 'not_in_list' },
    { path: '/level', code: 'not_in_list' },
  ]);
  const ok = checkFollowUpFields({ type: '产品方案', content: ' 税贷、发票贷都能做 ', nextFollowUpAt: '2021-10-15T15:18:00+08:00' }, ctx);
  t.deepEqual(ok, { type: '产品方案', content: '税贷、发票贷都能做', nextFollowUpAt: new Date('2021-10-15T07:18:00Z'), level: null });
});
