import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { preview } from 'vite';

export interface Server {
  url: string;
  /** The copy of dist/ being served. */
  distDir: string;
  close(): Promise<void>;
}

/**
 * Serves the production build with Vite's preview server, as `vite preview` would. It serves a
 * snapshot of dist/ taken now, so a rebuild by someone else during a long run (the test suite
 * builds too) cannot swap or delete the files under the page.
 */
export async function startServer(root: string, port: number): Promise<Server> {
  const dist = path.join(root, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error('dist/index.html is missing: build first (`npm run bench` runs `npm run build`)');
  }
  const snapshot = mkdtempSync(path.join(os.tmpdir(), 'spanwright-bench-dist-'));
  cpSync(dist, snapshot, { recursive: true });
  const removeSnapshot = () => rmSync(snapshot, { recursive: true, force: true });
  let server;
  try {
    server = await preview({
      root,
      logLevel: 'warn',
      build: { outDir: snapshot },
      preview: { port, strictPort: true, host: '127.0.0.1', open: false },
    });
  } catch (error) {
    removeSnapshot();
    throw new Error(`cannot start the preview server on 127.0.0.1:${port} (${error instanceof Error ? error.message : String(error)}); pass --port <n> to use another port`, { cause: error });
  }
  const address = server.httpServer.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  const running = server;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    distDir: snapshot,
    close: async () => {
      try {
        await running.close();
      } finally {
        removeSnapshot();
      }
    },
  };
}
