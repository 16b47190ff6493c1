import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getAnnotation } from '../../src/db/annotations';
import { getDocument, getText } from '../../src/db/documents';
import { getProject } from '../../src/db/projects';
import type { AnnotationRow, DocumentRow, ProjectRow } from '../../src/db/schema';
import { useWorkbench } from '../store';
import { useRecentWrite } from './recentWrites';

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

/**
 * The current annotator's layer on the open document; `null` when there is none yet. A row this
 * tab has just written is used until the live query has read it back (see recentWrites.ts).
 */
export function useOpenAnnotation(): { documentId: string; row: AnnotationRow | null } | undefined {
  const documentId = useWorkbench((state) => state.documentId);
  const annotator = useWorkbench((state) => state.annotator);
  const written = useRecentWrite(documentId, annotator);
  const live = useLiveQuery(async () => {
    if (documentId === null) return undefined;
    return { documentId, row: (await getAnnotation(documentId, annotator)) ?? null };
  }, [documentId, annotator]);
  return useMemo(() => {
    if (!live || live.documentId !== documentId || !written) return live;
    // The same write read back is the same content: keep the written object, so nothing re-renders.
    if (live.row && live.row.updatedAt >= written.updatedAt) return live.row.updatedAt === written.updatedAt ? { documentId, row: written } : live;
    return { documentId, row: written };
  }, [live, written, documentId]);
}
