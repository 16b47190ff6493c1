import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { kilobytes } from '../lib/stats';
import { sleep } from '../lib/timeout';
import type { Measure, Row } from '../lib/types';

/** 150 KB, counted in thousands as Vite's build report does. */
const BUDGET_BYTES = 150_000;

function gzipSize(file: string): number {
  // zlib's default level (6), as `gzip` and most servers compress.
  return gzipSync(readFileSync(file)).byteLength;
}

/** Files referenced by index.html as module scripts or modulepreloads. */
function initialScripts(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi)) if (match[1] !== undefined) urls.add(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    const href = /\bhref=["']([^"']+)["']/i.exec(tag)?.[1];
    if (href !== undefined && /\brel=["']modulepreload["']/i.test(tag)) urls.add(href);
  }
  return [...urls];
}

function distFile(distDir: string, url: string): string {
  const pathname = new URL(url, 'http://localhost/').pathname;
  return path.join(distDir, decodeURIComponent(pathname));
}

/** DESIGN.md: initial JavaScript ≤ 150 KB gzip. */
export const initialJs: Measure = {
  name: 'initial-js',
  description: 'gzip size of the JavaScript the page loads initially',
  timeoutMs: 2 * 60_000,
  async run(ctx) {
    const distDir = ctx.distDir;
    const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
    const scripts = initialScripts(html);
    let total = 0;
    const files: Record<string, number> = {};
    for (const url of scripts) {
      const file = distFile(distDir, url);
      if (!existsSync(file)) throw new Error(`index.html references ${url}, which is not in dist/`);
      files[url] = gzipSize(file);
      total += files[url];
    }
    ctx.detail('indexHtmlScripts', files);

    // What the browser actually fetches at startup: catches eager dynamic imports and workers.
    const session = await ctx.newSession();
    await sleep(2_000);
    const fetched = await session.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => /\.m?js(\?|$)/.test(name)),
    );
    let fetchedTotal = 0;
    const fetchedFiles: Record<string, number> = {};
    for (const url of fetched) {
      if (!url.startsWith(ctx.baseUrl)) continue;
      const file = distFile(distDir, url);
      if (!existsSync(file)) continue;
      fetchedFiles[new URL(url).pathname] = gzipSize(file);
      fetchedTotal += gzipSize(file);
    }
    ctx.detail('fetchedAtStartup', fetchedFiles);

    const rows: Row[] = [
      {
        measure: `initial-js: index.html scripts + modulepreload (${scripts.length} files)`,
        budget: `≤ ${kilobytes(BUDGET_BYTES)} gzip`,
        result: kilobytes(total),
        ok: total <= BUDGET_BYTES,
      },
      {
        measure: `initial-js: JS fetched in the first 2 s (${Object.keys(fetchedFiles).length} files)`,
        budget: `≤ ${kilobytes(BUDGET_BYTES)} gzip`,
        result: kilobytes(fetchedTotal),
        ok: fetchedTotal <= BUDGET_BYTES,
      },
    ];
    return rows;
  },
};
