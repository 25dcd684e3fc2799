// Vendor clients for notifications and sign-in: WeCom, DingTalk and Aliyun SMS. They import only Node's
// built-ins, take the firm's credentials and base URL, and report failures as VendorError.
export { VendorError, isVendorError, type Vendor, type VendorErrorKind } from './vendor-error.js';
export { TokenCache, type IssuedToken } from './token-cache.js';
export { type Clock, type FetchLike } from './http.js';
export { WeComClient, WECOM_API, WECOM_OAUTH, type WeComOptions, type TextCard, type SentMessage, type WeComUser } from './wecom/client.js';
export { DingTalkClient, DINGTALK_API, type DingTalkOptions, type ActionCard, type DingTalkUser } from './dingtalk/client.js';
export { AliyunSmsClient, ALIYUN_SMS_API, SMS_API_VERSION, type AliyunSmsOptions, type Sms, type SentSms } from './aliyun-sms/client.js';
// Sign-in from the WeCom and DingTalk workbenches, a plugin of its own (routes under /api/v1/plugins/workbench).
export { workbenchSignInPlugin, DINGTALK_JSAPI, type WorkbenchSignInOptions } from './sign-in/plugin.js';
// Notifications to WeCom, DingTalk and SMS from the outbox, a plugin of its own (routes under /api/v1/plugins/notifications).
export { notificationsPlugin, type NotificationsOptions } from './delivery/plugin.js';
