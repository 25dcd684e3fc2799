// The staff console's entry: Vue, the router, the locale, and the session restored from the cookie.
import { createApp } from 'vue';
import 'vant/es/style/base.css';
import './styles.css';
import App from './App.vue';
import { router } from './router.js';
import { i18n } from './i18n/index.js';
import { registerOfflineSync } from './lib/drafts.js';

const app = createApp(App);
app.use(i18n);
app.use(router);
app.mount('#app');
registerOfflineSync();
