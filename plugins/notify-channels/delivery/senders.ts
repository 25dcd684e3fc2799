// One copy to one vendor: the channel's words (within its limits) to the person's address there, and what
// came of it as the delivery state machine reads it. WeCom and DingTalk address people by the vendor's user
// id: the one a workbench sign-in linked, else the one found by the person's mobile (kept for next time).
import type { Knex } from 'knex';
import { dingtalkActionCard, smsMessage, wecomTextCard, type AttemptOutcome, type Channel, type NotificationKind } from 'yunzhou/plugin';
import { AliyunSmsClient } from '../aliyun-sms/client.js';
import { DingTalkClient } from '../dingtalk/client.js';
import { WeComClient } from '../wecom/client.js';
import { TokenCache } from '../token-cache.js';
import { isVendorError, VendorError } from '../vendor-error.js';
import type { Clock } from '../http.js';
import type { OpenChannel } from './channel-store.js';

/** What a copy says, whatever the channel. */
export interface Words {
  readonly kind: NotificationKind | null;
  readonly title: string;
  readonly text: string;
  readonly link: string;
  readonly values: Readonly<Record<string, string>>;
  /** Sent as SMS OutId: the copy's idempotency key, echoed in Aliyun's receipts. */
  readonly key: string;
}

export interface Person {
  readonly tenantId: string;
  readonly userId: string;
  readonly mobile: string | null;
}

export interface SendResult {
  readonly outcome: AttemptOutcome;
  readonly messageId: string | null;
}

const num = (v: unknown): number => Number(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export class Senders {
  private readonly tokens: TokenCache;

  constructor(private readonly o: { knex: () => Knex; clock: Clock; timeoutMs: number }) {
    this.tokens = new TokenCache(o.clock);
  }

  private client(c: OpenChannel): WeComClient | DingTalkClient | AliyunSmsClient {
    const base = c.baseUrl ? { baseUrl: c.baseUrl } : {};
    const common = { clock: this.o.clock, timeoutMs: this.o.timeoutMs, ...base };
    if (c.channel === 'wecom') return new WeComClient({ corpId: str(c.settings.corpId), corpSecret: c.secret, agentId: num(c.settings.agentId), tokens: this.tokens, ...common });
    if (c.channel === 'dingtalk') return new DingTalkClient({ appKey: str(c.settings.appKey), appSecret: c.secret, agentId: num(c.settings.agentId), tokens: this.tokens, ...common });
    return new AliyunSmsClient({ accessKeyId: str(c.settings.accessKeyId), accessKeySecret: c.secret, ...common });
  }

  /** Sends the words; every vendor refusal becomes an outcome (with its code and message), never a throw. */
  async send(c: OpenChannel, who: Person, w: Words, consoleBase: string): Promise<SendResult> {
    try {
      const client = this.client(c);
      if (client instanceof AliyunSmsClient) {
        if (!who.mobile) return rejected('NO_MOBILE', '该用户没有手机号');
        const sms = w.kind ? smsMessage({ kind: w.kind, values: w.values }, (c.settings.templates ?? {}) as Record<string, string>) : null;
        if (!sms) return rejected('NO_TEMPLATE', `未设置该类通知的短信模板（${w.kind ?? 'digest'}）`);
        const r = await client.sendSms({ phoneNumbers: [who.mobile], signName: str(c.settings.signName), templateCode: sms.templateCode, templateParam: sms.params, outId: w.key.slice(0, 256) });
        return { outcome: { type: 'sent' }, messageId: r.bizId };
      }
      const address = await this.address(c, client, who);
      if (client instanceof WeComClient) {
        const card = wecomTextCard({ title: w.title, text: w.text, link: w.link, ...(w.kind ? { kind: w.kind } : {}) }, consoleBase);
        const r = await client.sendTextCard({ toUsers: [address], ...card });
        if (r.invalidUsers.includes(address)) return rejected('INVALID_USER', `企业微信不接受该成员：${address}`);
        return { outcome: { type: 'sent' }, messageId: r.msgId };
      }
      const card = dingtalkActionCard({ title: w.title, text: w.text, link: w.link }, consoleBase);
      const r = await client.sendActionCard({ toUsers: [address], ...card });
      return { outcome: { type: 'sent' }, messageId: r.taskId };
    } catch (e) {
      if (!isVendorError(e)) throw e;
      return { outcome: outcomeOf(e), messageId: null };
    }
  }

  /** The person's user id at the vendor: linked by a workbench sign-in, else found by mobile once and kept. */
  private async address(c: OpenChannel, client: WeComClient | DingTalkClient, who: Person): Promise<string> {
    const db = this.o.knex();
    const linked = await db('workbench_identities').where({ tenant_id: who.tenantId, vendor: c.channel, user_id: who.userId })
      .orderBy('linked_at', 'desc').first('vendor_user_id').catch(() => undefined); // the workbench plugin may not be loaded
    if (linked) return linked.vendor_user_id as string;
    const kept = await db('notifications_addresses').where({ tenant_id: who.tenantId, user_id: who.userId, channel: c.channel }).first('address');
    if (kept) return kept.address as string;
    if (!who.mobile) throw new VendorError(c.channel === 'wecom' ? 'wecom' : 'dingtalk', 'rejected', 'NO_MOBILE', '该用户没有手机号，也未从工作台登录过');
    const address = await client.userIdByMobile(who.mobile);
    await db('notifications_addresses').insert({ tenant_id: who.tenantId, user_id: who.userId, channel: c.channel, address, found_at: this.o.clock.now() })
      .onConflict(['tenant_id', 'user_id', 'channel']).merge();
    return address;
  }
}

function rejected(code: string, message: string): SendResult {
  return { outcome: { type: 'rejected', error: { code, message } }, messageId: null };
}

export function outcomeOf(e: VendorError): AttemptOutcome {
  const error = { code: e.code, message: e.vendorMessage };
  if (e.kind === 'rate_limited') return { type: 'rate_limited', retryAfterMs: e.retryAfterMs ?? 60_000, error };
  if (e.kind === 'unavailable') return { type: 'failed', error };
  return { type: 'rejected', error };
}

export const CHANNEL_VENDOR: Readonly<Record<Channel, string>> = { wecom: '企业微信', dingtalk: '钉钉', sms: '阿里云短信' };
