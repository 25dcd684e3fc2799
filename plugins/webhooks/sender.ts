// One HTTP POST of a delivery: signed JSON, a time limit, and what came back (status, the first part of
// the body, how long it took) or why it failed. Redirects are not followed.
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { publicOnlyLookup } from './address-guard.js';
import { SIGNATURE_HEADER, signatureHeader } from './signature.js';

export interface SendResult {
  readonly ok: boolean;
  readonly statusCode: number | null;
  readonly bodyExcerpt: string;
  readonly durationMs: number;
  readonly error: string | null;
}

export interface SendInput {
  readonly url: string;
  readonly secret: string;
  readonly body: string;
  readonly at: Date;
  readonly headers: Record<string, string>;
  readonly timeoutMs: number;
  readonly allowPrivateNetworks: boolean;
}

const EXCERPT = 1000;

export function send(input: SendInput): Promise<SendResult> {
  const started = process.hrtime.bigint();
  const elapsed = (): number => Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      resolve({ ok: false, statusCode: null, bodyExcerpt: '', durationMs: 0, error: 'invalid URL' });
      return;
    }
    const options: RequestOptions = {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(input.body)),
        'user-agent': 'yunzhou-webhooks/1',
        [SIGNATURE_HEADER]: signatureHeader(input.secret, input.body, input.at),
        ...input.headers,
      },
      timeout: input.timeoutMs,
      ...(input.allowPrivateNetworks ? {} : { lookup: publicOnlyLookup as never }),
    };
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < EXCERPT * 4) chunks.push(c);
        size += c.length;
      });
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        resolve({ ok: status >= 200 && status < 300, statusCode: status, bodyExcerpt: Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT), durationMs: elapsed(), error: null });
      });
      res.on('error', (e) => resolve({ ok: false, statusCode: res.statusCode ?? null, bodyExcerpt: '', durationMs: elapsed(), error: e.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${input.timeoutMs} ms`)));
    req.on('error', (e) => resolve({ ok: false, statusCode: null, bodyExcerpt: '', durationMs: elapsed(), error: e.message }));
    req.end(input.body);
  });
}
