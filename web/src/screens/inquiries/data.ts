// What the inquiry screens read from the server: the firm's form lists (once per session), the record types
// as JSON, and the date-time field's conversions (the browser's datetime-local value ⇄ an ISO instant).
import { api, ok } from '../../api/client.js';
import type { Json } from '../../api/json.js';
import type { FollowUp, InquiryView, DuplicateMatch } from '@core/inquiries/types.js';
import type { Activity } from '@core/shared/ports.js';

export type Inquiry = Json<InquiryView>;
export type FollowUpRow = Json<FollowUp>;
export type Duplicate = Json<DuplicateMatch>;
export type TimelineEntry = Json<Activity>;

export interface FormLists {
  readonly sources: string[];
  readonly propertyTypes: string[];
  readonly followUpTypes: string[];
  readonly levels: { code: string; name: string; label: string; followUpIntervalMinutes: number }[];
  readonly cannedPhrases: string[];
}

let lists: Promise<FormLists> | null = null;
/** 表单选项 of the firm (客户来源, 客户房产, 跟进类型, levels, 常用语). */
export function formLists(): Promise<FormLists> {
  lists ??= ok<FormLists>(api.GET('/api/v1/inquiry-settings/form-lists')).catch((err: unknown) => {
    lists = null;
    throw err;
  });
  return lists;
}
/** Forgets the lists read, so the forms read them again (咨询设置 changed them). */
export function forgetFormLists(): void {
  lists = null;
}

/** 生成: the next follow-up time the level's interval gives from now, in the firm's calendar. */
export async function generatedNextFollowUp(level: string): Promise<string> {
  const r = await ok<{ nextFollowUpAt: string }>(api.GET('/api/v1/inquiries/next-follow-up', { params: { query: { level } } }));
  return r.nextFollowUpAt;
}

const pad = (n: number): string => String(n).padStart(2, '0');
/** An instant as the value of an <input type="datetime-local"> (the device's clock). */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
/** A datetime-local value as an ISO instant; '' stays '' (the server names the missing field). */
export function fromLocalInput(value: string): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}
/** An instant for reading: 2026-12-06 15:10. */
export function minuteText(iso: string | null): string {
  return iso ? toLocalInput(iso).replace('T', ' ') : '';
}
