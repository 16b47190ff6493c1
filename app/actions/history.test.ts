import { beforeEach, describe, expect, it, vi } from 'vitest';
import { spanKey } from '../../src/core/spans';
import { dbTesting, ensureDefaultProject, getAnnotation, listDocumentIds, loadHistory, writeSpans } from '../../src/db';

// The store reads the page's address and locale when it is made: give Node both before importing it.
vi.stubGlobal('location', new URL('http://localhost/?lang=en'));
vi.stubGlobal('navigator', { language: 'en-US' });
const { useWorkbench } = await import('../store');
const { historySaved, loadHistoryFor, recordChange, undo } = await import('./history');

const TEXT = '刘艳霞在通州区工作';
const person = { start: 0, end: 3, label: 'person' };
const place = { start: 4, end: 7, label: 'place' };

async function keysOf(documentId: string, annotator: string): Promise<string[]> {
  return ((await getAnnotation(documentId, annotator))?.spans ?? []).map(spanKey).sort();
}

async function showAnnotator(projectId: string, annotator: string): Promise<void> {
  useWorkbench.setState({ annotator });
  await loadHistoryFor(projectId, annotator);
}

/** Deletes the annotator's spans of `label` as the editor does: written, then recorded. */
async function deleteLabelled(documentId: string, annotator: string, label: string): Promise<void> {
  const written = await writeSpans(documentId, annotator, (spans) => spans.filter((span) => span.label !== label));
  if (written) recordChange({ layers: [written.change] });
}

let projectId = '';
let documentId = '';


beforeEach(async () => {
  await dbTesting.resetDatabase();
  projectId = (await ensureDefaultProject()).id;
  await dbTesting.importTexts(projectId, [dbTesting.incoming(TEXT, [person], 'alice'), dbTesting.incoming(TEXT, [place], 'bob')]);
  [documentId = ''] = await listDocumentIds(projectId);
  useWorkbench.setState({ projectId, documentId, undoStack: [], redoStack: [] });
  await showAnnotator(projectId, 'alice');
});

describe('undo follows the annotator on screen', () => {
  it('after switching annotator, leaves the shown layer alone and does not edit the hidden one', async () => {
    await deleteLabelled(documentId, 'alice', 'person');
    await showAnnotator(projectId, 'bob');
    expect(useWorkbench.getState().undoStack).toHaveLength(0);

    await undo();
    expect(await keysOf(documentId, 'bob')).toEqual(['4:7:place']);
    expect(await keysOf(documentId, 'alice')).toEqual([]);

    await showAnnotator(projectId, 'alice');
    await undo();
    expect(await keysOf(documentId, 'alice')).toEqual(['0:3:person']);
  });

  it('keeps each annotator’s steps across a reload, newest last, redo included', async () => {
    await deleteLabelled(documentId, 'alice', 'person');
    await showAnnotator(projectId, 'bob');
    await deleteLabelled(documentId, 'bob', 'place');
    await undo();
    await historySaved();

    expect((await loadHistory(projectId, 'alice')).undo).toHaveLength(1);
    const bob = await loadHistory(projectId, 'bob');
    expect([bob.undo.length, bob.redo.length]).toEqual([0, 1]);

    // A reload: the stacks come back from IndexedDB.
    useWorkbench.setState({ undoStack: [], redoStack: [] });
    await showAnnotator(projectId, 'alice');
    await undo();
    expect(await keysOf(documentId, 'alice')).toEqual(['0:3:person']);
  });
});
