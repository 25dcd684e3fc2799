// After a refusal, the first message on the page is brought into view: on a phone the field the server
// named is often far above the button that was pressed.
import { nextTick } from 'vue';

export function revealFirstError(): void {
  void nextTick(() => document.querySelector('main .van-field__error-message, main .yz-error')?.scrollIntoView({ block: 'center' }));
}
