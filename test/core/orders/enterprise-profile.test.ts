// 完善企业信息: each field is checked by its identity rule, every problem listed, Luhn only with a confirmation,
// and age, birth date and gender derived from the ID number.
import test from 'ava';
import { checkProfileInput, deriveFromResidentId, type ProfileInput } from '../../../core/orders/enterprise-profile.js';
import { isDomainError, type DomainError } from '../../../core/shared/domain-error.js';
import { makeLuhnCard, makeResidentId, makeUscc } from '../../../core/identity/index.js';

const NOW = new Date('2026-11-26T08:00:00Z');
const TZ = 'Asia/Shanghai';
const ID = makeResidentId({ region: '320525', birthDate: '1970-09-18', sequence: 488 });
const USCC = makeUscc('91320506MA1234567');
const CARD = makeLuhnCard('622789564315648');

function refusal(input: ProfileInput): DomainError {
  try {
    checkProfileInput(input, NOW, TZ);
  } catch (e) {
    if (isDomainError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

test('valid numbers are normalised: tax id upper-cased, mobile without +86, ID check character x as X, card without spaces', (t) => {
  const idWithX = makeResidentId({ birthDate: '1985-01-01', sequence: 3 });
  const c = checkProfileInput(
    { taxId: ` ${USCC.toLowerCase()} `, legalPersonMobile: '+86 152-1380-1285', legalPersonIdNumber: idWithX.replace('X', 'x'), bankCard: `${CARD.slice(0, 4)} ${CARD.slice(4)}` },
    NOW, TZ,
  );
  t.deepEqual(c, { taxId: USCC, legalPersonMobile: '15213801285', legalPersonIdNumber: idWithX, bankCard: { number: CARD, luhnValid: true, luhnConfirmed: false } });
});

test('the brochure\'s test numbers are refused together, each at its field with its identity code', (t) => {
  const e = refusal({ taxId: '123456789987654321', legalPersonIdNumber: '320525197009184885', legalPersonMobile: '12345', bankCard: '62278' });
  t.is(e.code, 'validation.failed');
  t.deepEqual(e.fieldErrors.map((f) => [f.path, f.code]), [
    ['/taxId', 'identity.invalid_uscc'],
    ['/legalPersonMobile', 'identity.invalid_mobile'],
    ['/legalPersonIdNumber', 'identity.invalid_resident_id'],
    ['/bankCard', 'identity.invalid_bank_card'],
  ]);
});

test('a card failing Luhn is refused with identity.bank_card_luhn, and accepted with the confirmation flag', (t) => {
  const e = refusal({ bankCard: '6227895643156487' });
  t.is(e.code, 'identity.bank_card_luhn');
  t.is(e.kind, 'rule');
  t.regex(e.text.zh, /\*\*\*\*6487/);
  t.deepEqual(checkProfileInput({ bankCard: '6227895643156487', bankCardLuhnConfirmed: true }, NOW, TZ).bankCard, { number: '6227895643156487', luhnValid: false, luhnConfirmed: true });
});

test('with other problems too, the Luhn warning is listed among the field errors', (t) => {
  const e = refusal({ bankCard: '6227895643156487', taxId: 'x' });
  t.deepEqual(e.fieldErrors.map((f) => f.code), ['identity.invalid_uscc', 'identity.bank_card_luhn']);
});

test('left out keeps, null or blank clears, text is trimmed, tax secrets keep their spaces', (t) => {
  t.deepEqual(checkProfileInput({}, NOW, TZ), {});
  t.deepEqual(checkProfileInput({ taxId: null, bankCard: '  ', homeAddress: ' 苏州市东方之门 ', taxSecrets: ' a b ', maritalStatus: null }, NOW, TZ), {
    taxId: null, bankCard: null, homeAddress: '苏州市东方之门', taxSecrets: ' a b ', maritalStatus: null,
  });
});

test('the company name is required when given, and keyed for 查重', (t) => {
  t.deepEqual(checkProfileInput({ companyName: ' 盛博科技有限公司 ' }, NOW, TZ).companyName, { name: '盛博科技有限公司', key: '盛博科技' });
  t.deepEqual(refusal({ companyName: ' ' }).fieldErrors.map((f) => f.path), ['/companyName']);
});

test('an unknown marital status is refused', (t) => {
  t.deepEqual(refusal({ maritalStatus: 'complicated' as never }).fieldErrors.map((f) => f.path), ['/maritalStatus']);
});

test('age, gender and birth date derive from the ID number in the tenant\'s calendar', (t) => {
  t.deepEqual(deriveFromResidentId(ID, NOW, TZ), { age: 56, gender: 'female', birthDate: '1970-09-18' });
  // The birthday in Shanghai starts at 16:00 UTC the day before.
  const birthday = makeResidentId({ birthDate: '1980-11-27', sequence: 1 });
  t.is(deriveFromResidentId(birthday, new Date('2026-11-26T15:59:59Z'), TZ)?.age, 45);
  t.is(deriveFromResidentId(birthday, new Date('2026-11-26T16:00:00Z'), TZ)?.age, 46);
  t.is(deriveFromResidentId('320525197009184885', NOW, TZ), null);
});
