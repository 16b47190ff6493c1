import { importThroughUi } from '../lib/app';
import { manyDocuments } from '../lib/corpus';
import { HeapSampler } from '../lib/heap';
import { longTasksBetween } from '../lib/probe';
import { loadSentencePool } from '../lib/sentences';
import { int, megabytes, ms, seconds } from '../lib/stats';
import type { Measure, Row } from '../lib/types';

const DOCUMENTS = 100_000;
const BUDGET_MS = 5_000;
const LONG_TASK_BUDGET_MS = 50;

/** Issue 13: export 100,000 annotated documents in the browser ≤ 5 s, memory bounded, main thread free. */
export const export100k: Measure = {
  name: 'export-100k',
  description: 'Export 100,000 annotated documents (the import-100k corpus) as CoNLL BIO from the Export dialog',
  timeoutMs: 15 * 60_000,
  async run(ctx) {
    const pool = loadSentencePool(ctx.repoRoot, ctx.sharedDir);
    const corpus = manyDocuments(ctx.corporaDir, pool, { documents: DOCUMENTS, lineBytes: 1_000, seed: 20_240_601 });
    const session = await ctx.newSession();
    const { page } = session;
    await importThroughUi(page, [corpus.path], { analyseTimeoutMs: 180_000, importTimeoutMs: 10 * 60_000, pollingMs: 500 });
    const heap = await HeapSampler.attach(session.cdp);
    const rows: Row[] = [];
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    // The corpus's layers are the annotator `bench`'s.
    await dialog.getByRole('combobox', { name: 'Annotator' }).selectOption({ label: 'bench' });
    for (const format of ['CoNLL BIO', 'Spanwright JSONL']) {
      await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: format });
      const previewStarted = Date.now();
      await dialog.getByRole('status').filter({ hasText: /documents, .* spans/ }).waitFor({ timeout: 300_000 });
      const previewMs = Date.now() - previewStarted;
      await page.evaluate(() => (globalThis as { gc?: () => void }).gc?.());
      heap.start(100);
      const downloading = page.waitForEvent('download', { timeout: 120_000 });
      const clickedAt = await page.evaluate(() => performance.now());
      await dialog.getByRole('button', { name: 'Download' }).click();
      const download = await downloading;
      const finishedAt = await page.evaluate(() => performance.now());
      const peaks = heap.stop();
      const size = (await download.createReadStream()).readableLength;
      const tasks = await longTasksBetween(page, clickedAt, finishedAt);
      const longest = tasks.reduce((most, task) => Math.max(most, task.duration), 0);
      const workerPeak = Math.max(0, ...Object.values(peaks.workers));
      const elapsed = finishedAt - clickedAt;
      ctx.detail(`export100k.${format}`, { elapsed, previewMs, tasks, peaks, size, file: download.suggestedFilename() });
      rows.push(
        { measure: `export-100k: ${format} (click Download → download)`, budget: `≤ ${BUDGET_MS / 1000} s`, result: seconds(elapsed), ok: elapsed <= BUDGET_MS },
        { measure: `export-100k: ${format} preview (N documents, M spans)`, budget: '', result: seconds(previewMs), ok: null },
        { measure: `export-100k: ${format} longest main-thread task`, budget: `≤ ${LONG_TASK_BUDGET_MS} ms`, result: `${ms(longest)} (${tasks.length} long tasks)`, ok: longest <= LONG_TASK_BUDGET_MS },
        { measure: `export-100k: ${format} heap peak (page / export worker)`, budget: '', result: `${megabytes(peaks.main)} / ${megabytes(workerPeak)}`, ok: null },
      );
    }
    rows.unshift({ measure: 'export-100k: corpus', budget: '', result: `${int(corpus.documents)} docs, ${int(corpus.spans)} spans`, ok: null });
    return rows;
  },
};
