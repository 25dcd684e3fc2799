import test from 'ava';
import fc from 'fast-check';
import { fillTemplate, placeholdersIn } from '../../../core/documents/template.js';
import { DomainError } from '../../../core/shared/domain-error.js';

const values = { 'customer.name': '苏州王喆科技有限公司', 'fee.uppercase': '壹万贰仟元整' };

const cases: [string, string, string][] = [
  ['one placeholder', '甲方：{{customer.name}}', '甲方：苏州王喆科技有限公司'],
  ['spaces inside the braces', '{{ customer.name }} 付 {{  fee.uppercase}}', '苏州王喆科技有限公司 付 壹万贰仟元整'],
  ['the same placeholder twice', '{{fee.uppercase}}/{{fee.uppercase}}', '壹万贰仟元整/壹万贰仟元整'],
  ['no placeholder', '本协议一式两份。', '本协议一式两份。'],
  ['unpaired braces as text', '金额 {{ 元 } 单独 }}', '金额 {{ 元 } 单独 }}'],
  ['single braces stay text', '{customer.name}', '{customer.name}'],
];
for (const [what, template, expected] of cases) {
  test(`fills ${what}`, (t) => {
    t.is(fillTemplate(template, values), expected);
  });
}

test('placeholders are listed once each, in order of first use', (t) => {
  t.deepEqual(placeholdersIn('{{b}} {{a}} {{ b }} {{c.d}}'), ['b', 'a', 'c.d']);
});

test('unknown placeholders are refused with all of them listed and the known ones named', (t) => {
  const error = t.throws(() => fillTemplate('{{customer.nmae}} {{fee.uppercase}} {{fee.upper}} {{customer.nmae}}', values), { instanceOf: DomainError });
  t.is(error?.code, 'document.unknown_placeholder');
  t.is(error?.kind, 'invalid');
  t.deepEqual(error?.details.placeholders, ['customer.nmae', 'fee.upper']);
  t.deepEqual(error?.details.known, ['customer.name', 'fee.uppercase']);
  t.true(error?.text.zh.includes('{{customer.nmae}}、{{fee.upper}}'));
});

test('an empty placeholder is unknown', (t) => {
  const error = t.throws(() => fillTemplate('金额 {{}} 元', values), { instanceOf: DomainError });
  t.deepEqual(error?.details.placeholders, ['']);
});

test('a value that looks like a placeholder is printed as it is, not expanded again', (t) => {
  t.is(fillTemplate('名称：{{customer.name}}', { 'customer.name': '{{fee.uppercase}}', 'fee.uppercase': 'X' }), '名称：{{fee.uppercase}}');
});

test('filling equals the literal pieces joined with the values, for any pieces and values', (t) => {
  const names = ['a', 'b.c', 'customer.name'];
  const literal = fc.string({ maxLength: 12 }).filter((s) => !s.includes('{') && !s.includes('}'));
  const piece = fc.oneof(literal.map((text) => ({ text, name: null as string | null })), fc.constantFrom(...names).map((name) => ({ text: '', name })));
  t.notThrows(() =>
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.tuple(literal, literal, literal), (pieces, [va, vb, vc]) => {
        const vals: Record<string, string> = { a: va, 'b.c': vb, 'customer.name': vc };
        const template = pieces.map((p) => (p.name === null ? p.text : `{{${p.name}}}`)).join('');
        const expected = pieces.map((p) => (p.name === null ? p.text : vals[p.name])).join('');
        return fillTemplate(template, vals) === expected;
      }),
    ),
  );
});
