// 岗位 and 产品分类 by the codes a scheme names them with: the firm's own words where the console can read them
// ('*' is 全部), the code itself otherwise.
import { onMounted, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ANY } from '@core/commissions/scheme.js';
import { api, ok } from '../../api/client.js';

export interface Named { readonly code: string; readonly name: string }

export function useCodeNames() {
  const { t } = useI18n();
  const roles = ref<Named[]>([]);
  const categories = ref<Named[]>([]);
  onMounted(async () => {
    const [r, c] = await Promise.all([
      ok<{ items: Named[] }>(api.GET('/api/v1/roles')).catch(() => ({ items: [] })),
      ok<{ items: Named[] }>(api.GET('/api/v1/product-categories')).catch(() => ({ items: [] })),
    ]);
    roles.value = r.items.map(({ code, name }) => ({ code, name }));
    categories.value = c.items.map(({ code, name }) => ({ code, name }));
  });
  const nameOf = (list: readonly Named[], code: string): string => (code === ANY ? t('commissions.scheme.any') : list.find((x) => x.code === code)?.name ?? code);
  return {
    roles, categories,
    role: (code: string): string => nameOf(roles.value, code),
    category: (code: string): string => nameOf(categories.value, code),
  };
}
