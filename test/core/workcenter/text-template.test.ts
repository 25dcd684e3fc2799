// Message texts as data: placeholders, optional parts, value labels and wall-clock times.
import test from 'ava';
import { renderTemplate, renderText } from '../../../core/workcenter/text-template.js';

const ZONE = 'Asia/Shanghai';

test('placeholders take the data\'s values; numbers print as they are', (t) => {
  t.is(renderText('订单「{title}」共 {n} 期', 'zh', { title: '企业信用贷', n: 12 }, ZONE), '订单「企业信用贷」共 12 期');
});

test('an optional part vanishes when any value in it is missing or blank', (t) => {
  t.is(renderText('发票已开具[[：{no}]]', 'zh', {}, ZONE), '发票已开具');
  t.is(renderText('发票已开具[[：{no}]]', 'zh', { no: '  ' }, ZONE), '发票已开具');
  t.is(renderText('发票已开具[[：{no}]]', 'zh', { no: 'No.0012' }, ZONE), '发票已开具：No.0012');
});

test('a missing value outside an optional part prints as nothing', (t) => {
  t.is(renderText('原因：{reason}', 'zh', {}, ZONE), '原因：');
});

test('a time under a key ending in At reads as the zone\'s wall clock, to the minute', (t) => {
  t.is(renderText('{dueAt}', 'zh', { dueAt: '2026-11-27T16:30:00.000Z' }, ZONE), '2026-11-28 00:30');
  t.is(renderText('{dueAt}', 'en', { dueAt: '2026-11-27T16:30:00.000Z' }, 'UTC'), '2026-11-27 16:30');
  t.is(renderText('{note}', 'zh', { note: '2026-11-27T16:30:00.000Z' }, ZONE), '2026-11-27T16:30:00.000Z');
});

test('integer fen under a key ending in Fen reads as yuan', (t) => {
  t.deepEqual(renderTemplate({ zh: '待回款 {outstandingFen}', en: '{outstandingFen} outstanding' }, { outstandingFen: 16_803_250 }, ZONE), { zh: '待回款 168,032.50 元', en: 'CNY 168,032.50 outstanding' });
});

test('labels translate coded values per language', (t) => {
  const labels = { to: { done: { zh: '已完成', en: 'done' } } };
  t.deepEqual(renderTemplate({ zh: '任务{to}', en: 'Task is {to}' }, { to: 'done' }, ZONE, labels), { zh: '任务已完成', en: 'Task is done' });
  t.deepEqual(renderTemplate({ zh: '任务{to}', en: 'Task is {to}' }, { to: 'odd' }, ZONE, labels), { zh: '任务odd', en: 'Task is odd' });
});
