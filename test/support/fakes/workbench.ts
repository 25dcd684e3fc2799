// What the browser meets inside the vendors' apps, for the console's browser tests on 127.0.0.1:
//   GET /connect/oauth2/authorize?appid&redirect_uri&response_type=code&scope&state&agentid   WeCom 构造网页授权链接
//       (developer.work.weixin.qq.com/document/path/91022): WeCom answers with a redirect to
//       redirect_uri?code=…&state=… for the member who opened the application.
//   GET /dingtalk.open.js   DingTalk's JSAPI (open.dingtalk.com/document/orgapp/jsapi-overview) as far as the
//       sign-in uses it: dd.ready and dd.runtime.permission.requestAuthCode({ corpId, clientId, onSuccess })
//       handing the page a free-login code (免登码) of the member who opened the micro-application.
// The codes come from the fake vendors, so the server's exchange of them is the real one.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeWeCom } from './wecom.js';
import type { FakeDingTalk } from './dingtalk.js';

export class FakeWorkbench {
  url = '';
  /** The member who opens the application now (a WeCom or DingTalk user id). */
  wecomMember = '';
  dingtalkMember = '';
  private server: Server | null = null;

  constructor(private readonly vendors: { wecom: FakeWeCom; dingtalk: FakeDingTalk; corpId: string; appKey: string }) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      if (url.pathname === '/connect/oauth2/authorize') {
        const redirect = url.searchParams.get('redirect_uri');
        if (url.searchParams.get('appid') !== this.vendors.corpId || !redirect || url.searchParams.get('response_type') !== 'code') {
          res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('参数错误');
          return;
        }
        const scope = url.searchParams.get('scope') === 'snsapi_privateinfo' ? 'snsapi_privateinfo' : 'snsapi_base';
        const back = new URL(redirect);
        back.searchParams.set('code', this.vendors.wecom.issueCode(this.wecomMember, scope));
        back.searchParams.set('state', url.searchParams.get('state') ?? '');
        res.writeHead(302, { location: back.toString() }).end();
        return;
      }
      if (url.pathname === '/dingtalk.open.js') {
        const code = this.vendors.dingtalk.issueCode(this.dingtalkMember);
        const corpId = JSON.stringify(this.vendors.corpId);
        const clientId = JSON.stringify(this.vendors.appKey);
        const js = `window.dd={ready:function(f){setTimeout(f,0)},runtime:{permission:{requestAuthCode:function(o){`
          + `if(o.corpId!==${corpId}||o.clientId!==${clientId}){o.onFail({errorCode:'3',errorMessage:'corpId or clientId mismatch'});return;}`
          + `o.onSuccess({code:${JSON.stringify(code)}});}}}};`;
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(js);
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((r) => s.close(() => r()));
  }
}
