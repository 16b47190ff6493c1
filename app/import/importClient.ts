import { wrap, type Remote } from 'comlink';
import type { ImportWorkerApi } from '../../src/workers/import.worker';

let worker: Remote<ImportWorkerApi> | null = null;

/** The import worker, started on first use and kept for later imports. */
export function importWorker(): Remote<ImportWorkerApi> {
  worker ??= wrap<ImportWorkerApi>(new Worker(new URL('../../src/workers/import.worker.ts', import.meta.url), { type: 'module', name: 'spanwright-import' }));
  return worker;
}
