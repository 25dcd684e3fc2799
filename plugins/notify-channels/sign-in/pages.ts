// The two small pages of the workbench sign-in a browser sees: the refusal (in Chinese and English, saying
// whom to ask) and DingTalk's bridge, which asks the DingTalk client for a free-login code (免登码).
import { randomBytes } from 'node:crypto';

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = 'body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;padding:32px 20px;color:#1f2329;background:#f7f8fa}'
  + 'main{max-width:480px;margin:0 auto;background:#fff;border-radius:12px;padding:24px}h1{font-size:20px;margin:0 0 12px}'
  + 'p{line-height:1.6;margin:8px 0}.en{color:#646a73;font-size:14px;border-top:1px solid #eee;margin-top:16px;padding-top:12px}code{background:#f2f3f5;padding:1px 4px;border-radius:4px}';

export interface Refusal {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly vendorUserId?: string | null;
  readonly firmName?: string | null;
}

/** A whole page, no script; the firm's administrator is the one to ask. */
export function refusalPage(r: Refusal, lang: 'zh' | 'en'): string {
  const id = r.vendorUserId ? escape(r.vendorUserId) : null;
  const firm = r.firmName ? escape(r.firmName) : null;
  const zh = `<section lang="zh-CN"><h1>无法登录云舟</h1><p>${escape(r.zh)}</p>`
    + `<p>请联系${firm ? `「${firm}」的` : '贵机构的'}云舟管理员：在「组织 → 人员」中为您开通账号，且账号的手机号须与企业微信/钉钉中的一致。${id ? `告诉管理员您的账号：<code>${id}</code>。` : ''}</p></section>`;
  const en = `<section lang="en" class="en"><h1>You cannot sign in to yunzhou</h1><p>${escape(r.en)}</p>`
    + `<p>Ask ${firm ? `the yunzhou administrator of ${firm}` : 'your firm\'s yunzhou administrator'} to add you under Organisation → People, with the same mobile number as in WeCom/DingTalk.${id ? ` Tell them your account: <code>${id}</code>.` : ''}</p></section>`;
  return `<!doctype html><html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>${lang === 'en' ? 'Cannot sign in' : '无法登录'}</title><style>${STYLE}</style></head>`
    + `<body><main data-code="${escape(r.code)}">${lang === 'en' ? en + zh.replace('<section', '<section class="en"') : zh + en}</main></body></html>`;
}

export const REFUSAL_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * DingTalk's sign-in has no redirect: the page, opened inside DingTalk, loads DingTalk's JSAPI and asks it
 * for a free-login code, then goes to the callback with the code and the state.
 */
export function dingTalkBridgePage(input: { jsapiUrl: string; corpId: string; clientId: string; callback: string; state: string }): { html: string; csp: string } {
  const nonce = randomBytes(16).toString('base64');
  const json = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
  const script = `(function(){var c=${json({ corpId: input.corpId, clientId: input.clientId, callback: input.callback, state: input.state })};`
    + 'function fail(e){document.getElementById("msg").textContent="钉钉免登失败 DingTalk sign-in failed: "+(e&&(e.errorMessage||e.message)||JSON.stringify(e));}'
    + 'function go(){if(!window.dd){fail({message:"DingTalk JSAPI not loaded; open this page inside DingTalk"});return;}'
    + 'dd.runtime.permission.requestAuthCode({corpId:c.corpId,clientId:c.clientId,onSuccess:function(r){'
    + 'location.replace(c.callback+"?code="+encodeURIComponent(r.code)+"&state="+encodeURIComponent(c.state));},onFail:fail});}'
    + 'if(window.dd&&dd.ready)dd.ready(go);else go();})();';
  const origin = new URL(input.jsapiUrl).origin;
  const html = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>云舟 · 钉钉登录</title>'
    + `<style>${STYLE}</style></head><body><main><p id="msg">正在通过钉钉登录… Signing in through DingTalk…</p></main>`
    + `<script src="${escape(input.jsapiUrl)}"></script><script nonce="${nonce}">${script}</script></body></html>`;
  const csp = `default-src 'none'; script-src ${origin} 'nonce-${nonce}'; connect-src 'self' ${origin}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
  return { html, csp };
}
