import { checkOwnAnnotatorName, type OwnAnnotatorName } from '../../src/core/annotators';
import { documentIdsWithStatus, ensureDefaultProject, getDocument, listDocumentIds, nextDocumentNotDone, rollBackAbandonedImports, setStatus } from '../../src/db';
import { adjacentDocument, listedDocuments, type ListedDocuments } from '../documents/listedDocuments';
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

/**
 * Takes `input` as this browser's annotator name, normalised (see src/core/annotators.ts); a
 * blank name or `gold` is refused and the current name stays. Returns what was decided.
 */
export function setAnnotator(input: string): OwnAnnotatorName {
  const check = checkOwnAnnotatorName(input);
  if (!check.ok) return check;
  storeAnnotator(check.name);
  if (useWorkbench.getState().annotator !== check.name) useWorkbench.setState({ annotator: check.name, focusedSpanId: null });
  return check;
}

export function setLanguage(language: Language): void {
  rememberLanguage(language);
  useWorkbench.setState({ language });
}

function positions(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, index) => [id, index]));
}

/** The project's documents in reading order, and those the list shows (null: all of them). */
async function readingOrder(projectId: string): Promise<ListedDocuments> {
  return listedDocuments() ?? { all: await listDocumentIds(projectId), shown: null };
}

/** Previous / Next: through the documents the list shows (all of them when it is not filtered). */
export async function openAdjacentDocument(step: 1 | -1): Promise<void> {
  const { projectId, documentId } = useWorkbench.getState();
  if (projectId === null) return;
  const { all, shown } = await readingOrder(projectId);
  const target = adjacentDocument(shown ?? all, positions(all), documentId, step);
  if (target !== undefined) openDocument(target);
}

/**
 * The next document this annotator has not marked done, wrapping around: among those the list
 * shows, and in the whole project when none of those is left (a list of done documents, say).
 */
export async function openNextNotDone(): Promise<void> {
  const { projectId, documentId, annotator } = useWorkbench.getState();
  if (projectId === null) return;
  const listed = listedDocuments();
  let next: string | undefined;
  if (listed?.shown) {
    const done = await documentIdsWithStatus(projectId, annotator, ['done']);
    next = adjacentDocument(
      listed.shown.filter((id) => !done.has(id)),
      positions(listed.all),
      documentId,
      1,
      true,
    );
  }
  if (next === undefined) {
    const from = documentId === null ? -1 : ((await getDocument(documentId))?.order ?? -1);
    next = await nextDocumentNotDone(projectId, annotator, from);
  }
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
