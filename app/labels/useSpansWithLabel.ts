import { useLiveQuery } from 'dexie-react-hooks';
import { countSpansWithLabel } from '../../src/db';
import { useWorkbench } from '../store';

/** How many spans (every annotator) carry `label` in the current project; undefined while counting. */
export function useSpansWithLabel(label: string): number | undefined {
  const projectId = useWorkbench((state) => state.projectId);
  return useLiveQuery(async () => (projectId === null ? 0 : countSpansWithLabel(projectId, label)), [projectId, label]);
}
