// 办理中心 rules: the window follows the firm's calendar, and each kind's row becomes an item naming its record,
// where to open it and the call that acts on it.
import test from 'ava';
import { inboxItem, inboxWindow, type InboxRow } from '../../../core/workcenter/inbox.js';

const SH = 'Asia/Shanghai';

test('the window is the firm\'s calendar day: follow-ups until its end, instalments until N days later', (t) => {
  // 23:30 on 26 November in Shanghai is still 15:30 UTC of the same day; 00:30 on the 27th is 16:30 UTC of the 26th.
  const late = inboxWindow(new Date('2026-11-26T15:30:00Z'), SH, 3);
  t.deepEqual([late.today, late.dueSoonUntil, late.followUpsBefore.toISOString()], ['2026-11-26', '2026-11-29', '2026-11-26T16:00:00.000Z']);
  const afterMidnight = inboxWindow(new Date('2026-11-26T16:30:00Z'), SH, 0);
  t.deepEqual([afterMidnight.today, afterMidnight.dueSoonUntil, afterMidnight.followUpsBefore.toISOString()], ['2026-11-27', '2026-11-27', '2026-11-27T16:00:00.000Z']);
  t.is(inboxWindow(new Date('2026-12-30T04:00:00Z'), SH, 3).dueSoonUntil, '2027-01-02');
});

const window = inboxWindow(new Date('2026-11-26T08:00:00Z'), SH, 3);
const at = (iso: string): Date => new Date(iso);

const rows: { row: InboxRow; related: [string, string]; link: string; action: string; overdue: boolean; title: RegExp }[] = [
  {
    row: { kind: 'approval', taskId: 't1', instanceId: 'a1', businessType: 'order_review', businessId: 'o1', flowName: '订单内审', nodeName: '订单一级审批', submitterName: '孙露露', openedAt: at('2026-11-26T07:00:00Z'), dueAt: at('2026-11-26T07:30:00Z') },
    related: ['order', 'o1'], link: '/api/v1/approvals/a1', action: 'POST /api/v1/approvals/a1/decide', overdue: true, title: /^订单内审·订单一级审批（订单内审，孙露露提交）$/,
  },
  {
    row: { kind: 'approval', taskId: 't2', instanceId: 'a2', businessType: 'red_invoice', businessId: 'i1', flowName: '红冲审批', nodeName: '财务审批', submitterName: null, openedAt: at('2026-11-26T07:00:00Z'), dueAt: null },
    related: ['invoice', 'i1'], link: '/api/v1/approvals/a2', action: 'POST /api/v1/approvals/a2/decide', overdue: false, title: /红冲发票/,
  },
  {
    row: { kind: 'order', orderId: 'o2', title: '企业信用贷', companyName: '盛博科技', stageKey: 'plan_negotiation', stageEnteredAt: at('2026-11-25T00:00:00Z'), createdAt: at('2026-11-20T00:00:00Z') },
    related: ['order', 'o2'], link: '/api/v1/orders/o2', action: 'POST /api/v1/orders/o2/submit', overdue: false, title: /^盛博科技·企业信用贷（方案洽谈）$/,
  },
  {
    row: { kind: 'follow_up', inquiryId: 'q1', companyName: '盛博科技', contactName: '郑盛', level: 'B', lifecycle: 'inquiry', nextFollowUpAt: at('2026-11-26T07:59:00Z') },
    related: ['inquiry', 'q1'], link: '/api/v1/inquiries/q1', action: 'POST /api/v1/follow-ups', overdue: true, title: /^跟进 盛博科技（郑盛，B级）$/,
  },
  {
    row: { kind: 'receipt', taskId: 't3', instanceId: 'a3', receiptId: 'r1', action: 'reverse', nodeName: '财务审批', amountFen: 6_000_050, receivedOn: '2026-11-20', payer: '盛博科技', orderId: 'o2', orderTitle: '企业信用贷', companyName: '盛博科技', submitterName: '赵财务', openedAt: at('2026-11-26T07:00:00Z') },
    related: ['receipt', 'r1'], link: '/api/v1/receipts/r1', action: 'POST /api/v1/approvals/a3/decide', overdue: false, title: /^冲销回款 60000\.50 元·盛博科技（企业信用贷）$/,
  },
  {
    row: { kind: 'instalment', instalmentId: 'n1', orderId: 'o2', number: 2, dueOn: '2026-11-25', amountFen: 500_000, collectedFen: 100_000, orderTitle: '企业信用贷', companyName: '盛博科技' },
    related: ['order', 'o2'], link: '/api/v1/orders/o2/collection-plan', action: 'POST /api/v1/receipts', overdue: true, title: /第2期 4000 元已逾期（2026-11-25）$/,
  },
  {
    row: { kind: 'instalment', instalmentId: 'n2', orderId: 'o2', number: 3, dueOn: '2026-11-26', amountFen: 500_000, collectedFen: 0, orderTitle: '企业信用贷', companyName: '盛博科技' },
    related: ['order', 'o2'], link: '/api/v1/orders/o2/collection-plan', action: 'POST /api/v1/receipts', overdue: false, title: /第3期 5000 元即将到期/,
  },
  {
    row: { kind: 'task', taskId: 'k1', title: '补充营业执照', priority: 'high', status: 'todo', dueAt: null, relatedType: null, relatedId: null },
    related: ['task', 'k1'], link: '/api/v1/tasks/k1', action: 'POST /api/v1/tasks/k1/events', overdue: false, title: /^补充营业执照$/,
  },
];

for (const c of rows) {
  test(`a ${c.row.kind} row (${c.overdue ? 'overdue' : 'on time'}) names its record ${c.related.join(' ')}, opens at ${c.link} and acts by ${c.action}`, (t) => {
    const item = inboxItem(c.row, window, (k) => ({ plan_negotiation: '方案洽谈' })[k] ?? k);
    t.deepEqual([item.kind, item.related.type, item.related.id, item.link, `${item.action.method} ${item.action.path}`, item.overdue], [c.row.kind, ...c.related, c.link, c.action, c.overdue]);
    t.regex(item.title.zh, c.title);
    t.true(item.title.en.length > 0);
  });
}
