import { useEffect, useState } from 'react';
import type { Snippet } from '../../src/core/snippet';
import { searchWorker } from './searchClient';

type Found = { key: string; byId: ReadonlyMap<string, Snippet> };

/**
 * Where the search query occurs in each entry on screen, read by the search worker (texts never
 * cross to this thread). Empty while the query is blank or the answer for these entries is pending.
 */
export function useSearchSnippets(visibleIds: readonly string[], query: string): ReadonlyMap<string, Snippet> {
  const needle = query.trim();
  const key = needle === '' ? '' : `${needle}\u0001${visibleIds.join(',')}`;
  const [found, setFound] = useState<Found | null>(null);
  useEffect(() => {
    if (key === '') return;
    let live = true;
    const ids = [...visibleIds];
    searchWorker()
      .snippets(ids, needle)
      .then((snippets) => {
        if (!live) return;
        const byId = new Map<string, Snippet>();
        snippets.forEach((snippet, i) => {
          const id = ids[i];
          if (snippet && id !== undefined) byId.set(id, snippet);
        });
        setFound({ key, byId });
      })
      .catch((error: unknown) => console.error('search snippets failed', error));
    return () => {
      live = false;
    };
    // `key` names the ids and the query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return found !== null && found.key === key ? found.byId : NONE;
}

const NONE: ReadonlyMap<string, Snippet> = new Map();
