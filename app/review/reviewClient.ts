import { wrap, type Remote } from 'comlink';
import type { ReviewWorkerApi } from '../../src/workers/review.worker';

let worker: Remote<ReviewWorkerApi> | null = null;

/** The review worker (open clusters, merge previews), started on first use and kept. */
export function reviewWorker(): Remote<ReviewWorkerApi> {
  worker ??= wrap<ReviewWorkerApi>(new Worker(new URL('../../src/workers/review.worker.ts', import.meta.url), { type: 'module', name: 'spanwright-review' }));
  return worker;
}
