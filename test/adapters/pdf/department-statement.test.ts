// 部门提成汇总 as PDF: one row per person with the statement's status, the department's total last, the table's
// header on every page of a long department, and a document the standard tools accept.
import test from 'ava';
import { createPdfRenderer } from '../../../adapters/pdf/index.js';
import type { DepartmentStatementDocument } from '../../../core/commissions/statement-export.js';
import type { StatementTotals } from '../../../core/commissions/types.js';
import { compactText, pageCount, pdfText, qpdfCheck } from './pdf-tools.js';

const renderer = createPdfRenderer();

function totals(accruedFen: number, adjustmentFen = 0): StatementTotals {
  return { creditedFen: accruedFen * 30, accruedFen, clawbackFen: 0, trueUpFen: 0, adjustmentFen, totalFen: accruedFen + adjustmentFen };
}

function aDepartment(people: number): DepartmentStatementDocument {
  const rows = Array.from({ length: people }, (_, i) => ({ personName: `员工${String(i + 1).padStart(2, '0')}`, statusLabel: i % 2 ? '草稿' : '已审批', totals: totals(100_000 + i, i === 0 ? -1_000 : 0) }));
  const sum = rows.reduce((s, r) => s + r.totals.totalFen, 0);
  return {
    firmName: '云舟金服', month: '2026-11', departmentName: '三：新媒体运营中心', printedOn: '2026-12-01', rows,
    totals: { ...totals(0), creditedFen: rows.reduce((s, r) => s + r.totals.creditedFen, 0), accruedFen: sum + 1_000, adjustmentFen: -1_000, totalFen: sum },
  };
}

async function render(doc: DepartmentStatementDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of renderer.departmentStatementStream(doc)) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

test('each person with the status of their statement, then the department total', async (t) => {
  const pdf = await render(aDepartment(3));
  t.is(qpdfCheck(pdf).status, 0);
  const text = compactText(pdf);
  for (const expected of ['部门提成汇总', '部门：三：新媒体运营中心', '人数：3人', '应发提成：¥2,990.03元', '员工01已审批30,000.001,000.000.000.00-10.00990.00', '员工02草稿', '合计90,000.903,000.030.000.00-10.002,990.03']) {
    t.true(text.includes(expected), `missing ${expected} in:\n${text}`);
  }
});

test('a long department runs over pages with the header on each and the total once, on the last', async (t) => {
  const pdf = await render(aDepartment(80));
  const pages = pageCount(pdf);
  t.true(pages >= 2, `${pages} pages`);
  for (let p = 1; p <= pages; p++) {
    const text = pdfText(pdf, p);
    t.regex(text, /人员\s+状态/, `the header on page ${p}`);
    t.true(text.includes(`第 ${p} 页 / 共 ${pages} 页`), `the footer on page ${p}`);
  }
  t.true(compactText(pdf, pages).includes('员工80'));
  t.is(compactText(pdf).match(/合计\d/g)?.length, 1);
});

test('a department without statements says so', async (t) => {
  const text = compactText(await render({ ...aDepartment(0), totals: totals(0) }));
  t.true(text.includes('本月还没有生成月结单'));
});
