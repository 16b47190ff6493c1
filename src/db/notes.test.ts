import { beforeEach, describe, expect, it } from 'vitest';
import { getAnnotation, setNote, setStatus, writeSpans } from './annotations';
import { applyChange } from './changes';
import { readForExport } from './exportReader';
import { ImportWriter } from './importWriter';
import { renameLabel } from './labels';
import { listDocumentIds } from './documents';
import { ensureDefaultProject } from './projects';
import { incoming, resetDatabase } from './testing';

beforeEach(resetDatabase);

async function oneDocument(): Promise<{ projectId: string; documentId: string }> {
  const { id: projectId } = await ensureDefaultProject();
  const writer = await ImportWriter.begin(projectId, 'notes.jsonl');
  await writer.writeBatch([incoming('刘艳霞在通州区', [{ start: 0, end: 3, label: 'person' }])]);
  await writer.commit();
  const [documentId] = await listDocumentIds(projectId);
  return { projectId, documentId: documentId ?? '' };
}

describe('a note per document', () => {
  it('is kept on the layer, undone and redone, and survives span edits, status and relabels', async () => {
    const { projectId, documentId } = await oneDocument();
    const change = await setNote(documentId, 'alice', '  ending garbled ');
    expect(change?.note).toEqual({ before: '', after: 'ending garbled' });
    expect((await getAnnotation(documentId, 'alice'))?.note).toBe('ending garbled');
    expect(await setNote(documentId, 'alice', 'ending garbled')).toBeNull();

    await writeSpans(documentId, 'alice', (spans) => [...spans, { id: 'x', start: 4, end: 7, label: 'place' }]);
    await setStatus(documentId, 'alice', 'skipped');
    await renameLabel(projectId, 'place', 'location');
    expect((await getAnnotation(documentId, 'alice'))?.note).toBe('ending garbled');

    if (!change) throw new Error('no change');
    await applyChange({ layers: [change] }, 'undo');
    expect((await getAnnotation(documentId, 'alice'))?.note).toBeUndefined();
    await applyChange({ layers: [change] }, 'redo');
    expect((await getAnnotation(documentId, 'alice'))?.note).toBe('ending garbled');
  });

  it('travels in the export meta; an empty note removes it', async () => {
    const { projectId, documentId } = await oneDocument();
    await setNote(documentId, 'alice', 'check the name');
    const exported = async () => {
      const all = [];
      for await (const chunk of readForExport({ projectId, annotator: 'alice' })) all.push(...chunk);
      return all[0]?.meta;
    };
    expect(await exported()).toMatchObject({ note: 'check the name' });
    await setNote(documentId, 'alice', '');
    expect(await exported()).not.toHaveProperty('note');
  });
});
