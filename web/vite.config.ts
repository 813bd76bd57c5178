import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard: built into dist/web by `npm run build` (scripts/build.mjs) and served by Vouch at /dashboard
// (src/http/routes/dashboard.ts). `npm run dev:web` serves it with hot reload and sends /v1 to a running Vouch
// (VOUCH_URL, default http://127.0.0.1:3000), with VOUCH_DEV_KEY as its API key if set.
const vouch = process.env.VOUCH_URL ?? 'http://127.0.0.1:3000';
const devKey = process.env.VOUCH_DEV_KEY;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/dashboard/',
  plugins: [react()],
  // Every <script>, <link> and the <meta property="csp-nonce"> of index.html carry this placeholder, which
  // Vouch replaces with a fresh nonce in each response (src/http/routes/dashboard.ts); the app hands it to
  // the code that writes <style> elements at run time (web/src/main.tsx).
  html: { cspNonce: 'VOUCH_CSP_NONCE' },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Hashed names: the server caches everything under assets/ for a year.
    assetsDir: 'assets',
    // Everything comes from files; no data: URLs for scripts or fonts under the CSP.
    assetsInlineLimit: 0,
    target: 'es2022',
    // The budget is for what the first screen downloads: 300 KB of gzipped JavaScript, checked by
    // test/dashboard-serving.test.ts. The entry chunk (React, Mantine, the router) is larger unzipped.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/v1': {
        target: vouch,
        changeOrigin: true,
        ...(devKey ? { headers: { authorization: `Bearer ${devKey}` } } : {}),
      },
    },
  },
});
