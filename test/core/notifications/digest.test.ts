// 每日汇总: one message with everything held, grouped by kind, each item once.
import test from 'ava';
import fc from 'fast-check';
import { NOTIFICATION_KINDS, digest, type DigestItem } from '../../../core/notifications/index.js';

test('items are grouped by kind in the fixed order, with counts, and the digest opens the message list', (t) => {
  const d = digest([
    { key: 'k1', kind: 'finance', title: '发票已开具：企业信用贷' },
    { key: 'k2', kind: 'approval_waiting', title: '您有新的待审批：订单内审' },
    { key: 'k3', kind: 'finance', title: '回款单已审核通过' },
    { key: 'k2', kind: 'approval_waiting', title: '您有新的待审批：订单内审' },
  ]);
  t.is(d.title, '通知汇总：共 3 条');
  t.is(d.text, '【待审批】1 条\n· 您有新的待审批：订单内审\n【回款与发票】2 条\n· 发票已开具：企业信用贷\n· 回款单已审核通过');
  t.is(d.link, '/messages');
  t.deepEqual(d.lines.map((l) => l.key), ['k2', 'k1', 'k3']);
});

test('property: the digest contains every held item exactly once', (t) => {
  const item: fc.Arbitrary<DigestItem> = fc.record({ key: fc.string({ maxLength: 4 }), kind: fc.constantFrom(...NOTIFICATION_KINDS), title: fc.string({ maxLength: 20 }) });
  fc.assert(fc.property(fc.array(item, { maxLength: 40 }), (items) => {
    const d = digest(items);
    const keys = d.lines.map((l) => l.key);
    const distinct = new Set(items.map((i) => i.key));
    const textLines = d.text.split('\n');
    return keys.length === distinct.size && new Set(keys).size === keys.length && [...distinct].every((k) => keys.includes(k))
      && d.lines.every((l) => textLines.includes(l.line)) && d.title === `通知汇总：共 ${distinct.size} 条`;
  }));
  t.pass();
});
