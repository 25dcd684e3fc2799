// Each channel's message within the vendor's limits, cut between characters.
import test from 'ava';
import fc from 'fast-check';
import {
  DINGTALK_MARKDOWN_BYTES, DINGTALK_TITLE_BYTES, NOTIFICATION_KINDS, SMS_PARAM_CHARS, WECOM_DESCRIPTION_BYTES, WECOM_TITLE_BYTES,
  consoleUrl, dingtalkActionCard, escapeHtmlWithin, smsMessage, truncateUnits, truncateUtf8, utf8Length, wecomTextCard,
} from '../../../core/notifications/index.js';

const anyChar = fc.integer({ min: 0, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c));
const wellFormed = (s: string): boolean => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
const n = { kind: 'approval_waiting' as const, title: '您有新的待审批：订单内审「内部审核」', text: '订单 DD20260001 企业信用贷，发起人 孙露露\n请及时审批', link: '/approvals/ai-7' };

test('truncation: within the limit unchanged; otherwise cut between characters with an ellipsis', (t) => {
  t.is(truncateUtf8('待审批', 9), '待审批');
  t.is(truncateUtf8('待审批订单', 10), '待审…'); // 3 + 3 + 3 (…) bytes
  t.is(truncateUtf8('ab😀cd', 6), 'ab…'); // the emoji (4 bytes) would not fit whole
  t.is(truncateUnits('ab😀cd', 4), 'ab…');
  t.is(truncateUnits('ab😀cd', 5), 'ab😀…');
  t.is(truncateUtf8('abc', 2, '…'), '');
  t.is(escapeHtmlWithin('a<b>&c', 100), 'a&lt;b&gt;&amp;c');
  t.is(escapeHtmlWithin('a<b', 6), 'a&lt;b');
  t.is(escapeHtmlWithin('a<b', 5), 'a…'); // '&lt;' (4 bytes) + '…' (3) would not fit after 'a'
});

test('property: truncation keeps whole characters, respects the byte or unit limit, and keeps a fitting text', (t) => {
  const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', '汉', '😀', '𠮷', '&', '<'), anyChar), maxLength: 80 });
  fc.assert(fc.property(text, fc.integer({ min: 0, max: 120 }), (s, limit) => {
    const b = truncateUtf8(s, limit);
    const u = truncateUnits(s, limit);
    const h = escapeHtmlWithin(s, limit);
    const fits = utf8Length(s) <= limit;
    return wellFormed(b) && wellFormed(u) && wellFormed(h) && utf8Length(b) <= limit && u.length <= limit && utf8Length(h) <= limit
      && (fits ? b === s : b.endsWith('…') || b === '') && s.startsWith(b.replace(/…$/, ''));
  }), { numRuns: 500 });
  t.pass();
});

test('a WeCom text card: title and escaped description within 128 and 512 bytes, the console link, 详情', (t) => {
  const c = wecomTextCard(n, 'https://crm.example.cn/');
  t.deepEqual(c, {
    title: n.title,
    description: '<div class="gray">待审批</div><div class="normal">订单 DD20260001 企业信用贷，发起人 孙露露；请及时审批</div>',
    url: 'https://crm.example.cn/approvals/ai-7',
    buttonText: '详情',
  });
  const long = wecomTextCard({ ...n, title: '审'.repeat(100), text: '<' + '回款'.repeat(400) }, 'https://x');
  t.true(utf8Length(long.title) <= WECOM_TITLE_BYTES && long.title.endsWith('…'));
  t.true(utf8Length(long.description) <= WECOM_DESCRIPTION_BYTES && long.description.includes('&lt;回款') && long.description.endsWith('…</div>'));
});

test('a DingTalk action card: markdown heading and lines, escaped, within its limits', (t) => {
  const c = dingtalkActionCard({ ...n, text: '金额 *5000* 元\n请及时审批' }, 'https://crm.example.cn');
  t.deepEqual(c, {
    title: n.title, markdown: `### ${n.title}\n\n金额 \\*5000\\* 元  \n请及时审批`, buttonText: '查看详情', url: 'https://crm.example.cn/approvals/ai-7',
  });
  fc.assert(fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 1500 }), (title, text) => {
    const d = dingtalkActionCard({ title, text, link: '/messages' }, 'https://x');
    return utf8Length(d.title) <= DINGTALK_TITLE_BYTES && utf8Length(d.markdown) <= DINGTALK_MARKDOWN_BYTES && wellFormed(d.markdown);
  }));
});

test('an SMS: the firm\'s template for the kind and its variables, each ≤ 35 characters and never empty; none without a template', (t) => {
  const values = { name: '大鑫科技有限公司'.repeat(6), submitter: '' };
  const sms = smsMessage({ kind: 'approval_waiting', values }, { approval_waiting: 'SMS_123456789' });
  t.is(sms?.templateCode, 'SMS_123456789');
  t.deepEqual(Object.keys(sms?.params ?? {}), ['name', 'submitter']);
  t.is(sms?.params['name']?.length, SMS_PARAM_CHARS);
  t.is(sms?.params['submitter'], '—');
  t.is(smsMessage({ kind: 'finance', values }, { approval_waiting: 'SMS_1' }), null);
  fc.assert(fc.property(fc.constantFrom(...NOTIFICATION_KINDS), fc.dictionary(fc.constantFrom('name', 'submitter', 'time', 'number', 'dueOn', 'due'), fc.string({ unit: anyChar, maxLength: 60 })), (kind, vs: Record<string, string>) => {
    const m = smsMessage({ kind, values: vs }, { [kind]: 'SMS_1' });
    return m !== null && Object.values(m.params).every((v) => v.length >= 1 && v.length <= SMS_PARAM_CHARS && wellFormed(v));
  }));
});

test('console URLs join the firm\'s base and the screen with one slash', (t) => {
  t.is(consoleUrl('https://crm.example.cn', '/tasks/1'), 'https://crm.example.cn/tasks/1');
  t.is(consoleUrl('https://proxy.example.cn/crm//', 'tasks/1'), 'https://proxy.example.cn/crm/tasks/1');
});
