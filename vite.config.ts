/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * index.html carries the production Content-Security-Policy. The dev server needs an inline
 * script for React Fast Refresh and inline styles for hot CSS, so only `vite serve` relaxes it.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'spanwright:relax-csp-for-dev',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*");
    },
  };
}

/**
 * The service worker that makes the app work offline after one visit: it precaches everything the
 * build emits (every chunk, every worker and its chunks, styles, icons, the sample corpus), so a
 * dialog opened with the server gone still loads. Updates wait: the app registers the worker itself
 * (app/layout/serviceWorker.ts) and offers "Reload to update"; nothing reloads on its own.
 */
function offlineApp(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    // Registered by app code (no inline script: the Content-Security-Policy forbids them).
    injectRegister: false,
    // The dev server stays worker-free: a cached bundle would hide code changes.
    devOptions: { enabled: false },
    // The icons are in dist/ and globbed below; listing them twice would precache them twice.
    includeManifestIcons: false,
    manifest: {
      name: 'Spanwright',
      short_name: 'Spanwright',
      description: 'Offline span annotation workbench',
      lang: 'en',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#1d4ed8',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      // Everything in dist/ but source maps: chunks, workers, styles, icons, fonts, the sample corpus.
      // (The manifest itself is added by the plugin.)
      globPatterns: ['**/*.{js,mjs,css,html,svg,png,ico,woff,woff2,txt,json}'],
      globIgnores: ['cli/**'],
      // The whole app must be there offline, the largest chunk included.
      maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
      navigateFallback: 'index.html',
      // The first visit's page is taken over at once, so it already works offline; later
      // versions still wait for "Reload to update" (no skipWaiting).
      clientsClaim: true,
      cleanupOutdatedCaches: true,
    },
  });
}

export default defineConfig({
  plugins: [react(), relaxCspForDevServer(), offlineApp()],
  worker: { format: 'es' },
  build: {
    target: 'es2023',
    sourcemap: true,
    // src/ is side-effect free (a module runs nothing but its declarations; the workers' entries
    // are built apart): a module reached only through a barrel's re-export it does not use (the
    // backup code behind src/db/index.ts, say) then stays out of the chunks that do not use it.
    rolldownOptions: { treeshake: { moduleSideEffects: [{ test: /\/src\/.+\.ts$/, sideEffects: false }] } },
  },
  test: {
    include: ['src/**/*.test.ts', 'app/**/*.test.ts', 'cli/**/*.test.ts'],
    environment: 'node',
    // IndexedDB for src/db tests; loaded before any module creates the Dexie instance.
    setupFiles: ['fake-indexeddb/auto'],
  },
});
