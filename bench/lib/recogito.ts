import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { FileRecord } from './corpus';

/**
 * A peer in the same run: Recogito's text annotator (`@recogito/text-annotator`, a devDependency
 * used only here) renders the same document with the same spans, on a bench-only page served
 * from node_modules on the bench's own origin; nothing of it reaches the app's bundle. Absolute
 * times do not travel between machines; the ratio to a peer measured beside the app does.
 */

export interface PeerTimes {
  /** From building the text element to Recogito's first redraw with every annotation, painted. */
  openMs: number[];
  /** From `addAnnotation` to the redraw that shows it. */
  addMs: number[];
}

const PEER_PATH = '/__bench-peer/recogito/';

/**
 * Opens the peer page: the text annotator's UMD bundle and stylesheet, and an empty host element.
 * The bundle reads `process.env.NODE_ENV` as a bundler would have replaced it: the page defines it.
 */
async function openPeerPage(page: Page, repoRoot: string, baseUrl: string): Promise<void> {
  const dist = path.join(repoRoot, 'node_modules/@recogito/text-annotator/dist');
  const script = readFileSync(path.join(dist, 'text-annotator.umd.js'));
  const style = readFileSync(path.join(dist, 'text-annotator.css'));
  const html = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>Recogito peer</title>
<link rel="stylesheet" href="text-annotator.css">
<script>window.process = { env: { NODE_ENV: 'production' } };</script>
<script src="text-annotator.umd.js"></script>
<style>body{margin:0}#host{height:100vh;overflow:auto}#text{white-space:pre-wrap;font-size:16px;line-height:2;max-width:60rem;margin:0 auto;padding:1rem}</style>
</head><body><main id="host"></main></body></html>`;
  await page.route(`${baseUrl}${PEER_PATH}**`, (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname.endsWith('.js')) return route.fulfill({ body: script, contentType: 'text/javascript' });
    if (pathname.endsWith('.css')) return route.fulfill({ body: style, contentType: 'text/css' });
    return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
  });
  await page.goto(`${baseUrl}${PEER_PATH}index.html`);
  await page.waitForFunction(() => typeof (window as unknown as { RecogitoJS?: unknown }).RecogitoJS === 'object');
}

/**
 * Renders `record` in Recogito `opens` times (a fresh annotator each time), then adds `ranges`
 * one by one, scrolled into view first as the app's adds are. Recogito redraws a debounce and a
 * frame after its store changes and then emits `onRedraw`: that event ends each timing.
 */
export async function measureRecogito(
  page: Page,
  repoRoot: string,
  baseUrl: string,
  record: FileRecord,
  ranges: readonly { start: number; end: number }[],
  opens: number,
): Promise<PeerTimes> {
  await openPeerPage(page, repoRoot, baseUrl);
  return page.evaluate(
    async ({ text, spans, ranges, opens }) => {
      interface Annotator {
        setAnnotations(annotations: unknown[], replace?: boolean): void;
        addAnnotation(annotation: unknown): void;
        destroy(): void;
        renderer?: { on?: (event: string, callback: () => void) => void };
      }
      const recogito = (window as unknown as { RecogitoJS: { createTextAnnotator(element: HTMLElement, options: object): Annotator } }).RecogitoJS;
      const host = document.getElementById('host');
      if (!host) throw new Error('no host element on the peer page');
      const annotation = (id: string, start: number, end: number, label: string) => ({
        id,
        bodies: [{ id: `${id}-body`, annotation: id, purpose: 'tagging', value: label }],
        target: { annotation: id, selector: [{ quote: text.slice(start, end), start, end }] },
      });
      const annotations = spans.map((span, i) => annotation(`a${i}`, span.start, span.end, span.label));
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const redrawn = (annotator: Annotator) =>
        new Promise<number>((resolve, reject) => {
          const on = annotator.renderer?.on;
          if (!on) {
            reject(new Error('this version of the text annotator has no renderer.on("onRedraw")'));
            return;
          }
          let done = false;
          on.call(annotator.renderer, 'onRedraw', () => {
            if (done) return;
            done = true;
            resolve(performance.now());
          });
        });

      const openMs: number[] = [];
      let annotator: Annotator | null = null;
      let element: HTMLElement | null = null;
      for (let i = 0; i < opens; i++) {
        annotator?.destroy();
        host.replaceChildren();
        await frame();
        const started = performance.now();
        element = document.createElement('div');
        element.id = 'text';
        element.textContent = text;
        host.append(element);
        annotator = recogito.createTextAnnotator(element, {});
        const shown = redrawn(annotator);
        annotator.setAnnotations(annotations, true);
        openMs.push((await shown) - started);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      if (!annotator || !element) throw new Error('no annotator');

      const addMs: number[] = [];
      const node = element.firstChild;
      if (!node) throw new Error('no text node');
      for (const [i, range] of ranges.entries()) {
        const at = document.createRange();
        at.setStart(node, range.start);
        at.setEnd(node, range.end);
        const box = at.getBoundingClientRect();
        host.scrollBy({ top: box.top - host.clientHeight / 2 });
        await frame();
        // Scrolling redraws too: let that settle before timing the add.
        await new Promise((resolve) => setTimeout(resolve, 60));
        const started = performance.now();
        const shown = redrawn(annotator);
        annotator.addAnnotation(annotation(`n${i}`, range.start, range.end, 'person'));
        addMs.push((await shown) - started);
      }
      annotator.destroy();
      return { openMs, addMs };
    },
    { text: record.text, spans: record.spans.map(({ start, end, label }) => ({ start, end, label })), ranges: ranges.map(({ start, end }) => ({ start, end })), opens },
  );
}
