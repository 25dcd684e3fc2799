import test from 'ava';
import { conditionProblems, evaluateCondition, readField, type Condition } from '../../../core/approvals/index.js';

const order = {
  amountFen: 20_000_000,
  product: { category: '企业经营性抵押贷', name: '税E贷' },
  productCategories: ['税贷', '企业经营性抵押贷'],
  title: '企业信用贷',
  signedOn: '2021-06-01',
  discount: null,
  lines: [{ category: '税贷' }],
};

const cases: [string, Condition, boolean][] = [
  ['amount over 100,000 yuan', { field: 'amountFen', op: 'gt', value: 10_000_000 }, true],
  ['amount exactly 100,000 yuan is not over it', { field: 'amountFen', op: 'gt', value: 20_000_000 }, false],
  ['gte includes the bound', { field: 'amountFen', op: 'gte', value: 20_000_000 }, true],
  ['lt', { field: 'amountFen', op: 'lt', value: 20_000_000 }, false],
  ['lte includes the bound', { field: 'amountFen', op: 'lte', value: 20_000_000 }, true],
  ['category is 企业经营性抵押贷', { field: 'product.category', op: 'eq', value: '企业经营性抵押贷' }, true],
  ['category is not 税贷', { field: 'product.category', op: 'ne', value: '税贷' }, true],
  ['in a list of categories', { field: 'product.category', op: 'in', value: ['个人信贷', '企业经营性抵押贷'] }, true],
  ['not in the list', { field: 'product.category', op: 'in', value: ['个人信贷', '车辆抵押贷'] }, false],
  ['an array field contains the value', { field: 'productCategories', op: 'contains', value: '企业经营性抵押贷' }, true],
  ['an array field lacks the value', { field: 'productCategories', op: 'contains', value: '票贷' }, false],
  ['a text field contains the text', { field: 'title', op: 'contains', value: '信用' }, true],
  ['ISO dates compare as text', { field: 'signedOn', op: 'gte', value: '2021-01-01' }, true],
  ['a number does not compare with text', { field: 'amountFen', op: 'gt', value: '1' }, false],
  ['exists on a present field', { field: 'product.name', op: 'exists' }, true],
  ['exists is false on null', { field: 'discount', op: 'exists' }, false],
  ['exists false on a missing field', { field: 'guarantor', op: 'exists', value: false }, true],
  ['a missing field is not greater', { field: 'loanFen', op: 'gt', value: 0 }, false],
  ['ne on a missing field holds (it is not eq)', { field: 'loanFen', op: 'ne', value: 0 }, true],
  ['array index in the path', { field: 'lines.0.category', op: 'eq', value: '税贷' }, true],
  ['a path never reaches the prototype', { field: 'title.length', op: 'exists' }, false],
  ['all holds when every part holds', { all: [{ field: 'amountFen', op: 'gt', value: 10_000_000 }, { field: 'product.category', op: 'eq', value: '企业经营性抵押贷' }] }, true],
  ['all fails when one part fails', { all: [{ field: 'amountFen', op: 'gt', value: 10_000_000 }, { field: 'product.category', op: 'eq', value: '税贷' }] }, false],
  ['any holds when one part holds', { any: [{ field: 'amountFen', op: 'gt', value: 90_000_000 }, { field: 'product.category', op: 'eq', value: '企业经营性抵押贷' }] }, true],
  ['not inverts', { not: { field: 'amountFen', op: 'gt', value: 10_000_000 } }, false],
];

for (const [name, condition, expected] of cases) {
  test(`condition: ${name} → ${expected}`, (t) => {
    t.deepEqual(conditionProblems(condition), []);
    t.is(evaluateCondition(condition, order), expected);
  });
}

test('a field path reads own properties only', (t) => {
  t.is(readField({ a: { b: 1 } }, 'a.b'), 1);
  t.is(readField({ a: {} }, 'a.constructor'), undefined);
  t.is(readField({ a: 1 }, 'a.b.c'), undefined);
});

const invalid: [string, unknown, string[]][] = [
  ['an unknown operator', { field: 'amountFen', op: 'between', value: 1 }, ['/condition/op approval.condition_unknown_operator']],
  ['not an object', 'amountFen > 1', ['/condition approval.condition_shape']],
  ['two combinators in one object', { all: [], any: [] }, ['/condition approval.condition_shape']],
  ['a combinator with extra keys', { not: { field: 'a', op: 'exists' }, field: 'a' }, ['/condition approval.condition_shape']],
  ['all that is not a list', { all: { field: 'a', op: 'exists' } }, ['/condition/all approval.condition_shape']],
  ['an empty any', { any: [] }, ['/condition/any approval.condition_empty']],
  ['a bad field path', { field: 'a..b', op: 'eq', value: 1 }, ['/condition/field approval.condition_bad_field']],
  ['a missing field', { op: 'eq', value: 1 }, ['/condition/field approval.condition_bad_field']],
  ['gt on a boolean', { field: 'a', op: 'gt', value: true }, ['/condition/value approval.condition_bad_value']],
  ['eq on an object', { field: 'a', op: 'eq', value: { x: 1 } }, ['/condition/value approval.condition_bad_value']],
  ['in with no list', { field: 'a', op: 'in', value: 'x' }, ['/condition/value approval.condition_bad_value']],
  ['in with an empty list', { field: 'a', op: 'in', value: [] }, ['/condition/value approval.condition_bad_value']],
  ['exists with a text value', { field: 'a', op: 'exists', value: 'yes' }, ['/condition/value approval.condition_bad_value']],
  ['a misspelt key', { field: 'a', op: 'eq', valu: 1 }, ['/condition/valu approval.condition_unknown_key', '/condition/value approval.condition_bad_value']],
  ['a deep problem keeps its path', { all: [{ field: 'a', op: 'exists' }, { not: { field: 'b', op: 'like', value: 'x' } }] }, ['/condition/all/1/not/op approval.condition_unknown_operator']],
];

for (const [name, condition, expected] of invalid) {
  test(`condition refused: ${name}`, (t) => {
    t.deepEqual(conditionProblems(condition).map((p) => `${p.path} ${p.code}`), expected);
  });
}

test('conditions nested deeper than ten levels are refused', (t) => {
  let c: unknown = { field: 'a', op: 'exists' };
  for (let i = 0; i < 12; i++) c = { not: c };
  t.deepEqual(conditionProblems(c).map((p) => p.code), ['approval.condition_too_deep']);
});
