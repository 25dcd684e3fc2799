// The story both notification tests tell (issue 17's "done when"): a firm with WeCom, DingTalk and Aliyun SMS
// connected to the local fakes, three people who chose different channels per kind, and the four things
// that must reach them: a follow-up due, an approval submitted (结单), a receipt submitted and an
// instalment overdue. `expected()` says which person hears of what on which channel, exactly once.
import { randomUUID } from 'node:crypto';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import type { TestServer } from '../../support/http.js';
import type { Clock } from '../../support/fakes/server.js';
import { FakeWeCom } from '../../support/fakes/wecom.js';
import { FakeDingTalk } from '../../support/fakes/dingtalk.js';
import { FakeAliyunSms } from '../../support/fakes/aliyun-sms.js';
import { aFinanceFirm, aReceipt, anApprovedReceipt, anOrderWithPlan, type FinanceFirm } from '../../adapters/collections/builders.js';

export interface Fakes {
  readonly wecom: FakeWeCom;
  readonly dingtalk: FakeDingTalk;
  readonly sms: FakeAliyunSms;
  stop(): Promise<void>;
}

export const SMS_TEMPLATES = { receipt_to_confirm: 'SMS_1001', instalment_overdue: 'SMS_1002' } as const;

export interface Story {
  readonly f: FinanceFirm;
  readonly mobiles: { sales: string; finance: string; operations: string };
}

export async function aStoryFirm(crm: Crm): Promise<Story> {
  const f = await aFinanceFirm(crm);
  const mobile = async (userId: string) => (await crm.organisation.getUser(f.firm.admin, userId)).mobile;
  return { f, mobiles: { sales: await mobile(f.sales.actor.userId), finance: await mobile(f.finance.actor.userId), operations: await mobile(f.operations.actor.userId) } };
}

export async function startFakes(clock: Clock, s: Story): Promise<Fakes> {
  const m = s.mobiles;
  const wecom = await new FakeWeCom({ clock, corpId: 'ww-corp', corpSecret: 'wecom-secret', agentId: 1000002, members: [
    { userId: 'w-sales', mobile: m.sales }, { userId: 'w-finance', mobile: m.finance }, { userId: 'w-ops', mobile: m.operations },
  ] }).start();
  const dingtalk = await new FakeDingTalk({ clock, appKey: 'ding-key', appSecret: 'ding-secret', agentId: 3000001, members: [
    { userId: 'd-sales', unionId: 'u1', mobile: m.sales }, { userId: 'd-finance', unionId: 'u2', mobile: m.finance }, { userId: 'd-ops', unionId: 'u3', mobile: m.operations },
  ] }).start();
  const sms = await new FakeAliyunSms({ clock, accessKeys: { 'LTAI-test': 'sms-secret' }, signNames: ['云舟贷款'], templates: [
    { code: SMS_TEMPLATES.receipt_to_confirm, variables: ['name', 'submitter'] }, { code: SMS_TEMPLATES.instalment_overdue, variables: ['name', 'number', 'dueOn'] },
  ] }).start();
  return { wecom, dingtalk, sms, stop: async () => { await wecom.stop(); await dingtalk.stop(); await sms.stop(); } };
}

/** The administrator connects the three services and each person chooses their channels (no quiet hours). */
export async function connect(api: TestServer, s: Story, fakes: Fakes): Promise<void> {
  const put = await api.call('PUT', '/api/v1/plugins/notifications/channels', { token: s.f.firm.adminToken, body: { items: [
    { channel: 'wecom', enabled: true, baseUrl: fakes.wecom.url, settings: { corpId: 'ww-corp', agentId: 1000002 }, secret: 'wecom-secret' },
    { channel: 'dingtalk', enabled: true, baseUrl: fakes.dingtalk.url, settings: { appKey: 'ding-key', agentId: 3000001 }, secret: 'ding-secret' },
    { channel: 'sms', enabled: true, baseUrl: fakes.sms.url, settings: { accessKeyId: 'LTAI-test', signName: '云舟贷款', templates: SMS_TEMPLATES }, secret: 'sms-secret' },
  ] } });
  if (put.status !== 200) throw new Error(`channels: ${put.status} ${JSON.stringify(put.body)}`);
  const choose = async (token: string, channels: Record<string, string[]>) => {
    const r = await api.call('PUT', '/api/v1/plugins/notifications/preferences/me', { token, body: { channels, quietHours: null } });
    if (r.status !== 200) throw new Error(`preferences: ${r.status} ${JSON.stringify(r.body)}`);
  };
  // Everything else is off, so that only the four stories send anything.
  const none = Object.fromEntries(['follow_up_due', 'approval_waiting', 'receipt_to_confirm', 'instalment_due', 'instalment_overdue', 'task_assigned', 'task_update', 'assignment', 'approval_result', 'application', 'finance', 'pool'].map((k) => [k, ['none']]));
  await choose(s.f.sales.token, { ...none, follow_up_due: ['wecom'], instalment_overdue: ['dingtalk', 'sms'] });
  await choose(s.f.finance.token, { ...none, receipt_to_confirm: ['wecom', 'sms'] });
  await choose(s.f.operations.token, { ...none, approval_waiting: ['dingtalk', 'wecom'] });
}

export interface Happened {
  readonly inquiryId: string;
  readonly receiptId: string;
  readonly paidReceiptId: string;
  readonly closeInstanceId: string;
  readonly overdueOrderId: string;
}

/** A follow-up coming due, a receipt submitted by sales, a close submitted by finance (after its receipt). */
export async function firstThree(crm: Crm, s: Story, now: Date): Promise<Omit<Happened, 'overdueOrderId'>> {
  const { f } = s;
  const inquiry = await crm.inquiries.create(f.sales.actor, {
    companyName: `盛博科技${randomUUID().slice(0, 6)}有限公司`, mobile: `17${String(Date.now()).slice(-9)}`, contactName: '郑盛', gender: 'male', level: 'A', source: '电销',
    propertyType: '按揭房', remark: '测试', nextFollowUpAt: new Date(now.getTime() + 20 * 60_000),
  });
  await crm.followUpReminders.run(now);
  const owing = await anOrderWithPlan(crm, f, 1_000_000, 2, '2026-12-20');
  const { receipt } = await crm.receipts.create(f.sales.actor, aReceipt(owing.id, 500_000), { submit: true });
  const paid = await anOrderWithPlan(crm, f, 100_000, 1, '2026-12-20');
  const own = await anApprovedReceipt(crm, f, paid.id, 100_000); // finance's own: its task tells finance too
  const close = await crm.closes.requestClose(f.finance.actor, paid.id);
  return { inquiryId: inquiry.id, receiptId: receipt.id, paidReceiptId: own.id, closeInstanceId: close.instanceId };
}

/** An instalment that fell due on 11-20 and is still owed: the day's overdue notice. */
export async function overdue(crm: Crm, s: Story, now: Date): Promise<string> {
  const late = await anOrderWithPlan(crm, s.f, 300_000, 1, '2026-11-20');
  await crm.overdueNotices.run(now);
  return late.id;
}

export interface Sent {
  readonly wecom: string[];
  readonly dingtalk: string[];
  readonly sms: string[];
}

/** What the fakes received, as "<vendor user or mobile> <link or template>" lines, sorted. */
export function sentBy(fakes: Fakes): Sent {
  const path = (url: string) => url.replace(/^https:\/\/crm\.example\.cn/, '');
  return {
    wecom: fakes.wecom.sent.flatMap((m) => m.touser.map((u) => `${u} ${path(m.textcard.url)}`)).sort(),
    dingtalk: fakes.dingtalk.sent.flatMap((m) => m.userIds.map((u) => `${u} ${path(m.actionCard.single_url ?? '')}`)).sort(),
    sms: fakes.sms.sent.flatMap((m) => m.phoneNumbers.map((p) => `${p} ${m.templateCode}`)).sort(),
  };
}

/** Who should have heard of what, once each. */
export function expected(s: Story, h: Happened): Sent {
  const m = s.mobiles;
  return {
    wecom: [`w-ops /approvals/${h.closeInstanceId}`, `w-sales /inquiries/${h.inquiryId}`, `w-finance /receipts/${h.receiptId}`, `w-finance /receipts/${h.paidReceiptId}`].sort(),
    dingtalk: [`d-ops /approvals/${h.closeInstanceId}`, `d-sales /orders/${h.overdueOrderId}/collection-plan`].sort(),
    sms: [`${m.finance} ${SMS_TEMPLATES.receipt_to_confirm}`, `${m.finance} ${SMS_TEMPLATES.receipt_to_confirm}`, `${m.sales} ${SMS_TEMPLATES.instalment_overdue}`].sort(),
  };
}
