import { importedDocuments, importThroughUi } from '../lib/app';
import { manyDocuments } from '../lib/corpus';
import { profiled } from '../lib/cpuProfile';
import { HeapSampler } from '../lib/heap';
import { longTasksBetween } from '../lib/probe';
import { loadSentencePool } from '../lib/sentences';
import { int, megabytes, ms, seconds } from '../lib/stats';
import type { Measure, Row } from '../lib/types';
import { WorkerProfiler } from '../lib/workerProfile';
import type { Page } from '@playwright/test';

/**
 * The floor under the import, in the same browser and run: the same file read and every line
 * parsed, then texts and spans written bare into IndexedDB, 100 documents a record, in
 * transactions of 2,500 documents. Nothing the app adds (hashes, titles, layers, journal).
 */
async function importFloor(page: Page, file: string): Promise<number> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-floor-file';
    input.hidden = true;
    document.body.append(input);
  });
  await page.locator('#bench-floor-file').setInputFiles(file);
  return page.evaluate(async () => {
    const input = document.getElementById('bench-floor-file') as HTMLInputElement;
    const chosen = input.files?.[0];
    if (!chosen) throw new Error('no file for the floor');
    const started = performance.now();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(`bench-floor-${String(Date.now())}`, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('pages', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error('open failed'));
    });
    let pages: { id: number; texts: string[]; spans: unknown[] }[] = [];
    let page: { id: number; texts: string[]; spans: unknown[] } = { id: 0, texts: [], spans: [] };
    let documents = 0;
    const flush = () =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction('pages', 'readwrite');
        for (const each of pages) tx.objectStore('pages').put(each);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(new Error('write failed'));
        pages = [];
      });
    const reader = chosen.stream().pipeThrough(new TextDecoderStream()).getReader();
    let rest = '';
    for (;;) {
      const { value, done } = await reader.read();
      const chunk = rest + (value ?? '');
      const lines = chunk.split('\n');
      rest = done ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        if (line.trim() === '') continue;
        const record = JSON.parse(line) as { text: string; spans?: unknown[] };
        page.texts.push(record.text);
        page.spans.push(record.spans ?? []);
        if (++documents % 100 === 0) {
          pages.push(page);
          page = { id: documents, texts: [], spans: [] };
          if (pages.length === 25) await flush();
        }
      }
      if (done) break;
    }
    if (page.texts.length > 0) pages.push(page);
    if (pages.length > 0) await flush();
    db.close();
    return performance.now() - started;
  });
}

const DOCUMENTS = 100_000;
const IMPORT_WORKER = 'spanwright-import';
const BUDGET_MS = 10_000;
const LONG_TASK_BUDGET_MS = 50;

/** DESIGN.md: import 100,000 documents (~100 MB JSONL) ≤ 10 s, progress shown, main thread never blocked > 50 ms. */
export const import100k: Measure = {
  name: 'import-100k',
  description: 'import 100,000 documents (~100 MB Spanwright JSONL) through the Import dialog',
  timeoutMs: 15 * 60_000,
  async run(ctx) {
    const pool = loadSentencePool(ctx.repoRoot, ctx.sharedDir);
    ctx.log(`corpus: ${pool.description}`);
    const started = Date.now();
    const corpus = manyDocuments(ctx.corporaDir, pool, { documents: DOCUMENTS, lineBytes: 1_000, seed: 20_240_601 });
    ctx.log(`${corpus.generated ? 'generated' : 'reusing'} ${corpus.path} (${megabytes(corpus.bytes)}, ${int(corpus.spans)} spans${corpus.generated ? `, ${((Date.now() - started) / 1000).toFixed(1)} s` : ''})`);

    const session = await ctx.newSession();
    const { page } = session;
    const heap = await HeapSampler.attach(session.cdp);
    // BENCH_PROFILE: the import worker from its first line to the end of the analysis, then the import.
    const profiler = await WorkerProfiler.attach(session.cdp, [IMPORT_WORKER]);
    const floorMs = await importFloor(page, corpus.path);
    const outcome = await profiled(page, 'import-main', () =>
      importThroughUi(page, [corpus.path], {
        analyseTimeoutMs: 180_000,
        importTimeoutMs: 10 * 60_000,
        pollingMs: 500,
        beforeClick: async () => {
          await profiler?.stop(IMPORT_WORKER, 'import-worker-analysis');
          await page.evaluate(() => (globalThis as { gc?: () => void }).gc?.());
          await profiler?.start(IMPORT_WORKER);
          heap.start(100);
        },
      }),
    );
    const peaks = heap.stop();
    await profiler?.stop(IMPORT_WORKER, 'import-worker-import');
    const elapsed = outcome.finishedAt - outcome.clickedAt;
    const analysed = outcome.enabledAt - outcome.chosenAt;
    // From choosing the file (the dialog's analysis included) to the end of the import, less the
    // bench's own pause between the Import button's enabling and its click (samplers, gc).
    const fromChoice = analysed + elapsed;
    const tasks = await longTasksBetween(page, outcome.chosenAt, outcome.finishedAt);
    const longest = tasks.reduce((most, task) => Math.max(most, task.duration), 0);
    const over = tasks.filter((task) => task.duration > LONG_TASK_BUDGET_MS).length;
    // Total blocking time: the part of each long task beyond 50 ms.
    const blocking = tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0);
    const shown = importedDocuments(outcome.status);
    const workerPeak = Math.max(0, ...Object.values(peaks.workers));
    ctx.detail('corpus', corpus);
    ctx.detail('importMs', elapsed);
    ctx.detail('analysisMs', analysed);
    ctx.detail('pauseBeforeClickMs', outcome.clickedAt - outcome.enabledAt);
    ctx.detail('markDetail', outcome.detail);
    ctx.detail('status', outcome.status);
    ctx.detail('longTasks', tasks);
    ctx.detail('heapPeaks', peaks);
    if (session.errors.length > 0) ctx.detail('pageErrors', session.errors);

    const rows: Row[] = [
      {
        measure: 'import-100k: corpus',
        budget: '~100 MB',
        result: `${int(corpus.documents)} docs, ${int(corpus.spans)} spans, ${megabytes(corpus.bytes)}, ~${int(Number(corpus.extra.averageChars))} chars/doc`,
        ok: null,
      },
      { measure: 'import-100k: floor (parse every line, write texts and spans bare in pages of 100)', budget: '', result: seconds(floorMs), ok: null },
      {
        measure: 'import-100k: time (choose file → import-finished, analysis included)',
        budget: '≤ 2× floor',
        result: `${seconds(fromChoice)} (${(fromChoice / floorMs).toFixed(1)}× floor; choose → Import enabled ${seconds(analysed)}, click Import → finished ${seconds(elapsed)})`,
        ok: fromChoice <= 2 * floorMs && fromChoice <= BUDGET_MS,
      },
      {
        measure: 'import-100k: throughput',
        budget: '',
        result: `${int(DOCUMENTS / (elapsed / 1000))} docs/s, ${(corpus.bytes / 1e6 / (elapsed / 1000)).toFixed(1)} MB/s`,
        ok: null,
      },
      {
        measure: 'import-100k: longest main-thread task (file choice → import end)',
        budget: `≤ ${LONG_TASK_BUDGET_MS} ms`,
        result: `${ms(longest)} (${over} tasks > ${LONG_TASK_BUDGET_MS} ms, ${seconds(blocking)} blocking in all)`,
        ok: longest <= LONG_TASK_BUDGET_MS,
      },
      { measure: 'import-100k: progress bar shown', budget: 'shown', result: outcome.progressShown ? 'yes' : 'no', ok: outcome.progressShown },
      {
        measure: 'import-100k: documents in status line',
        budget: int(DOCUMENTS),
        result: shown === null ? `unreadable: "${outcome.status}"` : `${int(shown)} (mark: ${int(outcome.detail.documents ?? Number.NaN)} docs, ${int(outcome.detail.spans ?? Number.NaN)} spans)`,
        ok: shown === DOCUMENTS && outcome.detail.documents === DOCUMENTS,
      },
      {
        measure: 'import-100k: peak JS heap during import',
        budget: '',
        result: `page ${megabytes(peaks.main)}, import worker ${megabytes(workerPeak)}`,
        ok: null,
      },
    ];
    return rows;
  },
};
