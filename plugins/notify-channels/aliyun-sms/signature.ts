// Alibaba Cloud's RPC signature, version 1.0 (HMAC-SHA1 over the canonicalized query), as the reference
// "V2版本RPC风格请求体&签名机制" describes it: https://help.aliyun.com/zh/sdk/product-overview/rpc-mechanism
// (also document_detail/25490). Percent-encoding is RFC 3986's: only A–Z a–z 0–9 - _ . ~ stay as they are.
import { createHmac } from 'node:crypto';

/** Encode one name or value: UTF-8, every byte outside the unreserved set as %XY (upper-case hex). */
export function percentEncode(value: string): string {
  // encodeURIComponent leaves ! ' ( ) * alone; the reference encodes them too.
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The parameters (without Signature) sorted by name, each name=value encoded, joined by &. */
export function canonicalizedQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] ?? '')}`)
    .join('&');
}

export function stringToSign(method: 'GET' | 'POST', params: Readonly<Record<string, string>>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalizedQuery(params))}`;
}

/** Base64 of HMAC-SHA1 keyed by the AccessKey secret followed by "&". */
export function signature(method: 'GET' | 'POST', params: Readonly<Record<string, string>>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign(method, params), 'utf8').digest('base64');
}
