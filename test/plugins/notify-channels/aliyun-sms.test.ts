// The Aliyun SMS client: its signature against the reference's worked examples, and SendSms against the
// fake endpoint, which verifies every signature the way the service does and refuses a wrong one.
import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import { AliyunSmsClient, type AliyunSmsOptions, type VendorError } from '../../../plugins/notify-channels/index.js';
import { canonicalizedQuery, percentEncode, signature, stringToSign } from '../../../plugins/notify-channels/aliyun-sms/signature.js';
import { FakeAliyunSms } from '../../support/fakes/aliyun-sms.js';
import { ManualClock } from '../../support/fakes/server.js';

// The worked example of Aliyun's "API 签名机制（示例）" (DescribeRegions, AccessKey testid / testsecret), as
// republished at https://developer.aliyun.com/ask/210168 — its parameter is spelled TimeStamp there.
test('the signature matches the reference’s worked example, string to sign and all', (t) => {
  const params = { TimeStamp: '2016-02-23T12:46:24Z', Format: 'XML', AccessKeyId: 'testid', Action: 'DescribeRegions', SignatureMethod: 'HMAC-SHA1', SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf', Version: '2014-05-26', SignatureVersion: '1.0' };
  // The page prints the pairs joined by a bare &; the published signature is that of %26 (the encoded &).
  t.is(stringToSign('GET', params), 'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26TimeStamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26');
  t.is(signature('GET', params, 'testsecret'), 'CT9X0VtwR86fNWSnsc6v8YGOjuE=');
});

// The SendSms example of Aliyun SMS's former 签名机制 page (help.aliyun.com/document_detail/101343):
// AccessKey testId / testSecret, a Chinese SignName and a JSON TemplateParam. (Written down from that
// page as remembered: it is not in the offline corpus; the DescribeRegions example above is.)
test('the signature matches the SMS reference’s SendSms example', (t) => {
  const params = { AccessKeyId: 'testId', Action: 'SendSms', Format: 'XML', OutId: '123', PhoneNumbers: '15300000001', RegionId: 'cn-hangzhou', SignName: '阿里云短信测试专用', SignatureMethod: 'HMAC-SHA1', SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466', SignatureVersion: '1.0', TemplateCode: 'SMS_71390007', TemplateParam: '{"customer":"test"}', Timestamp: '2017-07-12T02:42:19Z', Version: '2017-05-25' };
  t.is(signature('GET', params, 'testSecret'), 'zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  t.true(canonicalizedQuery(params).includes('SignName=%E9%98%BF%E9%87%8C%E4%BA%91'));
});

test('percent-encoding keeps only the unreserved characters and decodes back to the input', (t) => {
  t.is(percentEncode("a b*c~d+e!'()/"), 'a%20b%2Ac~d%2Be%21%27%28%29%2F');
  fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
    const e = percentEncode(s);
    return /^([A-Za-z0-9\-_.~]|%[0-9A-F]{2})*$/.test(e) && decodeURIComponent(e) === s;
  }));
});

const KEY = { accessKeyId: 'LTAI-firm-1', accessKeySecret: 'firm-1-secret' };
const SMS = { phoneNumbers: ['13700000001'], signName: '云舟贷款', templateCode: 'SMS_100000001', templateParam: { name: '王先生', date: '12月1日' }, outId: 'evt-9f1c:user-42' };

async function setup(t: ExecutionContext, clientOptions: Partial<AliyunSmsOptions> = {}) {
  const clock = new ManualClock();
  const fake = await new FakeAliyunSms({ clock, accessKeys: { [KEY.accessKeyId]: KEY.accessKeySecret }, signNames: ['云舟贷款'], templates: [{ code: 'SMS_100000001', variables: ['name', 'date'] }] }).start();
  t.teardown(() => fake.stop());
  const client = new AliyunSmsClient({ ...KEY, baseUrl: fake.url, clock, ...clientOptions });
  return { clock, fake, client };
}

test('SendSms is accepted: the fake verified the signature and recorded the message once, OutId included', async (t) => {
  const { fake, client } = await setup(t);
  const sent = await client.sendSms(SMS);
  t.deepEqual(fake.sent, [{ bizId: sent.bizId, phoneNumbers: ['13700000001'], signName: '云舟贷款', templateCode: 'SMS_100000001', templateParam: { name: '王先生', date: '12月1日' }, outId: 'evt-9f1c:user-42' }]);
  t.is(sent.requestId, 'fake-request');
});

test('a wrong AccessKey secret is refused with SignatureDoesNotMatch, as the service does', async (t) => {
  const { fake } = await setup(t);
  const wrong = new AliyunSmsClient({ ...KEY, accessKeySecret: 'not-the-secret', baseUrl: fake.url, clock: new ManualClock() });
  const e = await t.throwsAsync<VendorError>(wrong.sendSms(SMS));
  t.like(e, { vendor: 'aliyun-sms', kind: 'rejected', code: 'SignatureDoesNotMatch', retryable: false });
  t.regex(e!.vendorMessage, /^Specified signature is not matched with our calculation/);
  t.is(fake.sent.length, 0);
});

test('a request changed after signing is refused: the signature covers every parameter', async (t) => {
  const { fake } = await setup(t);
  const tamper = (input: string, init: RequestInit) => fetch(input, { ...init, body: String(init.body).replace('13700000001', '13700000009') });
  const client = new AliyunSmsClient({ ...KEY, baseUrl: fake.url, clock: new ManualClock(), fetch: tamper });
  t.like(await t.throwsAsync<VendorError>(client.sendSms(SMS)), { code: 'SignatureDoesNotMatch' });
  t.is(fake.sent.length, 0);
});

test('an unknown AccessKey ID, a stale Timestamp and a reused nonce are refused', async (t) => {
  const { fake } = await setup(t);
  const unknown = new AliyunSmsClient({ ...KEY, accessKeyId: 'LTAI-nobody', baseUrl: fake.url, clock: new ManualClock() });
  t.like(await t.throwsAsync<VendorError>(unknown.sendSms(SMS)), { code: 'InvalidAccessKeyId.NotFound' });
  const slow = new ManualClock();
  slow.advance(-32 * 60_000);
  const stale = new AliyunSmsClient({ ...KEY, baseUrl: fake.url, clock: slow });
  t.like(await t.throwsAsync<VendorError>(stale.sendSms(SMS)), { code: 'InvalidTimeStamp.Expired' });
  const sameNonce = new AliyunSmsClient({ ...KEY, baseUrl: fake.url, clock: new ManualClock(), nonce: () => 'always-the-same' });
  await sameNonce.sendSms(SMS);
  t.like(await t.throwsAsync<VendorError>(sameNonce.sendSms(SMS)), { code: 'SignatureNonceUsed' });
  t.is(fake.sent.length, 1);
});

test('isv.BUSINESS_LIMIT_CONTROL is retryable after the window it names', async (t) => {
  const { fake, client } = await setup(t);
  fake.rateLimitNext(1, '分钟级');
  t.like(await t.throwsAsync<VendorError>(client.sendSms(SMS)), { kind: 'rate_limited', code: 'isv.BUSINESS_LIMIT_CONTROL', vendorMessage: '触发分钟级流控Permits:1', retryable: true, retryAfterMs: 60_000 });
  fake.rateLimitNext(1, '小时级');
  t.like(await t.throwsAsync<VendorError>(client.sendSms(SMS)), { retryAfterMs: 3_600_000 });
  fake.rateLimitNext(1, '天级');
  t.like(await t.throwsAsync<VendorError>(client.sendSms(SMS)), { retryAfterMs: 86_400_000 });
  t.is(fake.sent.length, 0);
  await client.sendSms(SMS);
  t.is(fake.sent.length, 1);
});

test('an illegal number, an unknown signature or template and a missing variable are permanent, with Code and Message', async (t) => {
  const { fake, client } = await setup(t);
  t.like(await t.throwsAsync<VendorError>(client.sendSms({ ...SMS, phoneNumbers: ['12345'] })), { kind: 'rejected', code: 'isv.MOBILE_NUMBER_ILLEGAL', vendorMessage: '非法手机号', retryAfterMs: null });
  t.like(await t.throwsAsync<VendorError>(client.sendSms({ ...SMS, signName: '别家' })), { code: 'isv.SMS_SIGNATURE_ILLEGAL' });
  t.like(await t.throwsAsync<VendorError>(client.sendSms({ ...SMS, templateCode: 'SMS_0' })), { code: 'isv.SMS_TEMPLATE_ILLEGAL' });
  t.like(await t.throwsAsync<VendorError>(client.sendSms({ ...SMS, templateParam: { name: '王先生' } })), { code: 'isv.TEMPLATE_MISSING_PARAMETERS', vendorMessage: '模板变量缺少对应参数值' });
  t.is(fake.sent.length, 0);
});

test('the service’s own failure (isp.SYSTEM_ERROR, or HTTP 5xx) is retryable', async (t) => {
  const { fake, client } = await setup(t);
  fake.answerNext('/', { json: { RequestId: 'r', Code: 'isp.SYSTEM_ERROR', Message: 'isp.SYSTEM_ERROR' } });
  t.like(await t.throwsAsync<VendorError>(client.sendSms(SMS)), { kind: 'unavailable', code: 'isp.SYSTEM_ERROR', retryable: true, retryAfterMs: 5_000 });
  fake.answerNext('/', { status: 503, json: { RequestId: 'r', Code: 'ServiceUnavailable', Message: 'The request has failed due to a temporary failure of the server.' } });
  t.like(await t.throwsAsync<VendorError>(client.sendSms(SMS)), { kind: 'unavailable', code: 'ServiceUnavailable', retryable: true });
});
