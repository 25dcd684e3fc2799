// Whether the screen is desk-wide (the console's 900 px breakpoint): lists become tables there, cards on a phone.
import { onBeforeUnmount, ref, type Ref } from 'vue';

export function useDesk(): Ref<boolean> {
  const query = window.matchMedia('(min-width: 900px)');
  const desk = ref(query.matches);
  const change = (e: MediaQueryListEvent): void => { desk.value = e.matches; };
  query.addEventListener('change', change);
  onBeforeUnmount(() => query.removeEventListener('change', change));
  return desk;
}
