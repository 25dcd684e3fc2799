// Sign-in from inside WeCom and DingTalk (issue 17): the console opened from a firm's workbench signs the
// person in through the vendor's OAuth code, without a password. The person is matched by the vendor user
// id linked at an earlier sign-in, else by the mobile the vendor gives (then linked); anyone else is
// refused with a page saying whom to ask. The `state` is random, kept only as a digest, good for one
// callback within 10 minutes, and bound to the browser that started by a cookie (no login CSRF).
import { randomBytes } from 'node:crypto';
import {
  definePlugin, domainError, isDomainError, normalizeMobile, requirePermission, respond, sessionCookie, PERMISSIONS,
  type AreaDescriptor, type DomainError, type RouteDef, type RouteResult,
} from 'yunzhou/plugin';
import { DingTalkClient } from '../dingtalk/client.js';
import { WeComClient } from '../wecom/client.js';
import { isVendorError } from '../vendor-error.js';
import { TokenCache } from '../token-cache.js';
import { dingTalkBridgePage, REFUSAL_CSP, refusalPage } from './pages.js';
import { signInTables, SignInStore, VENDORS, type Credentials, type WorkbenchVendor } from './store.js';

export const DINGTALK_JSAPI = 'https://g.alicdn.com/dingding/dingtalk-jsapi/3.0.25/dingtalk.open.js';
const STATE_COOKIE = 'yz_wb_state';
const STATE_LIFE_MS = 10 * 60_000;
const NAME = 'workbench';
const PREFIX = `/api/v1/plugins/${NAME}`;

export interface WorkbenchSignInOptions {
  /** This server's address as browsers reach it (the callback's origin); else from the request's Host. */
  readonly publicUrl?: string;
}

const VENDOR_NAME = { wecom: { zh: '企业微信', en: 'WeCom' }, dingtalk: { zh: '钉钉', en: 'DingTalk' } } as const;

const errors = {
  notConfigured: (v: WorkbenchVendor) => domainError('workbench.not_configured', 'not_found',
    `该机构尚未设置${VENDOR_NAME[v].zh}登录`, `This firm has not set up sign-in from ${VENDOR_NAME[v].en}`),
  badState: () => domainError('workbench.bad_state', 'forbidden',
    '登录链接已失效或已使用，请从工作台重新打开', 'The sign-in link has expired or was used already; open the application from the workbench again'),
  invalidCode: (v: WorkbenchVendor, code: string, message: string) => domainError('workbench.invalid_code', 'unauthenticated',
    `${VENDOR_NAME[v].zh}授权码无效、已使用或已过期，请从工作台重新打开`, `The ${VENDOR_NAME[v].en} code is unknown, used or expired; open the application from the workbench again`,
    { vendorCode: code, vendorMessage: message }),
  unknownUser: (v: WorkbenchVendor, vendorUserId: string | null) => domainError('workbench.unknown_user', 'forbidden',
    `您的${VENDOR_NAME[v].zh}账号未对应任何云舟用户`, `Your ${VENDOR_NAME[v].en} account matches no yunzhou user of this firm`,
    vendorUserId ? { vendorUserId } : {}),
  vendor: (v: WorkbenchVendor, code: string, message: string) => domainError('workbench.vendor_error', 'rule',
    `${VENDOR_NAME[v].zh}返回错误 ${code}：${message}`, `${VENDOR_NAME[v].en} answered ${code}: ${message}`, { vendorCode: code, vendorMessage: message }),
};

const vendorParam = { type: 'object', additionalProperties: false, required: ['vendor'], properties: { vendor: { type: 'string', enum: [...VENDORS] } } };
const uuidText = { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' };
const url = { type: ['string', 'null'], maxLength: 500, pattern: '^https?://' };

export function workbenchSignInPlugin(options: WorkbenchSignInOptions = {}): AreaDescriptor {
  return definePlugin({
    name: NAME,
    uses: ['clock', 'people', 'sessions', 'cipher'],
    migrations: [signInTables],
    setup({ data, services }) {
      const store = new SignInStore(() => data.knex, () => services.cipher);
      const tokens = new TokenCache({ now: () => services.clock.now() });
      const client = (c: Credentials) => c.vendor === 'wecom'
        ? new WeComClient({ corpId: c.corpId, corpSecret: c.secret, agentId: c.agentId, tokens, clock: services.clock, ...(c.baseUrl ? { baseUrl: c.baseUrl } : {}), ...(c.browserUrl ? { oauthBaseUrl: c.browserUrl } : {}) })
        : new DingTalkClient({ appKey: c.appKey ?? '', appSecret: c.secret, agentId: c.agentId, tokens, clock: services.clock, ...(c.baseUrl ? { baseUrl: c.baseUrl } : {}) });
      const origin = (headers: Readonly<Record<string, string | undefined>>, secure: boolean | undefined) =>
        (options.publicUrl ?? `${secure ? 'https' : 'http'}://${headers.host ?? 'localhost'}`).replace(/\/+$/, '');
      const configured = async (tenantId: string, vendor: WorkbenchVendor) => {
        const c = await store.credentials(tenantId, vendor);
        if (!c) throw errors.notConfigured(vendor);
        return c;
      };

      /** The vendor's person as a yunzhou user of the firm: by the linked id, else by mobile (and linked). */
      const match = async (tenantId: string, vendor: WorkbenchVendor, who: { userId: string; mobile: string | null }): Promise<string> => {
        const linked = await store.linkedUser(tenantId, vendor, who.userId);
        if (linked) return linked;
        const mobile = who.mobile ? normalized(who.mobile) : null;
        const user = mobile ? await data.read((_k, tx) => services.people.findUserByMobile(tx, tenantId, mobile)) : null;
        if (!user || !user.active) throw errors.unknownUser(vendor, who.userId);
        await store.link(tenantId, vendor, who.userId, user.id, services.clock.now());
        return user.id;
      };

      const start = async (vendor: WorkbenchVendor, query: { tenant: string; next?: string }, headers: Readonly<Record<string, string | undefined>>, secure: boolean | undefined): Promise<RouteResult> => {
        const c = await configured(query.tenant, vendor);
        const state = randomBytes(24).toString('base64url');
        await store.saveState(state, { tenantId: query.tenant, vendor, next: safeNext(query.next), expiresAt: new Date(services.clock.now().getTime() + STATE_LIFE_MS) });
        const callback = `${origin(headers, secure)}${PREFIX}/${vendor}/callback`;
        const cookie = `${STATE_COOKIE}=${state}; Path=${PREFIX}/${vendor}; Max-Age=${STATE_LIFE_MS / 1000}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
        if (vendor === 'wecom') {
          const location = (client(c) as WeComClient).authorizeUrl({ redirectUri: callback, state, scope: 'snsapi_privateinfo' });
          return redirect(location, [cookie]);
        }
        const page = dingTalkBridgePage({ jsapiUrl: c.browserUrl ?? DINGTALK_JSAPI, corpId: c.corpId, clientId: c.appKey ?? '', callback, state });
        return respond({ status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': page.csp, 'Set-Cookie': cookie, 'Cache-Control': 'no-store' }, body: page.html });
      };

      const callback = async (vendor: WorkbenchVendor, query: { code: string; state: string }, headers: Readonly<Record<string, string | undefined>>, secure: boolean | undefined, ip: string): Promise<RouteResult> => {
        const cookieState = cookieValue(headers.cookie, STATE_COOKIE);
        const s = cookieState === query.state ? await store.takeState(query.state, services.clock.now()) : null;
        if (!s || s.vendor !== vendor) throw errors.badState();
        const c = await configured(s.tenantId, vendor);
        let who: { userId: string; mobile: string | null };
        try {
          who = await client(c).userByCode(query.code);
        } catch (e) {
          if (!isVendorError(e)) throw e;
          if (e.kind === 'invalid_code') throw errors.invalidCode(vendor, e.code, e.vendorMessage);
          if (e.kind === 'unknown_user') throw errors.unknownUser(vendor, null);
          throw errors.vendor(vendor, e.code, e.vendorMessage);
        }
        const userId = await match(s.tenantId, vendor, who);
        const r = await services.sessions.startSession({ tenantId: s.tenantId, userId, method: vendor, clientAddress: ip });
        const clearState = `${STATE_COOKIE}=; Path=${PREFIX}/${vendor}; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
        const session = sessionCookie(r.token, { secure: secure === true, expiresAt: r.expiresAt });
        return redirect(s.next, [session, clearState]);
      };

      /** A browser gets a page saying whom to ask; an API client the problem+json. */
      const asPage = (work: () => Promise<RouteResult>, headers: Readonly<Record<string, string | undefined>>, lang: 'zh' | 'en') => async (): Promise<RouteResult> => {
        try {
          return await work();
        } catch (e) {
          if (!isDomainError(e) || !wantsHtml(headers)) throw e;
          const d = e as DomainError;
          const vendorUserId = typeof d.details.vendorUserId === 'string' ? d.details.vendorUserId : null;
          const status = d.kind === 'unauthenticated' ? 401 : d.kind === 'not_found' ? 404 : d.kind === 'rule' ? 422 : 403;
          return respond({
            status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': REFUSAL_CSP, 'Cache-Control': 'no-store' },
            body: refusalPage({ code: d.code, zh: d.text.zh, en: d.text.en, vendorUserId }, lang),
          });
        }
      };

      const routes: RouteDef[] = [];
      for (const vendor of VENDORS) {
        const name = VENDOR_NAME[vendor];
        routes.push(
          {
            method: 'get', path: `/${vendor}/start`, auth: 'none', tags: ['workbench'],
            summary: `${name.zh}工作台登录入口 Sign in from the ${name.en} workbench: the address to put in the workbench`,
            description: vendor === 'wecom'
              ? 'Redirects (302) to WeCom\'s OAuth page with a one-time state (10 minutes, bound to this browser by a cookie); WeCom comes back to /wecom/callback.'
              : 'A page that asks the DingTalk client for a free-login code (JSAPI requestAuthCode) and goes on to /dingtalk/callback with it and a one-time state.',
            schemas: { query: { type: 'object', additionalProperties: false, required: ['tenant'], properties: { tenant: uuidText, next: { type: 'string', maxLength: 500 } } } },
            handler: ({ query, headers, secure, lang }) => asPage(() => start(vendor, query, headers, secure), headers, lang)(),
          },
          {
            method: 'get', path: `/${vendor}/callback`, auth: 'none', tags: ['workbench'],
            summary: `${name.zh}登录回调 The ${name.en} code comes back: the person is signed in and sent into the console`,
            description: 'Sets the console\'s session cookie (as POST /auth/session does) and redirects (302) to the console. Refusals: workbench.bad_state (403), workbench.invalid_code (401), workbench.unknown_user (403), workbench.not_configured (404), workbench.vendor_error (422); a browser (Accept: text/html) gets a page saying whom to ask instead of problem+json.',
            schemas: { query: { type: 'object', additionalProperties: false, required: ['code', 'state'], properties: { code: { type: 'string', minLength: 1, maxLength: 512 }, state: { type: 'string', minLength: 1, maxLength: 128 } } } },
            handler: ({ query, headers, secure, lang, ip }) => asPage(() => callback(vendor, query, headers, secure, ip), headers, lang)(),
          },
        );
      }
      routes.push(
        {
          method: 'get', path: '/credentials', tags: ['workbench'],
          summary: '工作台登录设置 The firm\'s WeCom and DingTalk sign-in settings (secrets never shown)',
          handler: async ({ actor }) => {
            requirePermission(actor, PERMISSIONS.orgManage);
            const items = [];
            for (const v of VENDORS) {
              const c = await store.credentials(actor.tenantId, v);
              if (c) items.push({ vendor: v, corpId: c.corpId, appKey: c.appKey, agentId: c.agentId, secretSet: true, baseUrl: c.baseUrl, browserUrl: c.browserUrl, updatedAt: c.updatedAt, startUrl: `${PREFIX}/${v}/start?tenant=${actor.tenantId}` });
            }
            return { items };
          },
        },
        {
          method: 'put', path: '/credentials/:vendor', tags: ['workbench'],
          summary: '保存工作台登录设置 Save a vendor\'s sign-in settings; the secret is sealed with the keyring (omit it to keep the stored one)',
          schemas: {
            params: vendorParam,
            body: {
              type: 'object', additionalProperties: false, required: ['corpId', 'agentId'],
              properties: {
                corpId: { type: 'string', minLength: 1, maxLength: 100 }, appKey: { type: ['string', 'null'], maxLength: 100 },
                agentId: { type: 'integer', minimum: 1 }, secret: { type: 'string', minLength: 1, maxLength: 200 }, baseUrl: url, browserUrl: url,
              },
            },
          },
          handler: async ({ actor, params, body }) => {
            requirePermission(actor, PERMISSIONS.orgManage);
            const vendor = params.vendor as WorkbenchVendor;
            if (vendor === 'dingtalk' && !body.appKey) throw domainError('workbench.app_key_required', 'invalid', '钉钉需要 AppKey（Client ID）', 'DingTalk needs the AppKey (Client ID)');
            const saved = await store.saveCredentials(actor.tenantId, {
              vendor, corpId: body.corpId, appKey: vendor === 'dingtalk' ? body.appKey : null, agentId: body.agentId, secret: body.secret ?? null,
              baseUrl: body.baseUrl ?? null, browserUrl: body.browserUrl ?? null, updatedAt: services.clock.now(),
            });
            if (!saved) throw domainError('workbench.secret_required', 'invalid', '首次设置须填写 Secret', 'The secret is required the first time');
          },
        },
      );
      return { routes };
    },
  });
}

/** A 302 with cookies; a body of text, since the app answers an empty body with 204. */
function redirect(location: string, cookies: string[]): RouteResult {
  // Koa sets a header to each element of an array: one Set-Cookie line per cookie.
  const headers = { Location: location, 'Set-Cookie': cookies as unknown as string, 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' };
  return respond({ status: 302, headers, body: `Redirecting to ${location}` });
}

/** Where to land after sign-in: a path of this server only (never another site), else the console's home. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : '/';
}

function normalized(mobile: string): string | null {
  try {
    return normalizeMobile(mobile.replace(/^\+?86[- ]?/, ''));
  } catch {
    return null;
  }
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return rest.join('=') || null;
  }
  return null;
}

function wantsHtml(headers: Readonly<Record<string, string | undefined>>): boolean {
  return (headers.accept ?? '').includes('text/html');
}
