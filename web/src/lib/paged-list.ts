// A list the server sends a page at a time (keyset cursor, the total with the first page): one page asked
// for at a time (a phone's van-list and the screen may both ask), a newer search replacing one still on its
// way, and the server's problem kept for the screen to show. Screens give only how to fetch a page.
import { ref, type Ref } from 'vue';
import { ApiProblem } from '../api/client.js';
import type { Page } from '../api/json.js';

export interface PagedList<T> {
  readonly items: Ref<T[]>;
  readonly total: Ref<number | null>;
  readonly loading: Ref<boolean>;
  readonly finished: Ref<boolean>;
  readonly error: Ref<string>;
  /** The next page (nothing when one is already on its way or none is left). */
  loadMore(): Promise<void>;
  /** From the first page again, e.g. after a filter changed. */
  reload(): void;
}

/** `fetchPage(cursor)`: null asks for the first page (and its total). */
export function usePagedList<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>): PagedList<T> {
  const items = ref([]) as Ref<T[]>;
  const total = ref<number | null>(null);
  const loading = ref(false);
  const finished = ref(false);
  const error = ref('');
  let cursor: string | null = null;
  let generation = 0;
  let inFlight = -1;

  async function loadMore(): Promise<void> {
    const mine = generation;
    if (inFlight === mine || finished.value) return;
    inFlight = mine;
    loading.value = true;
    try {
      const page = await fetchPage(cursor);
      if (mine !== generation) return;
      items.value.push(...page.items);
      if (page.total !== undefined) total.value = page.total;
      cursor = page.nextCursor;
      finished.value = page.nextCursor === null;
    } catch (err) {
      if (mine !== generation) return;
      error.value = err instanceof ApiProblem ? err.message : String(err);
      finished.value = true;
    } finally {
      if (inFlight === mine) inFlight = -1;
      if (mine === generation) loading.value = false;
    }
  }

  function reload(): void {
    generation += 1;
    items.value = [];
    cursor = null;
    total.value = null;
    error.value = '';
    finished.value = false;
    void loadMore();
  }

  return { items, total, loading, finished, error, loadMore, reload };
}
