// The staff console's build: Vue 3 + Vant 4 (components and their styles imported per use), built into
// dist/web with relative asset paths so that the server can serve it under any base path.
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { VantResolver } from '@vant/auto-import-resolver';
import { fileURLToPath } from 'node:url';

/** Vant's icon font is inlined as woff2; its fallback from a CDN would break the console's CSP and reach
 * the internet, so it is cut out of the stylesheet. */
const noCdnFont: Plugin = {
  name: 'yunzhou-no-cdn-font',
  enforce: 'pre',
  transform(code, id) {
    if (!id.includes('vant') || !id.endsWith('.css') || !code.includes('alicdn')) return null;
    return code.replace(/,\s*url\("?\/\/at\.alicdn\.com[^)]*\)\s*format\("woff"\)/g, '');
  },
};

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [noCdnFont, vue(), Components({ resolvers: [VantResolver()], dts: false })],
  resolve: {
    alias: { '@core': fileURLToPath(new URL('../core', import.meta.url)) },
  },
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_JIT_COMPILATION__: 'true',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 800,
    reportCompressedSize: false,
    // A loaded machine makes the plugin-timing notice fire; it says nothing about the console itself.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
