// A channel's settings as the administrator sends them, checked per vendor: every field's problem at once
// (validation.failed, zh + en), nothing saved.
import { isNotificationKind, validationFailed, type Channel, type FieldError } from 'yunzhou/plugin';

type Errors = FieldError[];

const text = (errors: Errors, path: string, v: unknown, max: number, zh: string): string => {
  if (typeof v === 'string' && v.trim() !== '' && v.length <= max) return v.trim();
  errors.push({ path, code: 'notifications.setting_required', zh: `请填写${zh}（至多 ${max} 个字符）`, en: `${path.split('/').pop()} is required (at most ${max} characters)` });
  return '';
};

const agent = (errors: Errors, path: string, v: unknown): number => {
  if (Number.isSafeInteger(v) && (v as number) > 0) return v as number;
  errors.push({ path, code: 'notifications.agent_id_invalid', zh: 'AgentId 应为正整数', en: 'agentId must be a positive integer' });
  return 0;
};

/** The settings to store for a channel (known fields only), or the field errors under `path`. */
export function channelSettings(channel: Channel, input: Record<string, unknown>, path: string, errors: Errors): Record<string, unknown> {
  if (channel === 'wecom') return { corpId: text(errors, `${path}/corpId`, input.corpId, 100, '企业ID（CorpID）'), agentId: agent(errors, `${path}/agentId`, input.agentId) };
  if (channel === 'dingtalk') return { appKey: text(errors, `${path}/appKey`, input.appKey, 100, 'AppKey（Client ID）'), agentId: agent(errors, `${path}/agentId`, input.agentId) };
  const templates: Record<string, string> = {};
  const t = input.templates;
  if (t !== undefined && (typeof t !== 'object' || t === null || Array.isArray(t))) {
    errors.push({ path: `${path}/templates`, code: 'notifications.templates_invalid', zh: '短信模板应为「通知类型 → 模板CODE」', en: 'templates must map notification kinds to template codes' });
  } else for (const [kind, code] of Object.entries((t ?? {}) as Record<string, unknown>)) {
    if (!isNotificationKind(kind)) errors.push({ path: `${path}/templates/${kind}`, code: 'notification.kind_unknown', zh: `没有通知类型「${kind}」`, en: `There is no notification kind "${kind}"` });
    else if (code === '' || code === null) continue; // no SMS for that kind
    else if (typeof code !== 'string' || !/^SMS_\d{1,20}$/.test(code)) errors.push({ path: `${path}/templates/${kind}`, code: 'notifications.template_code_invalid', zh: '模板CODE 形如 SMS_123456789', en: 'A template code looks like SMS_123456789' });
    else templates[kind] = code;
  }
  return { accessKeyId: text(errors, `${path}/accessKeyId`, input.accessKeyId, 100, 'AccessKey ID'), signName: text(errors, `${path}/signName`, input.signName, 30, '短信签名'), templates };
}

export function refuseIf(errors: Errors): void {
  if (errors.length) throw validationFailed(errors);
}
