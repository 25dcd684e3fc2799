// The staff console's entry: Vue, the router, the locale, and the session restored from the cookie.
import { createApp } from 'vue';
import 'vant/es/style/base.css';
import './styles.css';
import App from './App.vue';
import { router } from './router.js';
import { i18n, localeReady } from './i18n/index.js';
import { registerOfflineSync } from './lib/drafts.js';
import { startEarlyReads } from './lib/early.js';
import { restoreSession } from './session.js';

// Fetch the first screen's code and data while the session is asked for, instead of one after the other.
const firstPath = window.location.pathname.slice(new URL(document.baseURI).pathname.length - 1) || '/';
// Only for someone signed in: a visitor's reads would only be refused.
void restoreSession().then((me) => { if (me) startEarlyReads(firstPath); });
for (const record of router.resolve(firstPath).matched) {
  const load = record.components?.default;
  if (typeof load === 'function' && !('render' in load) && !('setup' in load)) void (load as () => Promise<unknown>)();
}

const app = createApp(App);
app.use(i18n);
app.use(router);
void localeReady.finally(() => app.mount('#app'));
registerOfflineSync();
