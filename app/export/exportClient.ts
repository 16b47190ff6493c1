import { wrap, type Remote } from 'comlink';
import type { ExportWorkerApi } from '../../src/workers/export.worker';

let worker: Remote<ExportWorkerApi> | null = null;

export function exportWorker(): Remote<ExportWorkerApi> {
  worker ??= wrap<ExportWorkerApi>(new Worker(new URL('../../src/workers/export.worker.ts', import.meta.url), { type: 'module', name: 'spanwright-export' }));
  return worker;
}
