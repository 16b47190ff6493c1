import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editSpans, getAnnotation, saveSpans } from './annotations';
import { getDocument, getText, listDocumentIds, readOpenedDocument } from './documents';
import { layerStore } from './layerStore';
import { ensureDefaultProject } from './projects';
import { importTexts, incoming, resetDatabase } from './testing';

beforeEach(resetDatabase);
afterEach(() => layerStore().cancelCompaction());

/** The one read an open makes gives what the separate reads give, wherever the layer lives. */
async function expectSameAsSeparateReads(documentId: string, annotator: string): Promise<void> {
  const opened = await readOpenedDocument(documentId, annotator);
  expect(opened).toEqual({
    document: await getDocument(documentId),
    text: await getText(documentId),
    layer: await getAnnotation(documentId, annotator),
  });
}

describe('reading a document to open it', () => {
  it('gives its row, text and layer: on its page, in a row, with pending edits, or none', async () => {
    const { id: projectId } = await ensureDefaultProject();
    const seeded = [{ start: 0, end: 3, label: 'person' }];
    await importTexts(projectId, [incoming('刘艳霞在通州区工作', seeded), incoming('北京市朝阳区', seeded), incoming('张伟出席会议')]);
    const [onPage = '', inRow = '', none = ''] = await listDocumentIds(projectId);
    await saveSpans(inRow, 'alice', [{ id: 'r', start: 3, end: 6, label: 'place' }]);

    await expectSameAsSeparateReads(onPage, 'alice');
    expect((await readOpenedDocument(onPage, 'alice')).layer).toMatchObject({ location: 'page', spans: [{ start: 0, end: 3 }] });
    await expectSameAsSeparateReads(inRow, 'alice');
    expect((await readOpenedDocument(inRow, 'alice')).layer).toMatchObject({ location: 'row', spans: [{ id: 'r' }] });
    await expectSameAsSeparateReads(none, 'alice');
    expect((await readOpenedDocument(none, 'alice')).layer).toBeUndefined();

    const shown = (await readOpenedDocument(onPage, 'alice')).layer ?? null;
    await editSpans(shown, { documentId: onPage, annotator: 'alice', projectId }, (spans) => [...spans, { id: 'e', start: 4, end: 7, label: 'place' }])?.persisted;
    await expectSameAsSeparateReads(onPage, 'alice');
    expect((await readOpenedDocument(onPage, 'alice')).layer?.spans).toHaveLength(2);
  });

  it('gives nothing for a document that does not exist', async () => {
    const { id: projectId } = await ensureDefaultProject();
    await importTexts(projectId, [incoming('一')]);
    const [documentId = ''] = await listDocumentIds(projectId);
    const nowhere = { document: undefined, text: undefined, layer: undefined };
    expect(await readOpenedDocument('no-such-page.0', 'alice')).toEqual(nowhere);
    // A slot past the page's last document.
    expect(await readOpenedDocument(documentId.replace(/\.0$/, '.5'), 'alice')).toEqual(nowhere);
  });
});
