// A fake DingTalk (钉钉) server API (the old gateway oapi.dingtalk.com, "旧版服务端API"), for tests on
// 127.0.0.1. It follows https://open.dingtalk.com/document/orgapp/ as read in 2026:
//   GET  /gettoken?appkey&appsecret                                   obtain-orgapp-token → expires_in 7200
//   POST /topapi/message/corpconversation/asyncsend_v2?access_token   asynchronous-sending-of-enterprise-session-messages
//        { agent_id, userid_list "a,b", msg: { msgtype: action_card, action_card: { title, markdown, single_title, single_url } } } → task_id
//   POST /topapi/v2/user/getuserinfo?access_token { code }            obtain-the-userid-of-a-user-by-using-the-log-free → result.userid, unionid
//   POST /topapi/v2/user/get?access_token { userid, language }        query-user-details → result.mobile with the 手机号 permission
//   POST /topapi/v2/user/getbymobile?access_token { mobile }          query-users-by-phone-number → result.userid; 60121 when unknown
// Error codes (server-api-error-codes-1, invocation-frequency-limit): 40001 Secret错误或access_token无效,
// 40014 不合法的access_token, 42001 access_token超时, 40078 不存在的临时授权码, 60121 找不到该用户,
// 90018 每秒调用超过限制, 90006 每分钟调用超过限制, 40035 不合法的参数. A free-login code lives 5 minutes
// and is good once. The fake workbench (issueCode) stands for dd.runtime.permission.requestAuthCode.
import { FakeVendor, Ids, jsonBody, type Clock, type FakeAnswer, type FakeRequest } from './server.js';

export interface DingTalkMember {
  readonly userId: string;
  readonly unionId: string;
  readonly mobile?: string;
}

export interface DingTalkSent {
  readonly taskId: string;
  readonly agentId: number;
  readonly userIds: string[];
  readonly actionCard: { title: string; markdown: string; single_title?: string; single_url?: string };
}

export interface FakeDingTalkOptions {
  readonly clock: Clock;
  readonly appKey: string;
  readonly appSecret: string;
  readonly agentId: number;
  readonly members: readonly DingTalkMember[];
  /** Whether the application was granted the 成员手机号 permission (else user/get leaves mobile out). */
  readonly mobilePermission?: boolean;
}

const TOKEN_LIFE_S = 7200;
const CODE_LIFE_MS = 5 * 60_000;

function err(errcode: number, errmsg: string): FakeAnswer {
  return { json: { errcode, errmsg, request_id: 'fake-request' } };
}

export class FakeDingTalk extends FakeVendor {
  readonly sent: DingTalkSent[] = [];
  private readonly tokens = new Map<string, number>();
  private readonly codes = new Map<string, { userId: string; expiresAt: number }>();
  private readonly ids = new Ids();
  private rateLimited: { count: number; errcode: number } = { count: 0, errcode: 90018 };
  private refusing = false;

  constructor(private readonly o: FakeDingTalkOptions) {
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

  /** The next `count` asyncsend_v2 calls answer a rate limit (90018 per second, 90006 per minute). */
  rateLimitNext(count: number, errcode: 90018 | 90006 = 90018): void {
    this.rateLimited = { count, errcode };
  }

  /** The fake workbench: a member opens the micro-application; requestAuthCode hands the page this code. */
  issueCode(userId: string): string {
    const code = this.ids.next('dingtalk-code-');
    this.codes.set(code, { userId, expiresAt: this.nowMs() + CODE_LIFE_MS });
    return code;
  }

  protected handle(req: FakeRequest): FakeAnswer {
    if (req.path === '/gettoken' && req.method === 'GET') return this.getToken(req);
    const routes: Record<string, (req: FakeRequest) => FakeAnswer> = {
      '/topapi/message/corpconversation/asyncsend_v2': (r) => this.send(r),
      '/topapi/v2/user/getuserinfo': (r) => this.userInfo(r),
      '/topapi/v2/user/get': (r) => this.userGet(r),
      '/topapi/v2/user/getbymobile': (r) => this.userByMobile(r),
    };
    const route = routes[req.path];
    if (!route || req.method !== 'POST') return err(404, '请求的URI地址不存在');
    const token = req.query.get('access_token');
    const expiresAt = token ? this.tokens.get(token) : undefined;
    if (expiresAt === undefined) return err(40014, '不合法的access_token');
    if (this.refusing || this.nowMs() >= expiresAt) return err(42001, 'access_token超时');
    return route(req);
  }

  private getToken(req: FakeRequest): FakeAnswer {
    if (req.query.get('appkey') !== this.o.appKey || req.query.get('appsecret') !== this.o.appSecret) return err(40001, '获取access_token时Secret错误，或者access_token无效');
    const token = this.ids.next('dingtalk-token-');
    this.tokens.set(token, this.nowMs() + TOKEN_LIFE_S * 1000);
    return { json: { errcode: 0, errmsg: 'ok', access_token: token, expires_in: TOKEN_LIFE_S } };
  }

  private send(req: FakeRequest): FakeAnswer {
    if (this.rateLimited.count > 0) {
      this.rateLimited.count--;
      return err(this.rateLimited.errcode, this.rateLimited.errcode === 90018 ? '当前企业调用该接口超过每秒限制' : '当前应用调用该接口超过每分钟限制');
    }
    const b = jsonBody(req);
    if (!b) return err(40035, '不合法的参数');
    if (Number(b.agent_id) !== this.o.agentId) return err(40035, '不合法的参数: agent_id');
    const msg = b.msg as Record<string, unknown> | undefined;
    const card = msg?.action_card as Record<string, unknown> | undefined;
    if (msg?.msgtype !== 'action_card' || !card || typeof card.title !== 'string' || typeof card.markdown !== 'string') return err(40035, '不合法的参数: msg');
    if (typeof card.single_title !== 'string' || typeof card.single_url !== 'string') return err(40035, '不合法的参数: action_card needs single_title and single_url');
    const userIds = typeof b.userid_list === 'string' && b.userid_list !== '' ? b.userid_list.split(',') : [];
    if (userIds.length === 0 || userIds.length > 100) return err(40035, '不合法的参数: userid_list');
    const taskId = this.ids.next('');
    this.sent.push({ taskId, agentId: Number(b.agent_id), userIds, actionCard: card as DingTalkSent['actionCard'] });
    return { json: { errcode: 0, errmsg: 'ok', task_id: Number(taskId), request_id: 'fake-request' } };
  }

  private userInfo(req: FakeRequest): FakeAnswer {
    const code = String(jsonBody(req)?.code ?? '');
    const c = this.codes.get(code);
    this.codes.delete(code);
    if (!c || this.nowMs() >= c.expiresAt) return err(40078, '不存在的临时授权码');
    const m = this.o.members.find((x) => x.userId === c.userId);
    return { json: { errcode: 0, errmsg: 'ok', result: { userid: c.userId, unionid: m?.unionId ?? '', name: '', device_id: 'fake-device', sys: false, sys_level: 0 } } };
  }

  private userByMobile(req: FakeRequest): FakeAnswer {
    const m = this.o.members.find((x) => x.mobile !== undefined && x.mobile === jsonBody(req)?.mobile);
    return m ? { json: { errcode: 0, errmsg: 'ok', result: { userid: m.userId } } } : err(60121, '找不到该用户');
  }

  private userGet(req: FakeRequest): FakeAnswer {
    const m = this.o.members.find((x) => x.userId === jsonBody(req)?.userid);
    if (!m) return err(60121, '找不到该用户');
    return { json: { errcode: 0, errmsg: 'ok', result: { userid: m.userId, unionid: m.unionId, name: '', ...(this.o.mobilePermission && m.mobile ? { mobile: m.mobile, state_code: '86' } : {}) } } };
  }
}
