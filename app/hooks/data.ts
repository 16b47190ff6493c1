import { useLiveQuery } from 'dexie-react-hooks';
import { getProject, type ProjectRow } from '../../src/db';
import { useWorkbench } from '../store';

/** Live reads of persisted data: components re-render when IndexedDB changes, from any tab or worker. */

export function useProject(): ProjectRow | undefined {
  const projectId = useWorkbench((state) => state.projectId);
  return useLiveQuery(async () => (projectId === null ? undefined : getProject(projectId)), [projectId]);
}
