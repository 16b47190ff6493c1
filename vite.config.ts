/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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

export default defineConfig({
  plugins: [react(), relaxCspForDevServer()],
  worker: { format: 'es' },
  build: { target: 'es2023', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts', 'app/**/*.test.ts', 'cli/**/*.test.ts'],
    environment: 'node',
    // IndexedDB for src/db tests; loaded before any module creates the Dexie instance.
    setupFiles: ['fake-indexeddb/auto'],
  },
});
