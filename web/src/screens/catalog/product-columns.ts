// 产品管理's product list at the desk: its columns (money in 元 with two decimals, ranges sorted by their lower end).
import type { Column } from '../../lib/table.js';
import { yuanExact } from '../../lib/money.js';
import type { Product } from './data.js';

type T = (key: string, values?: Record<string, unknown>) => string;

const range = (min: string, max: string): string => (min === max ? min : `${min}–${max}`);

export function productColumns(t: T, categoryName: (code: string) => string): Column<Product>[] {
  return [
    { key: 'number', label: t('catalog.number'), sortable: true, nowrap: true },
    { key: 'name', label: t('catalog.field.name'), sortable: true },
    { key: 'category', label: t('catalog.field.category'), sortable: true, nowrap: true, formatter: (p) => categoryName(p.categoryCode), sortValue: (p) => categoryName(p.categoryCode) },
    { key: 'institution', label: t('catalog.field.institution'), sortable: true },
    { key: 'amount', label: t('catalog.col.amount'), align: 'right', sortable: true, formatter: (p) => range(yuanExact(p.amountFen.min), yuanExact(p.amountFen.max)), sortValue: (p) => p.amountFen.min },
    { key: 'term', label: t('catalog.col.term'), align: 'right', sortable: true, nowrap: true, formatter: (p) => range(String(p.termMonths.min), String(p.termMonths.max)), sortValue: (p) => p.termMonths.min },
    { key: 'rate', label: t('catalog.col.rate'), align: 'right', sortable: true, nowrap: true, formatter: (p) => range(p.annualRatePercent.min, p.annualRatePercent.max), sortValue: (p) => Number(p.annualRatePercent.min) },
    { key: 'fee', label: t('catalog.col.fee'), align: 'right', sortable: true, nowrap: true, formatter: (p) => yuanExact(p.defaultServiceFeeFen), sortValue: (p) => p.defaultServiceFeeFen },
    { key: 'rules', label: t('catalog.col.rules'), align: 'right', sortable: true, formatter: (p) => String(p.requirements.length), sortValue: (p) => p.requirements.length },
    { key: 'state', label: t('catalog.state'), sortable: true, nowrap: true, formatter: (p) => (p.active ? t('catalog.active') : t('catalog.inactive')) },
  ];
}
