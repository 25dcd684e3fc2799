import test from 'ava';
import fc from 'fast-check';
import { loadFonts } from '../../../adapters/pdf/fonts.js';
import { TextMeasure } from '../../../adapters/pdf/text-measure.js';

const measure = new TextMeasure(loadFonts().regular);
const SIZE = 10;

test('an ideograph is one em wide and a digit about half', (t) => {
  t.is(measure.width('中', SIZE), 10);
  t.is(measure.width('中文', SIZE), 20);
  t.true(measure.width('1', SIZE) > 4 && measure.width('1', SIZE) < 6);
});

test('Chinese text breaks between any two ideographs to fill the width', (t) => {
  t.deepEqual(measure.wrap('一二三四五六七八九十', 40, SIZE), ['一二三四', '五六七八', '九十']);
});

test('closing punctuation never starts a line and opening punctuation never ends one', (t) => {
  t.deepEqual(measure.wrap('一二三四，五六', 40, SIZE), ['一二三四，', '五六']);
  t.deepEqual(measure.wrap('一二三（四五', 40, SIZE), ['一二三', '（四五']);
});

test('a number stays whole when it fits on the next line, and is cut when it is wider than a line', (t) => {
  t.deepEqual(measure.wrap('金额 12345678', 50, SIZE), ['金额', '12345678']);
  const cut = measure.wrap('1234567890123456789012345', 50, SIZE);
  t.true(cut.length > 1);
  t.is(cut.join(''), '1234567890123456789012345');
});

test('line breaks in the text are kept, blank lines too', (t) => {
  t.deepEqual(measure.wrap('第一段\n\n第二段', 200, SIZE), ['第一段', '', '第二段']);
});

test('wrapping loses no character of a text without spaces, and every line fits but for hanging punctuation or one long word', (t) => {
  const chars = fc.constantFrom(...'中文喆堃犇淼金额服务费，。（）《》1234567890abcXYZ.-%');
  const fits = (line: string, width: number): boolean => {
    // Closing punctuation may hang past the end, an opening one may lead; a single word wider than the line is cut.
    const core = line.replace(/^[（《]+/, '').replace(/[，。）》.%]+$/, '');
    return measure.width(core, SIZE) <= width + 1e-9 || /^[A-Za-z0-9.%-]+$/.test(core) || [...core].length <= 1;
  };
  t.notThrows(() =>
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 80 }), fc.integer({ min: 20, max: 300 }), (arr, width) => {
        const text = arr.join('');
        const lines = measure.wrap(text, width, SIZE);
        return lines.join('') === text && lines.every((l) => fits(l, width));
      }),
    ),
  );
});
