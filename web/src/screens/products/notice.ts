// A short message after an action, in a polite live region (Vant's toast is an unnamed dialog to a screen reader).
import { ref } from 'vue';

export const notice = ref('');
let timer: ReturnType<typeof setTimeout> | undefined;

export function say(text: string, ms = 3000): void {
  notice.value = text;
  clearTimeout(timer);
  timer = setTimeout(() => { notice.value = ''; }, ms);
}
