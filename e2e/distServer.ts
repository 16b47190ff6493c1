import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { repoRoot } from './fixtures';

export const DIST = path.join(repoRoot, 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
};

export interface DistServer {
  readonly url: string;
  /** Serves sw.js with this suffix from now on: a new version of the app, as the browser sees it. */
  changeServiceWorker(suffix: string): void;
  /** The server goes away: every later request fails to connect. */
  close(): Promise<void>;
}

/**
 * The production build on a server of the test's own, on a free port, so a test can take it
 * away for good (Playwright's webServer lives for the whole run) or publish a "new version".
 * The bench's offline reload uses it too (bench/measures/offlineReload.ts).
 */
export async function serveDist(dist = DIST): Promise<DistServer> {
  let swSuffix = '';
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = path.join(dist, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(dist)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        const served = pathname === '/sw.js' ? Buffer.concat([body, Buffer.from(swSuffix)]) : body;
        response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(served);
      },
      () => response.writeHead(404).end(),
    );
  });
  // Keep-alive sockets would keep close() waiting and let the page still reach the old server.
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    changeServiceWorker: (suffix) => {
      swSuffix = suffix;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
