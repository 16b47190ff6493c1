import { useEffect } from 'react';
import type { Criterion } from '../../src/db';
import { useWorkbench } from '../store';
import { markIndexWarmed } from './filteredMark';
import { searchWorker } from './searchClient';

/** Long enough after the last change (an import's batches, a new label) to call the workspace quiet. */
const QUIET_MS = 1_500;
/** Label-in-someone's-layer pairs asked ahead at most; past that, a pair's first use asks it. */
const MAX_PAIRS = 16;

const LIST = '\u0001';
const split = (list: string) => (list === '' ? [] : list.split(LIST));

/**
 * Once the workspace is quiet, has the search worker ask ahead what the filters offer, so even a
 * filter's first use answers from memory: this annotator's statuses, each label in anyone's
 * layer, each annotator's layer, the titles (for search), then each label in each annotator's
 * layer (up to MAX_PAIRS). Not on a filter change: IndexedDB serves one read at a time, so a
 * warm-up read would hold up the list's own. The worker reads keys, never rows, one index at a
 * time; a span saved meanwhile may wait for the read in progress (some hundreds of milliseconds
 * at 100,000 documents, once per criterion and session).
 */
export function useWarmIndex(projectId: string, annotator: string, labels: readonly string[], annotators: readonly string[], documents: number): void {
  const labelList = labels.join(LIST);
  const annotatorList = annotators.join(LIST);
  // An import is not quiet: its writes would wait for these reads, and it changes every answer.
  const importing = useWorkbench((state) => state.importPhase === 'running');

  useEffect(() => {
    if (importing) return;
    let current = true;
    const timer = setTimeout(() => {
      const labelNames = split(labelList);
      const layerOwners = split(annotatorList);
      const criteria: Criterion[] = [
        ...(['in-progress', 'done', 'skipped'] as const).map((status): Criterion => ({ kind: 'status', annotator, status })),
        ...labelNames.map((label): Criterion => ({ kind: 'label', label, annotator: null })),
        ...layerOwners.map((name): Criterion => ({ kind: 'layer', annotator: name })),
      ];
      const pairs = layerOwners.flatMap((name) => labelNames.map((label): Criterion => ({ kind: 'label', label, annotator: name }))).slice(0, MAX_PAIRS);
      const worker = searchWorker();
      Promise.all([worker.warm(projectId, criteria, true), worker.warm(projectId, pairs, false)]).then(
        ([first, second]) => {
          if (current) markIndexWarmed([...first, ...second]);
        },
        (error: unknown) => console.error('warming the documents index failed', error),
      );
    }, QUIET_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [projectId, annotator, labelList, annotatorList, documents, importing]);
}
