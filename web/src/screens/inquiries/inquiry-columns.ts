// 咨询 / 准客户 at the desk: the list's columns (times sorted as ISO text; the mobile as the API gives it,
// masked for others' customers) and a last column for the row's actions.
import type { Column } from '../../lib/table.js';
import { minuteText, type Inquiry } from './data.js';

type T = (key: string, values?: Record<string, unknown>) => string;

export function inquiryColumns(t: T): Column<Inquiry>[] {
  return [
    { key: 'companyName', label: t('inquiries.field.companyName'), sortable: true },
    { key: 'contactName', label: t('inquiries.field.contactName'), sortable: true, nowrap: true },
    { key: 'mobile', label: t('inquiries.field.mobile'), nowrap: true },
    { key: 'levelLabel', label: t('inquiries.field.level'), sortable: true, nowrap: true, sortValue: (i) => i.level },
    { key: 'source', label: t('inquiries.field.source'), sortable: true },
    { key: 'ownerName', label: t('inquiries.field.owner'), sortable: true, nowrap: true },
    { key: 'nextFollowUpAt', label: t('inquiries.field.nextFollowUpAt'), sortable: true, nowrap: true, formatter: (i) => minuteText(i.nextFollowUpAt) },
    { key: 'lastFollowUpAt', label: t('inquiries.field.lastFollowUpAt'), sortable: true, nowrap: true, formatter: (i) => minuteText(i.lastFollowUpAt) || '—' },
    { key: 'actions', label: t('inquiries.actions'), formatter: () => '' },
  ];
}
