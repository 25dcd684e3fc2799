// A fake WeCom (企业微信) server API, for tests on 127.0.0.1. It follows the published server API reference
// of https://developer.work.weixin.qq.com/document/ as read in 2026 (WeCom gives no version number):
//   GET  /cgi-bin/gettoken?corpid&corpsecret          path/91039  → access_token, expires_in 7200
//   POST /cgi-bin/message/send?access_token            path/90236  → msgtype textcard; invaliduser, msgid
//   GET  /cgi-bin/auth/getuserinfo?access_token&code   path/91023  → userid (+ user_ticket) or openid
//   POST /cgi-bin/auth/getuserdetail?access_token      path/95833  → mobile, after snsapi_privateinfo
//   GET  /cgi-bin/user/get?access_token&userid         path/90196  → no mobile for apps made after 2022-06-20
//   POST /cgi-bin/user/getuserid?access_token { mobile } path/95402 → userid; 46004 when no member has it
// Error codes (path/90313): 40001 invalid secret, 40013 invalid corpid, 40014 invalid access_token,
// 41001 access_token missing, 42001 access_token expired, 40029 invalid code, 45009 API frequency limit,
// 45033 concurrency limit, 60111 userid not found, 81013 all recipients invalid, 40058 bad parameter.
// A code lives 5 minutes and is good once; a user_ticket lives 1800 s. The fake workbench (issueCode)
// stands for a member opening the console from the WeCom workbench.
import { byteLength, FakeVendor, Ids, jsonBody, type Clock, type FakeAnswer, type FakeRequest } from './server.js';

export interface WeComMember {
  readonly userId: string;
  readonly mobile?: string;
}

export interface WeComSent {
  readonly msgid: string;
  readonly touser: string[];
  readonly agentid: number;
  readonly textcard: { title: string; description: string; url: string; btntxt?: string };
}

export interface FakeWeComOptions {
  readonly clock: Clock;
  readonly corpId: string;
  readonly corpSecret: string;
  readonly agentId: number;
  readonly members: readonly WeComMember[];
  /** Applications created before 2022-06-20 still read the mobile through user/get. */
  readonly userGetReturnsMobile?: boolean;
}

const TOKEN_LIFE_S = 7200;
const CODE_LIFE_MS = 5 * 60_000;
const TICKET_LIFE_S = 1800;

function err(errcode: number, text: string): FakeAnswer {
  return { json: { errcode, errmsg: `${text}, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}` } };
}

export class FakeWeCom extends FakeVendor {
  readonly sent: WeComSent[] = [];
  private readonly tokens = new Map<string, number>();
  private readonly codes = new Map<string, { userId: string | null; scope: string; expiresAt: number }>();
  private readonly tickets = new Map<string, { userId: string; expiresAt: number }>();
  private readonly ids = new Ids();
  private rateLimited: { count: number; errcode: number } = { count: 0, errcode: 45009 };
  private refusing = false;

  constructor(private readonly o: FakeWeComOptions) {
    super(o.clock);
  }

  /** Every token issued so far is now past its expiry: the next use answers 42001. */
  expireTokens(): void {
    for (const t of this.tokens.keys()) this.tokens.set(t, this.nowMs() - 1);
  }

  /** From now on every token is refused as expired the moment it is used (a vendor that keeps refusing). */
  refuseAllTokens(): void {
    this.refusing = true;
  }

  /** Forget every token, as when the secret is reset: the next use answers 40014. */
  revokeTokens(): void {
    this.tokens.clear();
  }

  /** The next `count` message/send calls answer a rate limit (45009 or 45033). */
  rateLimitNext(count: number, errcode: 45009 | 45033 = 45009): void {
    this.rateLimited = { count, errcode };
  }

  /** The fake workbench: a member opens the application; WeCom redirects with this code. */
  issueCode(userId: string, scope: 'snsapi_base' | 'snsapi_privateinfo' = 'snsapi_base'): string {
    const code = this.ids.next('wecom-code-');
    this.codes.set(code, { userId, scope, expiresAt: this.nowMs() + CODE_LIFE_MS });
    return code;
  }

  /** A code of someone outside the organisation (WeCom answers only an openid). */
  issueOutsiderCode(): string {
    const code = this.ids.next('wecom-code-');
    this.codes.set(code, { userId: null, scope: 'snsapi_base', expiresAt: this.nowMs() + CODE_LIFE_MS });
    return code;
  }

  protected handle(req: FakeRequest): FakeAnswer {
    if (req.path === '/cgi-bin/gettoken' && req.method === 'GET') return this.getToken(req);
    const routes: Record<string, [string, (req: FakeRequest) => FakeAnswer]> = {
      '/cgi-bin/message/send': ['POST', (r) => this.send(r)],
      '/cgi-bin/auth/getuserinfo': ['GET', (r) => this.userInfo(r)],
      '/cgi-bin/auth/getuserdetail': ['POST', (r) => this.userDetail(r)],
      '/cgi-bin/user/get': ['GET', (r) => this.userGet(r)],
      '/cgi-bin/user/getuserid': ['POST', (r) => this.userIdByMobile(r)],
    };
    const route = routes[req.path];
    if (!route || route[0] !== req.method) return { status: 404, json: { errcode: 404, errmsg: 'not found' } };
    const token = req.query.get('access_token');
    if (!token) return err(41001, 'access_token missing');
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined) return err(40014, 'invalid access_token');
    if (this.refusing || this.nowMs() >= expiresAt) return err(42001, 'access_token expired');
    return route[1](req);
  }

  private getToken(req: FakeRequest): FakeAnswer {
    if (req.query.get('corpid') !== this.o.corpId) return err(40013, 'invalid corpid');
    if (req.query.get('corpsecret') !== this.o.corpSecret) return err(40001, 'invalid credential');
    const token = this.ids.next('wecom-token-');
    this.tokens.set(token, this.nowMs() + TOKEN_LIFE_S * 1000);
    return { json: { errcode: 0, errmsg: 'ok', access_token: token, expires_in: TOKEN_LIFE_S } };
  }

  private send(req: FakeRequest): FakeAnswer {
    if (this.rateLimited.count > 0) {
      this.rateLimited.count--;
      return err(this.rateLimited.errcode, this.rateLimited.errcode === 45009 ? 'api freq out of limit' : 'api concurrent out of limit');
    }
    const b = jsonBody(req);
    if (!b) return err(40058, 'invalid json');
    if (b.msgtype !== 'textcard') return err(40008, 'invalid message type');
    if (Number(b.agentid) !== this.o.agentId) return err(40056, 'invalid agentid');
    const card = b.textcard as Record<string, unknown> | undefined;
    if (!card || typeof card.title !== 'string' || typeof card.description !== 'string' || typeof card.url !== 'string') return err(40058, 'textcard.title, description and url are required');
    if (byteLength(card.title) > 128 || byteLength(card.description) > 512 || byteLength(card.url) > 2048) return err(40058, 'textcard field too long');
    if (card.btntxt !== undefined && (typeof card.btntxt !== 'string' || [...card.btntxt].length > 4)) return err(40058, 'btntxt longer than 4 characters');
    const touser = typeof b.touser === 'string' && b.touser !== '' ? b.touser.split('|') : [];
    const known = new Set(this.o.members.map((m) => m.userId));
    const valid = touser.filter((u) => known.has(u));
    const invalid = touser.filter((u) => !known.has(u));
    if (valid.length === 0) return err(81013, 'user & party & tag all invalid');
    const msgid = this.ids.next('wecom-msg-');
    this.sent.push({ msgid, touser: valid, agentid: Number(b.agentid), textcard: card as WeComSent['textcard'] });
    return { json: { errcode: 0, errmsg: 'ok', invaliduser: invalid.join('|'), invalidparty: '', invalidtag: '', unlicenseduser: '', msgid } };
  }

  private userInfo(req: FakeRequest): FakeAnswer {
    const code = req.query.get('code') ?? '';
    const c = this.codes.get(code);
    this.codes.delete(code);
    if (!c || this.nowMs() >= c.expiresAt) return err(40029, 'invalid code');
    if (c.userId === null) return { json: { errcode: 0, errmsg: 'ok', openid: 'o-outsider', external_userid: '' } };
    if (c.scope !== 'snsapi_privateinfo') return { json: { errcode: 0, errmsg: 'ok', userid: c.userId } };
    const ticket = this.ids.next('wecom-ticket-');
    this.tickets.set(ticket, { userId: c.userId, expiresAt: this.nowMs() + TICKET_LIFE_S * 1000 });
    return { json: { errcode: 0, errmsg: 'ok', userid: c.userId, user_ticket: ticket, expires_in: TICKET_LIFE_S } };
  }

  private userDetail(req: FakeRequest): FakeAnswer {
    const b = jsonBody(req);
    const t = this.tickets.get(String(b?.user_ticket ?? ''));
    // The reference lists no dedicated code for a bad user_ticket; the fake answers 40029 like a bad code.
    if (!t || this.nowMs() >= t.expiresAt) return err(40029, 'invalid user_ticket');
    const m = this.o.members.find((x) => x.userId === t.userId);
    return { json: { errcode: 0, errmsg: 'ok', userid: t.userId, ...(m?.mobile ? { mobile: m.mobile } : {}) } };
  }

  private userIdByMobile(req: FakeRequest): FakeAnswer {
    const m = this.o.members.find((x) => x.mobile !== undefined && x.mobile === jsonBody(req)?.mobile);
    return m ? { json: { errcode: 0, errmsg: 'ok', userid: m.userId } } : err(46004, 'user no exist');
  }

  private userGet(req: FakeRequest): FakeAnswer {
    const m = this.o.members.find((x) => x.userId === req.query.get('userid'));
    if (!m) return err(60111, 'userid not found');
    return { json: { errcode: 0, errmsg: 'ok', userid: m.userId, ...(this.o.userGetReturnsMobile && m.mobile ? { mobile: m.mobile } : {}) } };
  }
}
