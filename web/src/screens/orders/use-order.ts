// The order a step screen works on: its detail (for the version every save needs, the stage and the
// company) loaded from the route's id, and reloaded after a save.
import { ref } from 'vue';
import { useRoute } from 'vue-router';
import { api, ok } from '../../api/client.js';
import type { OrderDetail } from './types.js';

export function useOrder() {
  const route = useRoute();
  const id = String(route.params.id);
  const detail = ref<OrderDetail | null>(null);
  async function reload(): Promise<OrderDetail> {
    detail.value = await ok<OrderDetail>(api.GET('/api/v1/orders/{id}', { params: { path: { id } } }));
    return detail.value;
  }
  return { id, detail, reload };
}

/** The message of a core rule's DomainError in the person's language, or the error's own text. */
export function ruleMessage(e: unknown, locale: string): string {
  const text = (e as { text?: { zh: string; en: string } }).text;
  if (text) return locale === 'en' ? text.en : text.zh;
  return e instanceof Error ? e.message : String(e);
}
