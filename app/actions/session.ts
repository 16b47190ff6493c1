import { setStatus } from '../../src/db/annotations';
import { getDocument, listDocumentIds, nextDocumentNotDone } from '../../src/db/documents';
import { ensureDefaultProject } from '../../src/db/projects';
import { rollBackAbandonedImports } from '../../src/db/importWriter';
import { rememberLanguage, type Language } from '../i18n';
import { useWorkbench } from '../store';
import { storeAnnotator } from '../store/sessionSlice';

/** Prepares the workspace on start: repairs interrupted imports, opens the default project. */
export async function startWorkbench(): Promise<void> {
  await rollBackAbandonedImports();
  const project = await ensureDefaultProject();
  useWorkbench.setState({ projectId: project.id });
  // Ask the browser not to evict the workspace under storage pressure.
  void navigator.storage.persist();
  const ids = await listDocumentIds(project.id);
  const first = ids[0];
  if (first !== undefined && useWorkbench.getState().documentId === null) openDocument(first);
}

export function openDocument(documentId: string): void {
  useWorkbench.setState({ documentId, focusedSpanId: null, notice: null });
}

export function setAnnotator(name: string): void {
  storeAnnotator(name);
  useWorkbench.setState({ annotator: name, focusedSpanId: null });
}

export function setLanguage(language: Language): void {
  rememberLanguage(language);
  useWorkbench.setState({ language });
}

export async function openAdjacentDocument(step: 1 | -1): Promise<void> {
  const { projectId, documentId } = useWorkbench.getState();
  if (projectId === null) return;
  const ids = await listDocumentIds(projectId);
  const at = documentId === null ? -1 : ids.indexOf(documentId);
  const target = ids[Math.min(ids.length - 1, Math.max(0, at + step))];
  if (target !== undefined) openDocument(target);
}

export async function openNextNotDone(): Promise<void> {
  const { projectId, documentId, annotator } = useWorkbench.getState();
  if (projectId === null) return;
  const from = documentId === null ? -1 : ((await getDocument(documentId))?.order ?? -1);
  const next = await nextDocumentNotDone(projectId, annotator, from);
  if (next !== undefined) openDocument(next);
}

/** Marks the open document done and moves on to the next one not done. */
export async function markDoneAndContinue(): Promise<void> {
  const { documentId, annotator } = useWorkbench.getState();
  if (documentId === null) return;
  await setStatus(documentId, annotator, 'done');
  await openNextNotDone();
}

export async function toggleDone(done: boolean): Promise<void> {
  const { documentId, annotator } = useWorkbench.getState();
  if (documentId === null) return;
  await setStatus(documentId, annotator, done ? 'done' : 'in-progress');
}
