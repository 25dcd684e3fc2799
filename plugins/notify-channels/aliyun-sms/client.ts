// Aliyun SMS (阿里云短信服务) SendSms through the signed RPC API, version 2017-05-25, signature 1.0.
// Reference: https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms (SendSms),
// https://help.aliyun.com/zh/sms/developer-reference/api-error-codes (错误码),
// https://help.aliyun.com/zh/sdk/product-overview/rpc-mechanism (V2 RPC request and signature).
import { randomUUID } from 'node:crypto';
import { requestJson, systemClock, UNAVAILABLE_RETRY_MS, type Clock, type FetchLike } from '../http.js';
import { VendorError } from '../vendor-error.js';
import { percentEncode, signature } from './signature.js';

export const ALIYUN_SMS_API = 'https://dysmsapi.aliyuncs.com';
export const SMS_API_VERSION = '2017-05-25';

/** Codes the vendor means as "not now": its business flow control (per number and minute/hour/day), its API throttling, its own failure. */
const RETRYABLE = new Set(['isv.BUSINESS_LIMIT_CONTROL', 'isv.DAY_LIMIT_CONTROL', 'Throttling', 'Throttling.User', 'Throttling.Api', 'isp.SYSTEM_ERROR', 'ServiceUnavailable', 'InternalError']);

export interface AliyunSmsOptions {
  /** A RAM user's AccessKey ID and AccessKey Secret, allowed dysms:SendSms. */
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly baseUrl?: string;
  readonly regionId?: string;
  readonly timeoutMs?: number;
  readonly clock?: Clock;
  /** SignatureNonce, unique per request (a test may fix it). */
  readonly nonce?: () => string;
  readonly fetch?: FetchLike;
}

export interface Sms {
  /** Mainland numbers (11 digits) or international with the country code; at most 1000. */
  readonly phoneNumbers: readonly string[];
  /** The approved signature (短信签名), e.g. 云舟贷款. */
  readonly signName: string;
  /** The approved template's code (模板CODE), e.g. SMS_123456789. */
  readonly templateCode: string;
  /** The template's variables; sent as JSON. */
  readonly templateParam?: Readonly<Record<string, string>>;
  /**
   * The caller's id of this message, echoed in delivery receipts (OutId, at most 256 characters). Aliyun
   * does not refuse a repeated OutId: the outbox must not send twice; this lets a receipt be matched.
   */
  readonly outId?: string;
}

export interface SentSms {
  readonly bizId: string;
  readonly requestId: string;
}

export class AliyunSmsClient {
  private readonly http;

  constructor(private readonly options: AliyunSmsOptions) {
    this.http = { vendor: 'aliyun-sms' as const, timeoutMs: options.timeoutMs ?? 10_000, ...(options.fetch ? { fetch: options.fetch } : {}) };
  }

  /** POST the signed form to the endpoint; Code "OK" or a VendorError carrying Code and Message. */
  async sendSms(sms: Sms): Promise<SentSms> {
    const params: Record<string, string> = {
      ...this.commonParams('SendSms'),
      PhoneNumbers: sms.phoneNumbers.join(','),
      SignName: sms.signName,
      TemplateCode: sms.templateCode,
      ...(sms.templateParam ? { TemplateParam: JSON.stringify(sms.templateParam) } : {}),
      ...(sms.outId ? { OutId: sms.outId } : {}),
    };
    params.Signature = signature('POST', params, this.options.accessKeySecret);
    const form = Object.entries(params).map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
    const url = (this.options.baseUrl ?? ALIYUN_SMS_API).replace(/\/+$/, '') + '/';
    const { body, status } = await requestJson(this.http, url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' },
      body: form,
    });
    const code = String(body.Code ?? (status === 200 ? 'OK' : `HTTP_${status}`));
    if (code === 'OK') return { bizId: String(body.BizId ?? ''), requestId: String(body.RequestId ?? '') };
    const message = String(body.Message ?? '');
    if (RETRYABLE.has(code) || status >= 500) throw new VendorError('aliyun-sms', code.startsWith('isv.') || code.startsWith('Throttling') ? 'rate_limited' : 'unavailable', code, message, retryAfter(code, message));
    throw new VendorError('aliyun-sms', 'rejected', code, message);
  }

  private commonParams(action: string): Record<string, string> {
    return {
      AccessKeyId: this.options.accessKeyId,
      Action: action,
      Format: 'JSON',
      RegionId: this.options.regionId ?? 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: (this.options.nonce ?? randomUUID)(),
      SignatureVersion: '1.0',
      Timestamp: (this.options.clock ?? systemClock).now().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: SMS_API_VERSION,
    };
  }
}

/**
 * The business flow control says which window it hit (触发分钟级流控 / 小时级 / 天级); wait that long.
 * API throttling and the vendor's own failures pass in seconds.
 */
function retryAfter(code: string, message: string): number {
  if (code === 'isv.DAY_LIMIT_CONTROL' || message.includes('天级')) return 24 * 3_600_000;
  if (message.includes('小时级')) return 3_600_000;
  if (code === 'isv.BUSINESS_LIMIT_CONTROL') return 60_000;
  if (code.startsWith('Throttling')) return 1_000;
  return UNAVAILABLE_RETRY_MS;
}
