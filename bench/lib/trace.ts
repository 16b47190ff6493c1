import { appendFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** Tasks, their JavaScript, style, layout and paint, and the marks: enough to split a window, small enough to read back. */
const CATEGORIES = ['devtools.timeline', 'blink.user_timing'].join(',');

/**
 * A Chrome trace (open it in DevTools' Performance panel or summarise it with
 * `npx tsx bench/tools/traceWindows.ts`) around a stretch of a measure, written when `BENCH_TRACE`
 * names a folder. Unlike a CPU profile it shows the renderer's style, layout and paint and the
 * waits between tasks, so it can say where the time between a key press and a mark went. For
 * finding where time goes, never part of a result.
 */
export async function traced<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  const folder = process.env.BENCH_TRACE;
  if (!folder) return work();
  const session = await page.context().newCDPSession(page);
  await session.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
  try {
    return await work();
  } finally {
    const complete = new Promise<string>((resolve) => session.once('Tracing.tracingComplete', (event) => resolve(event.stream ?? '')));
    await session.send('Tracing.end');
    const stream = await complete;
    const file = `${folder}/${name}.json`;
    writeFileSync(file, '');
    for (;;) {
      const { data, eof, base64Encoded } = await session.send('IO.read', { handle: stream, size: 1 << 20 });
      appendFileSync(file, base64Encoded === true ? Buffer.from(data, 'base64') : data);
      if (eof) break;
    }
    await session.send('IO.close', { handle: stream });
    await session.detach();
  }
}
