import { liveQuery } from 'dexie';
import { listAnnotators } from './annotations';

/**
 * Calls `next` with everyone who has a layer in the project (sorted, `gold` included), then
 * again whenever that may have changed, from this tab, another tab or a worker. One subscription
 * can serve every component that needs the names. Returns the unsubscribe function.
 */
export function watchAnnotators(projectId: string, next: (names: string[]) => void, error: (reason: unknown) => void): () => void {
  const subscription = liveQuery(() => listAnnotators(projectId)).subscribe({ next, error });
  return () => subscription.unsubscribe();
}
