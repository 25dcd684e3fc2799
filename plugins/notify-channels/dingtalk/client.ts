// DingTalk (钉钉) server API for an internal application (企业内部应用) of one firm: the access token, work
// notifications (工作通知) of type action_card, and sign-in from the workbench by the free-login code (免登码).
// All calls go to the old gateway oapi.dingtalk.com, which takes the token as ?access_token=, so one base
// URL serves them all; the token comes from the old GET /gettoken (appkey/appsecret) for the same reason.
// Reference: https://open.dingtalk.com/document/orgapp/obtain-orgapp-token (gettoken),
// /document/orgapp/asynchronous-sending-of-enterprise-session-messages (asyncsend_v2),
// /document/orgapp/message-types-and-data-format (action_card),
// /document/orgapp/obtain-the-userid-of-a-user-by-using-the-log-free (topapi/v2/user/getuserinfo),
// /document/orgapp/query-user-details (topapi/v2/user/get), /document/orgapp/query-users-by-phone-number
// (topapi/v2/user/getbymobile), /document/orgapp/server-api-error-codes-1
// (全局错误码) and /document/orgapp/invocation-frequency-limit (调用频率限制). Old server API ("旧版服务端API").
import { createHash } from 'node:crypto';
import { requestJson, systemClock, UNAVAILABLE_RETRY_MS, vendorUrl, type Clock, type FetchLike } from '../http.js';
import { TokenCache } from '../token-cache.js';
import { VendorError } from '../vendor-error.js';

export const DINGTALK_API = 'https://oapi.dingtalk.com';

/**
 * 40014 不合法的access_token, 42001 access_token超时, and 40001 (the table's "Secret错误，或者access_token无效",
 * which can only mean the token once gettoken succeeded): refresh and retry once.
 */
const TOKEN_ERRORS = new Set(['40014', '42001', '40001']);
/**
 * 90018 企业每个应用调用单个接口超过每秒限制, 90006/90005 每分钟限制, 90002 钉钉全平台该接口超过限制,
 * 41047/41048 工作通知每分钟次数上限.
 */
const RATE_LIMITS = new Map([['90018', 1_000], ['90002', 1_000], ['90005', 60_000], ['90006', 60_000], ['41047', 60_000], ['41048', 60_000]]);
/** 40078 不存在的临时授权码 (unknown, used or older than 5 minutes). */
const INVALID_CODE = '40078';
/** 60121 找不到该用户. */
const NO_SUCH_USER = '60121';

export interface DingTalkOptions {
  /** The application's AppKey (Client ID) and AppSecret (Client Secret). */
  readonly appKey: string;
  readonly appSecret: string;
  /** The application's AgentId, where work notifications come from. */
  readonly agentId: number;
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
  readonly clock?: Clock;
  readonly tokens?: TokenCache;
  readonly fetch?: FetchLike;
}

export interface ActionCard {
  /** DingTalk user ids (userid), at most 100 per call. */
  readonly toUsers: readonly string[];
  readonly title: string;
  /** The card's text, in DingTalk's markdown. */
  readonly markdown: string;
  /** One button: its text and the link it opens (the console at the right screen). */
  readonly buttonText: string;
  readonly url: string;
}

export interface DingTalkUser {
  readonly userId: string;
  readonly unionId: string | null;
  /** Only when the application has the 成员手机号 (mobile) permission. */
  readonly mobile: string | null;
}

export class DingTalkClient {
  private readonly baseUrl: string;
  private readonly http;
  private readonly tokens: TokenCache;
  private readonly tokenKey: string;

  constructor(private readonly options: DingTalkOptions) {
    this.baseUrl = options.baseUrl ?? DINGTALK_API;
    this.http = { vendor: 'dingtalk' as const, timeoutMs: options.timeoutMs ?? 10_000, ...(options.fetch ? { fetch: options.fetch } : {}) };
    this.tokens = options.tokens ?? new TokenCache(options.clock ?? systemClock);
    this.tokenKey = `dingtalk:${options.appKey}:${createHash('sha256').update(options.appSecret).digest('hex').slice(0, 16)}`;
  }

  /** GET /gettoken: cached until expires_in (7200 s) minus the cache's margin. */
  accessToken(): Promise<string> {
    return this.tokens.get(this.tokenKey, async () => {
      const { body } = await requestJson(this.http, vendorUrl(this.baseUrl, '/gettoken', { appkey: this.options.appKey, appsecret: this.options.appSecret }));
      check(body);
      return { token: String(body.access_token), expiresInSeconds: Number(body.expires_in) };
    });
  }

  /**
   * POST /topapi/message/corpconversation/asyncsend_v2 with an action_card of one button. DingTalk queues
   * the message and answers a task_id; it drops a second message of the same content to the same person
   * on the same day, so the caller's text should carry what makes it distinct.
   */
  async sendActionCard(card: ActionCard): Promise<{ taskId: string }> {
    const body = await this.call('/topapi/message/corpconversation/asyncsend_v2', {
      agent_id: this.options.agentId,
      userid_list: card.toUsers.join(','),
      msg: { msgtype: 'action_card', action_card: { title: card.title, markdown: card.markdown, single_title: card.buttonText, single_url: card.url } },
    });
    return { taskId: String(body.task_id ?? '') };
  }

  /** The member with this mobile (topapi/v2/user/getbymobile): whom to send to when no sign-in linked them. */
  async userIdByMobile(mobile: string): Promise<string> {
    const r = result(await this.call('/topapi/v2/user/getbymobile', { mobile }, (e) => (e === NO_SUCH_USER ? 'unknown_user' : null)));
    const userId = nonEmpty(r.userid);
    if (!userId) throw new VendorError('dingtalk', 'unknown_user', NO_SUCH_USER, '找不到该用户');
    return userId;
  }

  /** The member behind a free-login code (dd.runtime.permission.requestAuthCode in the workbench). */
  async userByCode(code: string): Promise<DingTalkUser> {
    const who = result(await this.call('/topapi/v2/user/getuserinfo', { code }, (e) => (e === INVALID_CODE ? 'invalid_code' : null)));
    const userId = typeof who.userid === 'string' && who.userid !== '' ? who.userid : null;
    if (!userId) throw new VendorError('dingtalk', 'unknown_user', 'NOT_MEMBER', 'the code belongs to no member of the organisation');
    const user = result(await this.call('/topapi/v2/user/get', { userid: userId, language: 'zh_CN' }, (e) => (e === NO_SUCH_USER ? 'unknown_user' : null)));
    return { userId, unionId: nonEmpty(who.unionid) ?? nonEmpty(user.unionid), mobile: nonEmpty(user.mobile) };
  }

  /** One POST with the access token; refreshed and retried once when DingTalk refuses the token. */
  private async call(path: string, json: unknown, special?: (code: string) => 'invalid_code' | 'unknown_user' | null): Promise<Record<string, unknown>> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken();
      const { body } = await requestJson(this.http, vendorUrl(this.baseUrl, path, { access_token: token }), {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(json),
      });
      const code = errorCode(body);
      if (code && TOKEN_ERRORS.has(code)) {
        this.tokens.invalidate(this.tokenKey, token);
        if (attempt === 0) continue;
      }
      const kind = code ? special?.(code) : null;
      if (kind && code) throw new VendorError('dingtalk', kind, code, message(body));
      check(body);
      return body;
    }
  }
}

/** The code that says what went wrong: errcode, or for errcode 88 (鉴权异常) its sub_code. */
function errorCode(body: Record<string, unknown>): string | null {
  const errcode = String(body.errcode ?? 0);
  if (errcode === '0') return null;
  if (errcode === '88' && body.sub_code !== undefined && String(body.sub_code) !== '') return String(body.sub_code);
  return errcode;
}

function message(body: Record<string, unknown>): string {
  return String(body.sub_msg ?? body.errmsg ?? '');
}

function check(body: Record<string, unknown>): void {
  const code = errorCode(body);
  if (code === null) return;
  const limit = RATE_LIMITS.get(code);
  if (limit !== undefined) throw new VendorError('dingtalk', 'rate_limited', code, message(body), limit);
  if (code === '-1') throw new VendorError('dingtalk', 'unavailable', code, message(body), UNAVAILABLE_RETRY_MS);
  throw new VendorError('dingtalk', 'rejected', code, message(body));
}

function result(body: Record<string, unknown>): Record<string, unknown> {
  const r = body.result;
  return r !== null && typeof r === 'object' ? (r as Record<string, unknown>) : {};
}

function nonEmpty(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}
