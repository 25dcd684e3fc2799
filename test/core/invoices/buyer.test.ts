// 购买方 rules: a special invoice needs all six fields, checked with the identity rules.
import test from 'ava';
import { checkBuyer } from '../../../core/invoices/buyer.js';
import { makeLuhnCard, makeUscc } from '../../../core/identity/index.js';

const taxId = makeUscc('91320505MA1X2Y3W4');
const card = makeLuhnCard('622700000000000000');
const full = { name: ' 盛博科技有限公司 ', taxId: taxId.toLowerCase(), address: '苏州市狮山路 88 号', phone: '0512-66889900', bank: '建设银行苏州高新区支行', account: card.replace(/(\d{4})/g, '$1 ') };

test('a complete special-invoice buyer is normalised: trimmed name, upper-case tax id, account digits', (t) => {
  const { buyer, problems } = checkBuyer('special', full);
  t.deepEqual(problems, []);
  t.deepEqual(buyer, { name: '盛博科技有限公司', taxId, address: '苏州市狮山路 88 号', phone: '0512-66889900', bank: '建设银行苏州高新区支行', account: card });
});

const missingTable: readonly (readonly [string, keyof typeof full])[] = [
  ['tax id', 'taxId'], ['address', 'address'], ['phone', 'phone'], ['bank', 'bank'], ['account', 'account'], ['name', 'name'],
];
for (const [what, field] of missingTable) {
  test(`a special invoice without the buyer's ${what} is a field error at /buyer/${field}`, (t) => {
    const { problems } = checkBuyer('special', { ...full, [field]: '  ' });
    t.deepEqual(problems.map((p) => [p.path, p.code]), [[`/buyer/${field}`, 'required']]);
    t.true(problems[0]?.zh.includes('专用发票') ?? false);
  });
}

test('an ordinary invoice needs only the name; the tax id is checked when given', (t) => {
  t.deepEqual(checkBuyer('ordinary', { name: '王喆' }).problems, []);
  t.deepEqual(checkBuyer('ordinary', { name: '' }).problems.map((p) => p.path), ['/buyer/name']);
  t.deepEqual(checkBuyer('ordinary', { name: 'x', taxId: '123456789987654321' }).problems.map((p) => [p.path, p.code]), [['/buyer/taxId', 'identity.invalid_uscc']]);
});

test('the brochure\'s tax id fails GB 32100 with the check character named', (t) => {
  const p = checkBuyer('special', { ...full, taxId: '123456789987654321' }).problems;
  t.deepEqual(p.map((x) => x.code), ['identity.invalid_uscc']);
  t.regex(p[0]?.zh ?? '', /校验位|只能由/);
});

test('an account failing Luhn is refused until confirmed; a company account of another length likewise', (t) => {
  const luhnBad = '6227895643156487'; // the brochure's card
  t.deepEqual(checkBuyer('special', { ...full, account: luhnBad }).problems.map((p) => p.code), ['identity.bank_card_luhn']);
  t.is(checkBuyer('special', { ...full, account: luhnBad, accountConfirmed: true }).buyer.account, luhnBad);
  const corporate = '32250199753600001234'; // 20 digits
  t.deepEqual(checkBuyer('special', { ...full, account: corporate }).problems.map((p) => p.code), ['identity.invalid_bank_card']);
  const kept = checkBuyer('special', { ...full, account: corporate, accountConfirmed: true });
  t.deepEqual([kept.problems, kept.buyer.account], [[], corporate]);
  t.deepEqual(checkBuyer('special', { ...full, account: '6227-abc', accountConfirmed: true }).problems.map((p) => p.code), ['identity.invalid_bank_card']);
});
