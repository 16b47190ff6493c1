import { useLiveQuery } from 'dexie-react-hooks';
import { type DocumentRow, getDocument, getProject, getText, type ProjectRow } from '../../src/db';
import { useWorkbench } from '../store';

/** Live reads of persisted data: components re-render when IndexedDB changes, from any tab or worker. */

export function useProject(): ProjectRow | undefined {
  const projectId = useWorkbench((state) => state.projectId);
  return useLiveQuery(async () => (projectId === null ? undefined : getProject(projectId)), [projectId]);
}

export function useOpenDocument(): DocumentRow | undefined {
  const documentId = useWorkbench((state) => state.documentId);
  return useLiveQuery(async () => (documentId === null ? undefined : getDocument(documentId)), [documentId]);
}

/** The open document's text; `undefined` while loading. Text never changes, so it is read once. */
export function useOpenText(): { documentId: string; text: string } | undefined {
  const documentId = useWorkbench((state) => state.documentId);
  return useLiveQuery(async () => {
    if (documentId === null) return undefined;
    const text = await getText(documentId);
    return text === undefined ? undefined : { documentId, text };
  }, [documentId]);
}
