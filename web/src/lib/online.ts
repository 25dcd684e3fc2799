// Whether the device has a connection, as a reactive flag.
import { onBeforeUnmount, ref, type Ref } from 'vue';

export function useOnline(): Ref<boolean> {
  const online = ref(navigator.onLine);
  const set = (): void => { online.value = navigator.onLine; };
  window.addEventListener('online', set);
  window.addEventListener('offline', set);
  onBeforeUnmount(() => {
    window.removeEventListener('online', set);
    window.removeEventListener('offline', set);
  });
  return online;
}
