// 已完善: a profile is complete when every field on the tenant's required list has a value or a current file.
import test from 'ava';
import fc from 'fast-check';
import { DEFAULT_REQUIRED_PROFILE_FIELDS, PROFILE_FIELDS, filledProfileFields, profileCompleteness } from '../../../core/orders/profile-fields.js';
import type { StoredProfile } from '../../../core/orders/types.js';

const profile = (over: Partial<StoredProfile> = {}): StoredProfile => ({
  tenantId: 't', orderId: 'o', taxId: null, legalPersonName: null, legalPersonMobile: null, residentIdSealed: null, residentIdIndex: null,
  bankCardSealed: null, bankCardIndex: null, bankCardLuhnConfirmed: false, bankBranch: null, homeAddress: null, maritalStatus: null,
  taxSecretsSealed: null, contactName: null, contactRelationship: null, updatedBy: 'u', updatedAt: new Date(0), ...over,
});

test('the default required fields are the brochure\'s starred ones', (t) => {
  t.deepEqual(DEFAULT_REQUIRED_PROFILE_FIELDS, ['companyName', 'taxId', 'legalPersonName', 'legalPersonMobile', 'maritalStatus', 'idCardFront']);
});

test('filled fields come from the columns, sealed values and current documents; blanks do not count', (t) => {
  const filled = filledProfileFields('盛博科技', profile({ taxId: 'X', legalPersonName: ' ', residentIdSealed: 'v1:…', maritalStatus: 'married' }), ['id_card_front', 'plan_attachment']);
  t.deepEqual(filled, ['companyName', 'taxId', 'legalPersonIdNumber', 'maritalStatus', 'idCardFront']);
  t.deepEqual(filledProfileFields('盛博科技', null, []), ['companyName']);
});

test('a new order misses every default field but the company name, in form order, with names people read', (t) => {
  const c = profileCompleteness(DEFAULT_REQUIRED_PROFILE_FIELDS, ['companyName']);
  t.false(c.complete);
  t.deepEqual(c.missing.map((m) => m.zh), ['企业税号', '法人姓名', '法人手机号', '法人婚姻状态', '身份证正面']);
});

test('complete exactly when the required list is a subset of the filled fields', (t) => {
  fc.assert(
    fc.property(fc.subarray([...PROFILE_FIELDS]), fc.subarray([...PROFILE_FIELDS]), (required, filled) => {
      const c = profileCompleteness(required, filled);
      const missing = required.filter((f) => !filled.includes(f));
      return c.complete === (missing.length === 0) && JSON.stringify(c.missing.map((m) => m.field)) === JSON.stringify(missing);
    }),
  );
  t.pass();
});
