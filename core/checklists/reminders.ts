// 资料到期提醒: while an application to a product is still open, the order's owner hears `daysBefore` days
// before a collected document stops being good, so a fresh copy can be fetched in time. One reminder per
// file and last good day, naming every open product that relies on it; `key` lets the caller send it once.
import type { LocalizedText } from '../shared/index.js';
import { addDays } from './dates.js';
import type { OrderChecklist } from './checklist.js';

export interface ChecklistReminder {
  /** fileId, document and last good day: the same reminder is never due twice under one key. */
  readonly key: string;
  readonly fileId: string;
  readonly document: string;
  readonly validThrough: string;
  /** The first day the reminder is due. */
  readonly remindFrom: string;
  readonly productIds: readonly string[];
  readonly text: LocalizedText;
}

/** The reminders due on the checklist's date for the products whose application is still open. */
export function dueReminders(checklist: OrderChecklist, openProductIds: readonly string[], daysBefore: number): ChecklistReminder[] {
  if (!Number.isSafeInteger(daysBefore) || daysBefore < 0) throw new RangeError(`daysBefore must be a non-negative whole number, got ${String(daysBefore)}`);
  const open = new Set(openProductIds);
  const due = new Map<string, { fileId: string; document: string; validThrough: string; remindFrom: string; productIds: string[] }>();
  for (const p of checklist.products) {
    if (!open.has(p.productId)) continue;
    for (const d of p.documents) {
      const fileId = d.satisfiedBy[0];
      if ((d.state !== 'collected' && d.state !== 'expiring') || fileId === undefined || d.validThrough === null) continue;
      // It stops being good the day after validThrough; remind daysBefore days before that day.
      const remindFrom = addDays(d.validThrough, 1 - daysBefore);
      if (daysBefore === 0 || remindFrom > checklist.asOfDate) continue;
      const key = `${fileId}|${d.document}|${d.validThrough}`;
      const entry = due.get(key) ?? { fileId, document: d.document, validThrough: d.validThrough, remindFrom, productIds: [] };
      entry.productIds.push(p.productId);
      due.set(key, entry);
    }
  }
  return [...due.entries()].map(([key, e]) => ({
    key, ...e,
    text: {
      zh: `${e.document}将于 ${e.validThrough} 后失效，请及时更新（涉及 ${e.productIds.length} 个在办申请）`,
      en: `${e.document} stops being good after ${e.validThrough}; fetch a new copy (${e.productIds.length} open application(s) rely on it)`,
    },
  }));
}
