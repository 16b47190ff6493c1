import type { Page } from '@playwright/test';

/**
 * The floor under opening a document: a bare page puts the same text into
 * the DOM as the editor does (one element per paragraph, `content-visibility: auto`, the editor's
 * font and line height) and waits for the frame that shows it. No spans, no reading from
 * IndexedDB, no framework: what any editor pays whose element holds the whole text, as Document
 * text must (CONTRACT.md: its textContent is the document's text). Timed from the start of the
 * insertion to the task after the next frame, as `document-rendered` is.
 */
export async function measureRenderFloor(page: Page, text: string, runs: number): Promise<number[]> {
  const html = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>render floor</title>
<style>body{margin:0}#host{height:100vh;overflow:auto;padding:8px 32px 48px}
#text{max-width:52em;margin:0 auto;font-size:17px;line-height:2.3;white-space:pre-wrap;overflow-wrap:anywhere;padding:20px 28px}
#text>div{content-visibility:auto;contain-intrinsic-size:auto 80px}</style>
</head><body><main id="host"></main></body></html>`;
  // A blank document, not a path on the app's origin: the app's service worker would answer that
  // with the app.
  await page.goto('about:blank');
  await page.setContent(html);
  return page.evaluate(
    async ({ text, runs }) => {
      const host = document.getElementById('host');
      if (!host) throw new Error('no host element on the floor page');
      const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const times: number[] = [];
      for (let run = 0; run < runs; run++) {
        host.replaceChildren();
        await painted();
        const started = performance.now();
        const element = document.createElement('div');
        element.id = 'text';
        let start = 0;
        while (start < text.length) {
          const newline = text.indexOf('\n', start);
          const end = newline === -1 ? text.length : newline + 1;
          const block = document.createElement('div');
          block.textContent = text.slice(start, end);
          element.append(block);
          start = end;
        }
        host.append(element);
        await painted();
        times.push(performance.now() - started);
      }
      return times;
    },
    { text, runs },
  );
}
