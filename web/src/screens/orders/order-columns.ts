// The 订单 list at the desk: its columns (money in 元 with two decimals, sorted by fen; times sorted as ISO text).
import type { Column } from '../../lib/table.js';
import { yuanExact } from '../../lib/money.js';
import { minuteText } from '../inquiries/data.js';
import type { OrderListItem } from './types.js';

type T = (key: string, values?: Record<string, unknown>) => string;

export function orderColumns(t: T): Column<OrderListItem>[] {
  const money = (key: 'receivable' | 'received' | 'outstanding', fen: (o: OrderListItem) => number): Column<OrderListItem> =>
    ({ key, label: t(`orders.${key}`), align: 'right', sortable: true, formatter: (o) => yuanExact(fen(o)), sortValue: fen });
  return [
    { key: 'title', label: t('orders.order'), sortable: true, nowrap: true },
    { key: 'companyName', label: t('orders.companyName'), sortable: true },
    { key: 'ownerName', label: t('orders.owner'), sortable: true },
    { key: 'departmentName', label: t('orders.department'), sortable: true },
    { key: 'stageName', label: t('orders.stage'), sortable: true, nowrap: true },
    { key: 'progress', label: t('orders.progressColumn'), align: 'right', sortable: true, formatter: (o) => (o.progress === null ? '—' : `${o.progress}%`) },
    money('receivable', (o) => o.amounts.receivableFen),
    money('received', (o) => o.amounts.receivedFen),
    money('outstanding', (o) => o.amounts.outstandingFen),
    { key: 'updatedAt', label: t('orders.updatedAt'), sortable: true, nowrap: true, formatter: (o) => minuteText(o.updatedAt) },
  ];
}
