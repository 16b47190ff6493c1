import { checkOwnAnnotatorName, type OwnAnnotatorName } from '../../src/core/annotators';
import type { DocumentStatus } from '../../src/core/types';
import { documentIdsWithStatus, ensureDefaultProject, getAnnotation, getDocument, listDocumentIds, nextDocumentNotDone, rollBackAbandonedImports, setNote, setStatus, SETTLED } from '../../src/db';
import { adjacentDocument, listedDocuments, type ListedDocuments } from '../documents/listedDocuments';
import { readOpening } from '../hooks/openingRead';
import { loadLanguage, rememberLanguage, translate, type Language } from '../i18n';
import { currentRoute, onRouteChange, rememberDocument, rememberedDocument, writeRoute, type HistoryMode } from '../routing/location';
import { sameRoute, type View } from '../routing/route';
import { useWorkbench } from '../store';
import { storeAnnotator } from '../store/sessionSlice';
import { loadHistoryFor, recordChange } from './history';
import { showNotice } from './notices';

/** Prepares the workspace on start: repairs interrupted imports, opens the default project. */
export async function startWorkbench(): Promise<void> {
  await rollBackAbandonedImports();
  const project = await ensureDefaultProject();
  useWorkbench.setState({ projectId: project.id });
  followHistoryOwner();
  // Ask the browser not to evict the workspace under storage pressure.
  void navigator.storage.persist();
  onRouteChange(() => void followRoute());
  await landOnRoute(project.id);
}

/** `documentId` when it names a document of this project; undefined for anything else a hash may hold. */
async function inProject(projectId: string, documentId: string | null): Promise<string | undefined> {
  if (documentId === null) return undefined;
  return (await getDocument(documentId))?.projectId === projectId ? documentId : undefined;
}

/**
 * The first landing (a reload, a reopened tab, a shared link): the document the hash names, or the
 * first one when the project has no such document; without a document in the hash, the one this
 * browser last had open in the project (resume), else the first. The URL is replaced, not pushed:
 * Back then leaves the app as it would leave any page.
 */
async function landOnRoute(projectId: string): Promise<void> {
  const route = currentRoute();
  useWorkbench.setState({ view: route.view });
  const wanted = route.documentId ?? rememberedDocument(projectId);
  const target = (await inProject(projectId, wanted)) ?? (await listDocumentIds(projectId))[0];
  // An import that finished meanwhile has opened its first document: that stays.
  if (useWorkbench.getState().documentId !== null) return;
  if (target === undefined) writeRoute({ view: route.view, documentId: null }, 'replace');
  else openDocument(target, 'replace');
}

/**
 * Back, Forward or an edited hash: opens the document the URL now names, without adding a history
 * entry (the browser has moved already). A hash naming no document of the project keeps the open
 * one and is corrected in place.
 */
export async function followRoute(): Promise<void> {
  const route = currentRoute();
  const { projectId, documentId, view } = useWorkbench.getState();
  if (projectId === null) return; // Still starting: landOnRoute reads the hash.
  if (route.view !== view) useWorkbench.setState({ view: route.view });
  if (route.documentId === documentId) return;
  const found = await inProject(projectId, route.documentId);
  // popstate and hashchange both call this, and the user may have moved on while it read.
  if (!sameRoute(currentRoute(), route)) return;
  const open = useWorkbench.getState().documentId;
  if (found !== undefined) {
    if (open !== found) openDocument(found, 'none');
  } else {
    writeRoute({ view: route.view, documentId: open }, 'replace');
  }
}

/**
 * Opens a document and records it: remembered for the next visit, and in the URL. By default a
 * new history entry when another document was open (list click, Next/Previous, done-and-next), so
 * Back returns to it; the URL is replaced when none was.
 */
export function openDocument(documentId: string, mode?: HistoryMode): void {
  const { projectId, documentId: previous, view, annotator } = useWorkbench.getState();
  // Its reads go out first: the store update below has React render at once, and the open text
  // and layer, which share this read, would otherwise issue it only once that render is done.
  void readOpening(documentId, annotator);
  useWorkbench.setState({ documentId, focusedSpanId: null, notice: null, confirmingEmptyDone: false });
  if (projectId !== null) rememberDocument(projectId, documentId);
  writeRoute({ view, documentId }, mode ?? (previous === null ? 'replace' : 'push'));
}

/**
 * Switches the main view (the top bar's Annotate, Review and Agreement buttons), keeping the open
 * document, with a history entry so that Back returns to the view before.
 */
export function openView(view: View): void {
  const { documentId } = useWorkbench.getState();
  useWorkbench.setState({ view });
  writeRoute({ view, documentId }, 'push');
}

/** Keeps the undo stacks those of the project and annotator on screen, from now on. */
function followHistoryOwner(): void {
  const load = ({ projectId, annotator }: { projectId: string | null; annotator: string }) => {
    if (projectId !== null) void loadHistoryFor(projectId, annotator);
  };
  load(useWorkbench.getState());
  useWorkbench.subscribe((state, previous) => {
    if (state.projectId !== previous.projectId || state.annotator !== previous.annotator) load(state);
  });
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

export async function setLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await loadLanguage(language);
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
 * The next document this annotator has neither marked done nor skipped (set aside), wrapping
 * around: among those the list shows, and in the whole project when none of those is left (a
 * list of done documents, say).
 */
export async function openNextNotDone(): Promise<void> {
  const { projectId, documentId, annotator } = useWorkbench.getState();
  if (projectId === null) return;
  const listed = listedDocuments();
  let next: string | undefined;
  if (listed?.shown) {
    const settled = await documentIdsWithStatus(projectId, annotator, SETTLED);
    next = adjacentDocument(
      listed.shown.filter((id) => !settled.has(id)),
      positions(listed.all),
      documentId,
      1,
      true,
    );
  }
  if (next === documentId) next = undefined;
  if (next === undefined) {
    const from = documentId === null ? -1 : ((await getDocument(documentId))?.order ?? -1);
    next = await nextDocumentNotDone(projectId, annotator, from);
  }
  if (next !== undefined) {
    openDocument(next);
    return;
  }
  // Nothing else is left: say so when the open document is done too (a skipped one is set aside).
  const open = documentId === null ? undefined : await getAnnotation(documentId, annotator);
  if (documentId === null || open?.status === 'done' || open?.status === 'skipped') {
    showNotice('info', translate(useWorkbench.getState().language, 'flow.allDone'));
  }
}

/** Sets the open document's status as one undo step; returns whether it changed. */
async function setOpenStatus(status: DocumentStatus): Promise<boolean> {
  const { documentId, annotator } = useWorkbench.getState();
  if (documentId === null) return false;
  const change = await setStatus(documentId, annotator, status);
  if (change) recordChange({ layers: [change] });
  return change !== null;
}

/**
 * Marks the open document done and moves on to the next one not done (Enter). A document
 * without spans is more often untouched than finished: unless `confirmed`, the header asks first.
 */
export async function markDoneAndContinue(confirmed = false): Promise<void> {
  const { documentId, annotator } = useWorkbench.getState();
  if (documentId === null) return;
  if (!confirmed && ((await getAnnotation(documentId, annotator))?.spans.length ?? 0) === 0) {
    useWorkbench.setState({ confirmingEmptyDone: true });
    return;
  }
  useWorkbench.setState({ confirmingEmptyDone: false });
  await setOpenStatus('done');
  await openNextNotDone();
}

export function cancelEmptyDone(): void {
  useWorkbench.setState({ confirmingEmptyDone: false });
}

/** Skip: the open document is set aside (status skipped, undoable) and the next one not done opens. */
export async function skipAndContinue(): Promise<void> {
  await setOpenStatus('skipped');
  await openNextNotDone();
}

/** Takes a skipped document back into work. */
export async function unskip(): Promise<void> {
  await setOpenStatus('in-progress');
}

/** Sets (or, with '', removes) this annotator's note on the open document, as one undo step. */
export async function saveNote(note: string): Promise<void> {
  const { documentId, annotator } = useWorkbench.getState();
  if (documentId === null) return;
  const change = await setNote(documentId, annotator, note);
  if (change) recordChange({ layers: [change] });
}

export async function toggleDone(done: boolean): Promise<void> {
  await setOpenStatus(done ? 'done' : 'in-progress');
}
