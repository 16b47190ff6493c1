import { proxy } from 'comlink';
import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import type { SearchUpdate } from '../../src/workers/searchTypes';
import { searchWorker } from './searchClient';

export interface TextSearch {
  /** Ids found so far: the list shows them while the scan goes on. */
  found: ReadonlySet<string>;
  scanned: number;
  total: number;
  done: boolean;
  /** Nothing reported yet for this query (the previous query's finds are not shown). */
  pending: boolean;
}

type Progress = Omit<TextSearch, 'pending'>;

/** Searches remembered: typing a query again (or undoing a keystroke) answers at once. */
const KEEP = 4;
const NOTHING_YET: ReadonlySet<string> = new Set();

function remember(results: ReadonlyMap<string, Progress>, key: string, update: SearchUpdate): Map<string, Progress> {
  const before = results.get(key)?.found ?? NOTHING_YET;
  // A fresh set per report: React sees the change, and earlier renders keep what they showed.
  const found = update.found.length === 0 ? before : new Set([...before, ...update.found]);
  const next = new Map(results);
  next.delete(key);
  next.set(key, { found, scanned: update.scanned, total: update.total, done: update.done });
  for (const oldest of next.keys()) {
    if (next.size <= KEEP) break;
    next.delete(oldest);
  }
  return next;
}

/**
 * Searches the project's titles and texts for `query` in the search worker, with progressive
 * results. A new query (or unmount) cancels the running scan. `generation` names the project's
 * document set, so the search runs again when an import changes it; texts never change otherwise,
 * so a finished search is kept and reused. Null when the query is blank.
 */
export function useTextSearch(projectId: string | null, query: string, generation: string): TextSearch | null {
  const needle = query.trim();
  const key = projectId === null || needle === '' ? null : `${projectId}\u0001${generation}\u0001${needle}`;
  const [results, setResults] = useState<ReadonlyMap<string, Progress>>(() => new Map());
  const finished = useEffectEvent((searchKey: string) => results.get(searchKey)?.done === true);

  useEffect(() => {
    if (projectId === null || needle === '') return;
    const searchKey = `${projectId}\u0001${generation}\u0001${needle}`;
    if (finished(searchKey)) return;
    let live = true;
    const onUpdate = (update: SearchUpdate) => {
      if (live) setResults((current) => remember(current, searchKey, update));
    };
    searchWorker()
      .search(projectId, needle, proxy(onUpdate))
      .catch((error: unknown) => {
        // A failed scan ends the search with what it found; the console keeps the reason.
        console.error('text search failed', error);
        onUpdate({ found: [], scanned: 0, total: 0, done: true });
      });
    return () => {
      live = false;
      void searchWorker().cancel();
    };
  }, [projectId, needle, generation]);

  const progress = key === null ? undefined : results.get(key);
  // Memoised, so the list re-filters only when a report arrives.
  return useMemo(() => {
    if (key === null) return null;
    if (progress === undefined) return { found: NOTHING_YET, scanned: 0, total: 0, done: false, pending: true };
    return { ...progress, pending: false };
  }, [key, progress]);
}
