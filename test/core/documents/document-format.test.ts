import test from 'ava';
import { chineseDate, ratePercentText } from '../../../core/documents/document-format.js';
import { DomainError } from '../../../core/shared/domain-error.js';

const dates: [string, string][] = [
  ['2025-03-08', '2025年03月08日'],
  ['2024-02-29', '2024年02月29日'],
  ['1999-12-31', '1999年12月31日'],
];
for (const [iso, printed] of dates) {
  test(`${iso} prints as ${printed}`, (t) => {
    t.is(chineseDate(iso), printed);
  });
}

for (const bad of ['2025-02-29', '2025-13-01', '2025-00-10', '2025-3-8', '2025/03/08', '', '2025-03-08T00:00:00Z']) {
  test(`"${bad}" is refused as a document date`, (t) => {
    const error = t.throws(() => chineseDate(bad, 'issueDate'), { instanceOf: DomainError });
    t.is(error?.code, 'document.invalid_date');
    t.deepEqual(error?.details, { field: 'issueDate', date: bad });
  });
}

const rates: [string, string][] = [
  ['6', '6%'],
  ['0.5', '0.5%'],
  ['exempt', '免税'],
  ['not_taxable', '不征税'],
];
for (const [rate, printed] of rates) {
  test(`tax rate ${rate} prints as ${printed}`, (t) => {
    t.is(ratePercentText(rate), printed);
  });
}
