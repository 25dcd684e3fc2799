// A fake Aliyun SMS (阿里云短信服务, dysmsapi) endpoint, for tests on 127.0.0.1. It follows:
//   SendSms, API version 2017-05-25: https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms
//   error codes: https://help.aliyun.com/zh/sms/developer-reference/api-error-codes
//   RPC request and signature V2 (SignatureVersion 1.0, HMAC-SHA1): https://help.aliyun.com/zh/sdk/product-overview/rpc-mechanism
// It checks the request the way the service does: the AccessKey exists, the Timestamp is within 31 minutes,
// the SignatureNonce is new, and the Signature matches its own calculation (computed here independently of
// the client's code, so a shared mistake cannot pass); then the signature name, template, its variables
// and the numbers. Business errors come back as HTTP 200 with Code ≠ OK, signature errors as HTTP 400.
import { createHmac } from 'node:crypto';
import { FakeVendor, Ids, type Clock, type FakeAnswer, type FakeRequest } from './server.js';

export interface SmsTemplate {
  readonly code: string;
  /** The ${name} variables the approved template contains. */
  readonly variables: readonly string[];
}

export interface SmsSent {
  readonly bizId: string;
  readonly phoneNumbers: string[];
  readonly signName: string;
  readonly templateCode: string;
  readonly templateParam: Record<string, string>;
  readonly outId: string | null;
}

export interface FakeAliyunSmsOptions {
  readonly clock: Clock;
  /** AccessKey ID → AccessKey Secret. */
  readonly accessKeys: Readonly<Record<string, string>>;
  readonly signNames: readonly string[];
  readonly templates: readonly SmsTemplate[];
}

const TIMESTAMP_WINDOW_MS = 31 * 60_000;
const MOBILE = /^(\+?86)?1\d{10}$/;

/** RFC 3986 encoding of the UTF-8 bytes, written out byte by byte. */
function encode(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function answer(code: string, message: string, status = 200): FakeAnswer {
  return { status, json: { RequestId: 'fake-request', Code: code, Message: message, HostId: 'dysmsapi.aliyuncs.com' } };
}

export class FakeAliyunSms extends FakeVendor {
  readonly sent: SmsSent[] = [];
  private readonly nonces = new Set<string>();
  private readonly ids = new Ids();
  private limited: { count: number; message: string } = { count: 0, message: '' };

  constructor(private readonly o: FakeAliyunSmsOptions) {
    super(o.clock);
  }

  /** The next `count` sends answer isv.BUSINESS_LIMIT_CONTROL for the given window. */
  rateLimitNext(count: number, window: '分钟级' | '小时级' | '天级' = '分钟级'): void {
    this.limited = { count, message: `触发${window}流控Permits:1` };
  }

  protected handle(req: FakeRequest): FakeAnswer {
    if (req.path !== '/' || (req.method !== 'GET' && req.method !== 'POST')) return answer('InvalidAction.NotFound', 'Specified api is not found, please check your url and method.', 404);
    const params = new URLSearchParams(req.method === 'POST' ? req.body : req.query.toString());
    const p = Object.fromEntries(params) as Record<string, string>;
    const secret = this.o.accessKeys[p.AccessKeyId ?? ''];
    if (secret === undefined) return answer('InvalidAccessKeyId.NotFound', 'Specified access key is not found.', 404);
    if (p.SignatureMethod !== 'HMAC-SHA1' || p.SignatureVersion !== '1.0') return answer('InvalidParameter', 'SignatureMethod must be HMAC-SHA1 and SignatureVersion 1.0.', 400);
    const at = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(p.Timestamp ?? '') ? Date.parse(p.Timestamp!) : NaN;
    if (Number.isNaN(at)) return answer('InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.', 400);
    if (Math.abs(this.nowMs() - at) > TIMESTAMP_WINDOW_MS) return answer('InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.', 400);
    if (!p.SignatureNonce) return answer('MissingSignatureNonce', 'SignatureNonce is mandatory for this action.', 400);
    const expected = this.sign(req.method, p, secret);
    if (p.Signature !== expected.signature) return answer('SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:${expected.stringToSign}`, 400);
    if (this.nonces.has(p.SignatureNonce)) return answer('SignatureNonceUsed', 'Specified signature nonce was used already.', 400);
    this.nonces.add(p.SignatureNonce);
    if (p.Action !== 'SendSms') return answer('InvalidAction.NotFound', `Specified api is not found: ${p.Action}`, 404);
    if (p.Version !== '2017-05-25') return answer('InvalidVersion', 'Specified parameter Version is not valid.', 400);
    return this.sendSms(p);
  }

  private sign(method: string, p: Record<string, string>, secret: string): { stringToSign: string; signature: string } {
    const pairs = Object.entries(p).filter(([k]) => k !== 'Signature').map(([k, v]) => [encode(k), encode(v)] as const);
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const query = pairs.map(([k, v]) => `${k}=${v}`).join('&');
    const stringToSign = [method, encode('/'), encode(query)].join('&');
    return { stringToSign, signature: createHmac('sha1', secret + '&').update(stringToSign).digest('base64') };
  }

  private sendSms(p: Record<string, string>): FakeAnswer {
    for (const name of ['PhoneNumbers', 'SignName', 'TemplateCode']) if (!p[name]) return answer('MissingParameter', `${name} is mandatory for this action.`, 400);
    if (this.limited.count > 0) {
      this.limited.count--;
      return answer('isv.BUSINESS_LIMIT_CONTROL', this.limited.message);
    }
    const numbers = p.PhoneNumbers!.split(',');
    if (numbers.length > 1000 || numbers.some((n) => !MOBILE.test(n))) return answer('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
    if (!this.o.signNames.includes(p.SignName!)) return answer('isv.SMS_SIGNATURE_ILLEGAL', '该账号下找不到对应签名');
    const template = this.o.templates.find((t) => t.code === p.TemplateCode);
    if (!template) return answer('isv.SMS_TEMPLATE_ILLEGAL', '该账号下找不到对应模板');
    let vars: Record<string, string> = {};
    if (p.TemplateParam !== undefined) {
      try {
        vars = JSON.parse(p.TemplateParam);
      } catch {
        return answer('isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值');
      }
      if (vars === null || typeof vars !== 'object' || Object.values(vars).some((v) => typeof v !== 'string')) return answer('isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值');
    }
    if (template.variables.some((v) => !(v in vars))) return answer('isv.TEMPLATE_MISSING_PARAMETERS', '模板变量缺少对应参数值');
    const bizId = `${this.ids.next('9')}^0`;
    this.sent.push({ bizId, phoneNumbers: numbers, signName: p.SignName!, templateCode: p.TemplateCode!, templateParam: vars, outId: p.OutId ?? null });
    return { json: { RequestId: 'fake-request', Code: 'OK', Message: 'OK', BizId: bizId } };
  }
}
