import { proxy, wrap, type Remote } from 'comlink';
import type { SearchWorkerApi } from '../../src/workers/search.worker';

let worker: Remote<SearchWorkerApi> | null = null;
const listeners = new Set<() => void>();

/** The Documents list's worker (filters and search), started on first use and kept. */
export function searchWorker(): Remote<SearchWorkerApi> {
  if (worker === null) {
    worker = wrap<SearchWorkerApi>(new Worker(new URL('../../src/workers/search.worker.ts', import.meta.url), { type: 'module', name: 'spanwright-search' }));
    void worker.watch(
      proxy(() => {
        for (const listener of listeners) listener();
      }),
    );
  }
  return worker;
}

/**
 * Calls `listener` when a write may have changed the worker's filter answers. Listening does not
 * start the worker: until something asks it, it holds no answers to change.
 */
export function onFilterAnswersChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
