// The desk table's rules apart from its looks: the columns a table declares, the columns a person chose to
// hide (kept on the device per table id), and the order rows take when sorted on the client.
import { onBeforeUnmount, ref, watch, type Ref } from 'vue';

export type SortDir = 'asc' | 'desc';
export interface SortState { readonly key: string; readonly dir: SortDir }

export interface Column<R> {
  readonly key: string;
  readonly label: string;
  readonly align?: 'left' | 'right' | 'center';
  /** The text shown; by default the row's value under `key`. */
  readonly formatter?: (row: R) => string;
  readonly sortable?: boolean;
  /** Kept on one line (times, short codes): the table wraps other columns first. */
  readonly nowrap?: boolean;
  /** What sorting compares (money in fen, dates as ISO text); by default the row's value under `key`. */
  readonly sortValue?: (row: R) => string | number | null | undefined;
}

const KEY = 'yunzhou.columns.';

/** The hidden column keys of one table, remembered on this device. */
export function useHiddenColumns(tableId: string): Ref<string[]> {
  let saved: string[] = [];
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY + tableId) ?? '[]');
    if (Array.isArray(parsed)) saved = parsed.filter((k): k is string => typeof k === 'string');
  } catch {
    saved = [];
  }
  const hidden = ref(saved);
  watch(hidden, (v) => localStorage.setItem(KEY + tableId, JSON.stringify(v)), { deep: true });
  return hidden;
}

function valueOf<R>(c: Column<R>, row: R): string | number | null | undefined {
  return c.sortValue ? c.sortValue(row) : ((row as Record<string, unknown>)[c.key] as string | number | null | undefined);
}

/** Rows sorted by a column (empty values last either way); the input is left as it was. */
export function sortRows<R>(rows: readonly R[], column: Column<R> | undefined, dir: SortDir): R[] {
  if (!column) return [...rows];
  const sign = dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return rows
    .map((row, i) => ({ row, i, v: valueOf(column, row) }))
    .sort((a, b) => {
      const na = a.v === null || a.v === undefined || a.v === '';
      const nb = b.v === null || b.v === undefined || b.v === '';
      if (na || nb) return na === nb ? a.i - b.i : na ? 1 : -1;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
      return c === 0 ? a.i - b.i : sign * c;
    })
    .map((x) => x.row);
}

/** The next sort after a header is pressed: ascending first, then descending, per column. */
export function nextSort(current: SortState | null, key: string): SortState {
  return current?.key === key && current.dir === 'asc' ? { key, dir: 'desc' } : { key, dir: 'asc' };
}

/** Whether the screen is a tablet's width or more (a real table fits), following the window as it changes. */
export function useWide(): Ref<boolean> {
  const media = window.matchMedia('(min-width: 768px)');
  const wide = ref(media.matches);
  const onChange = (e: MediaQueryListEvent): void => { wide.value = e.matches; };
  media.addEventListener('change', onChange);
  onBeforeUnmount(() => media.removeEventListener('change', onChange));
  return wide;
}
