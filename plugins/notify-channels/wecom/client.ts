// WeCom (企业微信) server API for a self-built application (自建应用) of one firm: the access token, application
// messages of type textcard, and sign-in from the workbench by the OAuth code.
// Reference: https://developer.work.weixin.qq.com/document/path/91039 (获取access_token),
// /path/90236 (发送应用消息, textcard), /path/91022 (构造网页授权链接), /path/91023 (获取访问用户身份,
// auth/getuserinfo), /path/95833 (获取访问用户敏感信息, auth/getuserdetail), /path/90196 (读取成员, user/get),
// /path/95402 (手机号获取userid, user/getuserid), /path/90313 (全局错误码). API as published in 2024–2026; no version number is given by WeCom.
import { createHash } from 'node:crypto';
import { requestJson, systemClock, UNAVAILABLE_RETRY_MS, vendorUrl, type Clock, type FetchLike } from '../http.js';
import { TokenCache } from '../token-cache.js';
import { VendorError } from '../vendor-error.js';

export const WECOM_API = 'https://qyapi.weixin.qq.com';
export const WECOM_OAUTH = 'https://open.weixin.qq.com';

/** 40014 不合法的access_token, 42001 access_token已过期: refresh and retry once. */
const TOKEN_ERRORS = new Set([40014, 42001]);
/** 45009 接口调用超过限制 (per minute/hour/day), 45033 接口并发调用超过限制. */
const RATE_LIMITS = new Map([[45009, 60_000], [45033, 1_000]]);
/** 40029 不合法的oauth_code (unknown, used or older than 5 minutes). */
const INVALID_CODE = 40029;
/** 60111 UserID不存在. */
const NO_SUCH_USER = 60111;
/** 46004 不存在的成员 (user/getuserid: no member has that mobile). */
const NO_SUCH_MOBILE = 46004;

export interface WeComOptions {
  readonly corpId: string;
  /** The application's Secret (not the contacts secret). */
  readonly corpSecret: string;
  readonly agentId: number;
  /** Where the server API lives: WECOM_API, or a firm's proxy, or a test's fake. */
  readonly baseUrl?: string;
  /** Where the OAuth authorize page lives (the browser goes there, not the server). */
  readonly oauthBaseUrl?: string;
  readonly timeoutMs?: number;
  readonly clock?: Clock;
  /** A cache shared by the clients of many firms; keyed by corp id and a hash of the secret. */
  readonly tokens?: TokenCache;
  readonly fetch?: FetchLike;
}

export interface TextCard {
  /** WeCom user ids (成员UserID), at most 1000. */
  readonly toUsers: readonly string[];
  /** At most 128 bytes. */
  readonly title: string;
  /** At most 512 bytes; WeCom renders a few HTML tags (<div class="gray">). */
  readonly description: string;
  /** The link the card opens: the console at the right screen. */
  readonly url: string;
  /** The button's text, at most 4 characters; WeCom shows 详情 when absent. */
  readonly buttonText?: string;
  /** Ask WeCom to drop an identical message sent within this many seconds (at most 4 hours). */
  readonly duplicateCheckSeconds?: number;
}

export interface SentMessage {
  readonly msgId: string;
  /** Recipients WeCom did not accept (not members, or outside the application's visible range). */
  readonly invalidUsers: string[];
}

export interface WeComUser {
  readonly userId: string;
  /** Only when the reference allows: auth/getuserdetail after a snsapi_privateinfo consent, or user/get for applications that still receive it. */
  readonly mobile: string | null;
}

export class WeComClient {
  private readonly baseUrl: string;
  private readonly oauthBaseUrl: string;
  private readonly http;
  private readonly tokens: TokenCache;
  private readonly tokenKey: string;

  constructor(private readonly options: WeComOptions) {
    this.baseUrl = options.baseUrl ?? WECOM_API;
    this.oauthBaseUrl = options.oauthBaseUrl ?? WECOM_OAUTH;
    this.http = { vendor: 'wecom' as const, timeoutMs: options.timeoutMs ?? 10_000, ...(options.fetch ? { fetch: options.fetch } : {}) };
    this.tokens = options.tokens ?? new TokenCache(options.clock ?? systemClock);
    this.tokenKey = `wecom:${options.corpId}:${createHash('sha256').update(options.corpSecret).digest('hex').slice(0, 16)}`;
  }

  /** GET /cgi-bin/gettoken: cached until expires_in (7200 s) minus the cache's margin. */
  accessToken(): Promise<string> {
    return this.tokens.get(this.tokenKey, async () => {
      const { body } = await requestJson(this.http, vendorUrl(this.baseUrl, '/cgi-bin/gettoken', { corpid: this.options.corpId, corpsecret: this.options.corpSecret }));
      check(body);
      return { token: String(body.access_token), expiresInSeconds: Number(body.expires_in) };
    });
  }

  /** POST /cgi-bin/message/send with msgtype textcard. */
  async sendTextCard(card: TextCard): Promise<SentMessage> {
    const body = await this.call('POST', '/cgi-bin/message/send', {}, {
      touser: card.toUsers.join('|'),
      msgtype: 'textcard',
      agentid: this.options.agentId,
      textcard: { title: card.title, description: card.description, url: card.url, ...(card.buttonText ? { btntxt: card.buttonText } : {}) },
      ...(card.duplicateCheckSeconds ? { enable_duplicate_check: 1, duplicate_check_interval: card.duplicateCheckSeconds } : {}),
    });
    const invalid = typeof body.invaliduser === 'string' && body.invaliduser !== '' ? body.invaliduser.split('|') : [];
    return { msgId: String(body.msgid ?? ''), invalidUsers: invalid };
  }

  /** The member with this mobile (POST /cgi-bin/user/getuserid): whom to send to when no sign-in linked them. */
  async userIdByMobile(mobile: string): Promise<string> {
    const body = await this.call('POST', '/cgi-bin/user/getuserid', {}, { mobile }, (e) => (e === NO_SUCH_MOBILE ? 'unknown_user' : null));
    return String(body.userid ?? '');
  }

  /**
   * The page a workbench link opens (网页授权): WeCom redirects back to `redirectUri` with ?code=…&state=….
   * snsapi_base gives the user id; snsapi_privateinfo asks the member's consent and also gives the mobile.
   */
  authorizeUrl(input: { redirectUri: string; state: string; scope?: 'snsapi_base' | 'snsapi_privateinfo' }): string {
    const url = new URL(this.oauthBaseUrl.replace(/\/+$/, '') + '/connect/oauth2/authorize');
    url.searchParams.set('appid', this.options.corpId);
    url.searchParams.set('redirect_uri', input.redirectUri);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('scope', input.scope ?? 'snsapi_base');
    url.searchParams.set('state', input.state);
    url.searchParams.set('agentid', String(this.options.agentId));
    return `${url.toString()}#wechat_redirect`;
  }

  /**
   * The member behind a sign-in code (single use, 5 minutes): auth/getuserinfo, then the mobile from
   * auth/getuserdetail when a user_ticket came back, else from user/get where WeCom still returns it.
   */
  async userByCode(code: string): Promise<WeComUser> {
    const who = await this.call('GET', '/cgi-bin/auth/getuserinfo', { code }, undefined, (e) => (e === INVALID_CODE ? 'invalid_code' : null));
    const userId = typeof who.userid === 'string' ? who.userid : typeof who.UserId === 'string' ? who.UserId : null;
    if (!userId) throw new VendorError('wecom', 'unknown_user', 'NOT_MEMBER', 'the code belongs to someone outside the organisation (openid only)');
    if (typeof who.user_ticket === 'string' && who.user_ticket !== '') {
      const detail = await this.call('POST', '/cgi-bin/auth/getuserdetail', {}, { user_ticket: who.user_ticket });
      return { userId, mobile: nonEmpty(detail.mobile) };
    }
    const user = await this.call('GET', '/cgi-bin/user/get', { userid: userId }, undefined, (e) => (e === NO_SUCH_USER ? 'unknown_user' : null));
    return { userId, mobile: nonEmpty(user.mobile) };
  }

  /** One API call with the access token; refreshed and retried once when WeCom refuses the token. */
  private async call(method: 'GET' | 'POST', path: string, query: Record<string, string>, json?: unknown, special?: (errcode: number) => 'invalid_code' | 'unknown_user' | null): Promise<Record<string, unknown>> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken();
      const { body } = await requestJson(this.http, vendorUrl(this.baseUrl, path, { access_token: token, ...query }), json === undefined
        ? { method }
        : { method, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(json) });
      const errcode = Number(body.errcode ?? 0);
      if (TOKEN_ERRORS.has(errcode)) {
        this.tokens.invalidate(this.tokenKey, token);
        if (attempt === 0) continue;
      }
      const kind = special?.(errcode);
      if (kind) throw new VendorError('wecom', kind, String(errcode), String(body.errmsg ?? ''));
      check(body);
      return body;
    }
  }
}

function check(body: Record<string, unknown>): void {
  const errcode = Number(body.errcode ?? 0);
  if (errcode === 0) return;
  const message = String(body.errmsg ?? '');
  const limit = RATE_LIMITS.get(errcode);
  if (limit !== undefined) throw new VendorError('wecom', 'rate_limited', String(errcode), message, limit);
  if (errcode === -1) throw new VendorError('wecom', 'unavailable', '-1', message, UNAVAILABLE_RETRY_MS);
  throw new VendorError('wecom', 'rejected', String(errcode), message);
}

function nonEmpty(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}
