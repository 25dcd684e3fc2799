import test from 'ava';
import { requireDrawable, undrawableCharacters, undrawableFields, type DocumentCharset } from '../../../core/shared/document-charset.js';
import { DomainError } from '../../../core/shared/domain-error.js';

// A charset that draws the BMP but nothing beyond it, and no control character but line breaks and tabs.
const bmpOnly: DocumentCharset = { drawable: (cp) => cp <= 0xffff && (cp >= 0x20 || cp === 0x0a || cp === 0x09) };

test('the characters a charset cannot draw are listed once each, in the order they appear', (t) => {
  t.deepEqual(undrawableCharacters(bmpOnly, '𠮷野家𠮷😀\n第二行'), ['𠮷', '😀']);
  t.deepEqual(undrawableCharacters(bmpOnly, '苏州王喆科技\t有限公司'), []);
});

test('one field error per field with undrawable characters, naming them and their code points; absent fields pass', (t) => {
  const errors = undrawableFields(bmpOnly, { '/buyer/name': '𠮷野家', '/remarks': null, '/lines/0/name': '服务费', '/drawer': undefined, '/reason': '开票有误\u0007' });
  t.deepEqual(errors.map((e) => [e.path, e.code]), [['/buyer/name', 'document.unsupported_characters'], ['/reason', 'document.unsupported_characters']]);
  t.true(errors[0]?.zh.includes('“𠮷”（U+20BB7）'));
  t.true(errors[0]?.en.includes('"𠮷" (U+20BB7)'));
  t.true(errors[1]?.en.includes('U+0007'));
});

test('requireDrawable throws validation.failed with every field, and nothing when all is drawable', (t) => {
  const error = t.throws(() => requireDrawable(bmpOnly, { '/a': '😀', '/b': '𠮷' }), { instanceOf: DomainError });
  t.is(error?.code, 'validation.failed');
  t.is(error?.kind, 'invalid');
  t.deepEqual(error?.fieldErrors.map((f) => f.path), ['/a', '/b']);
  t.notThrows(() => requireDrawable(bmpOnly, { '/a': '大鑫金服', '/b': null }));
});
