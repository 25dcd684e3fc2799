// A short confirmation (已保存 …) as Vant's toast. The function call does not bring its styles (the component
// resolver only sees templates), so they are imported here; and Vant marks the toast as an unnamed dialog,
// which it is not: it becomes a named status message that screen readers announce.
import 'vant/es/toast/style/index';
import { nextTick } from 'vue';
import { showToast as vantToast } from 'vant';

export function showToast(message: string): void {
  vantToast({ message });
  void nextTick(() => {
    for (const el of document.querySelectorAll('.van-toast')) {
      el.setAttribute('role', 'status');
      el.setAttribute('aria-label', message);
    }
  });
}
