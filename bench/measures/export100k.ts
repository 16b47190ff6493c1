import type { Page } from '@playwright/test';
import { importThroughUi } from '../lib/app';
import { manyDocuments } from '../lib/corpus';
import { profiled } from '../lib/cpuProfile';
import { HeapSampler, workerPeaks } from '../lib/heap';
import { longTasksBetween } from '../lib/probe';
import { loadSentencePool } from '../lib/sentences';
import { int, megabytes, ms, seconds } from '../lib/stats';
import type { Measure, Row } from '../lib/types';
import { WorkerProfiler } from '../lib/workerProfile';

/** 100,000; `BENCH_EXPORT_DOCUMENTS` sets fewer when profiling on a busy machine. */
const DOCUMENTS = Number(process.env.BENCH_EXPORT_DOCUMENTS ?? 100_000);
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
    const profiler = await WorkerProfiler.attach(session.cdp);
    const worker = <T>(name: string, work: () => Promise<T>): Promise<T> => (profiler ? profiler.profile('spanwright-export', name, work) : work());
    const floor = await bareRead(page);
    const rows: Row[] = [];
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    // The corpus's layers are the annotator `bench`'s.
    await dialog.getByRole('combobox', { name: 'Annotator' }).selectOption({ label: 'bench' });
    for (const format of ['CoNLL BIO', 'Spanwright JSONL']) {
      const previewStarted = Date.now();
      await worker(`export-preview-${format}`, async () => {
        await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: format });
        await dialog.getByRole('status').filter({ hasText: /documents, .* spans/ }).waitFor({ timeout: 300_000 });
      });
      const previewMs = Date.now() - previewStarted;
      await page.evaluate(() => (globalThis as { gc?: () => void }).gc?.());
      heap.start(100);
      const downloading = page.waitForEvent('download', { timeout: 120_000 });
      const clickedAt = await page.evaluate(() => performance.now());
      const download = await worker(`export-download-${format}`, () =>
        profiled(page, `export-main-${format}`, async () => {
          await dialog.getByRole('button', { name: 'Download' }).click();
          return downloading;
        }),
      );
      const finishedAt = await page.evaluate(() => performance.now());
      const peaks = heap.stop();
      const size = (await download.createReadStream()).readableLength;
      const tasks = await longTasksBetween(page, clickedAt, finishedAt);
      const longest = tasks.reduce((most, task) => Math.max(most, task.duration), 0);
      const workers = workerPeaks(peaks, 'spanwright-export');
      const elapsed = finishedAt - clickedAt;
      ctx.detail(`export100k.${format}`, { elapsed, previewMs, tasks, peaks, size, file: download.suggestedFilename() });
      rows.push(
        { measure: `export-100k: ${format} (click Download → download)`, budget: `≤ ${BUDGET_MS / 1000} s`, result: `${seconds(elapsed)} (${(elapsed / floor).toFixed(1)}× the bare read)`, ok: elapsed <= BUDGET_MS },
        { measure: `export-100k: ${format} preview (N documents, M spans)`, budget: '', result: seconds(previewMs), ok: null },
        { measure: `export-100k: ${format} longest main-thread task`, budget: `≤ ${LONG_TASK_BUDGET_MS} ms`, result: `${ms(longest)} (${tasks.length} long tasks)`, ok: longest <= LONG_TASK_BUDGET_MS },
        { measure: `export-100k: ${format} heap peak (page / export worker; largest other worker)`, budget: '', result: `${megabytes(peaks.main)} / ${megabytes(workers.own)}; ${megabytes(workers.others)}`, ok: null },
      );
    }
    rows.unshift(
      { measure: 'export-100k: corpus', budget: '', result: `${int(corpus.documents)} docs, ${int(corpus.spans)} spans`, ok: null },
      { measure: 'export-100k: floor: bare IndexedDB read of the pages (texts, documents, layers), 50 pages at a time', budget: '', result: seconds(floor), ok: null },
    );
    return rows;
  },
};

/**
 * The floor under an export: reading the same records (every page's texts, document rows and
 * layers) with bare IndexedDB `getAll`s over key ranges of 50 pages, as the export reads them,
 * and nothing else. On the page's main thread: the app's Content-Security-Policy allows no
 * worker from a blob: URL, and the reads are IndexedDB's work either way.
 */
async function bareRead(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('request failed'));
      });
    const db = await request(indexedDB.open('spanwright'));
    const started = performance.now();
    const pageIds = (await request(db.transaction(['pages'], 'readonly').objectStore('pages').getAllKeys())).sort();
    for (let at = 0; at < pageIds.length; at += 50) {
      const first = pageIds[at] as IDBValidKey;
      const last = pageIds[Math.min(at + 49, pageIds.length - 1)] as IDBValidKey;
      const read = db.transaction(['pageTexts', 'pageDocuments', 'pageLayers'], 'readonly');
      await Promise.all([
        request(read.objectStore('pageTexts').getAll(IDBKeyRange.bound(first, last))),
        request(read.objectStore('pageDocuments').getAll(IDBKeyRange.bound(first, last))),
        request(read.objectStore('pageLayers').getAll(IDBKeyRange.bound([first], [last, []]))),
      ]);
    }
    const elapsed = performance.now() - started;
    db.close();
    return elapsed;
  });
}
