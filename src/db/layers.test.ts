import { beforeEach, describe, expect, it } from 'vitest';
import { getAnnotation, listAnnotators, saveSpans, setStatus, writeSpans } from './annotations';
import { applyChange } from './changes';
import { db } from './database';
import { filterByIndexes, layersOf } from './documentFilters';
import { listDocumentIds, nextDocumentNotDone } from './documents';
import { readForExport } from './exportReader';
import { ImportWriter, type IncomingDocument } from './importWriter';
import { renameLabel } from './labels';
import { locateDocument, PAGE_DOCUMENTS } from './pageFormat';
import { ensureDefaultProject } from './projects';
import { listAnnotatedDocumentIds } from './suggestions';
import { incoming, resetDatabase } from './testing';

beforeEach(resetDatabase);

const person = { start: 0, end: 3, label: 'person' };
const place = { start: 4, end: 7, label: 'place' };

function tagged(i: number, status?: IncomingDocument['status']): IncomingDocument {
  return { ...incoming(`第${i}篇 刘艳霞在通州区`, i % 2 === 0 ? [person] : [place]), ...(status ? { status } : {}) };
}

async function importAll(projectId: string, docs: IncomingDocument[], batch = docs.length): Promise<string[]> {
  const writer = await ImportWriter.begin(projectId, 'pages.jsonl');
  for (let at = 0; at < docs.length; at += batch) await writer.writeBatch(docs.slice(at, at + batch));
  await writer.commit();
  return listDocumentIds(projectId);
}

/** Every page slot with a layer, as `pageId:slot`. */
async function pageSlots(): Promise<string[]> {
  const pages = await db.pageLayers.toArray();
  return pages.flatMap((page) => [...page.statuses].flatMap((code, slot) => (code === 0 ? [] : [`${page.pageId}:${slot}`])));
}

describe('layers an import brings live on its pages', () => {
  it('writes 100 documents to a page, layers packed per annotator, and no annotation rows', async () => {
    const { id: projectId } = await ensureDefaultProject();
    const ids = await importAll(projectId, Array.from({ length: 250 }, (_, i) => tagged(i)), 90);
    expect(ids).toHaveLength(250);
    expect((await db.pages.toArray()).map((page) => page.count).sort()).toEqual([100, 100, 50]);
    expect(new Set(ids.map((id) => locateDocument(id)?.pageId)).size).toBe(3);
    expect(await db.annotations.count()).toBe(0);
    expect(await getAnnotation(ids[3] ?? '', 'alice')).toMatchObject({ status: 'in-progress', labels: ['place'], spans: [expect.objectContaining(place)] });
    expect(await listAnnotators(projectId)).toEqual(['alice']);
    expect(await listAnnotatedDocumentIds(projectId, 'alice')).toHaveLength(250);
  });

  it('moves a layer off its page on the first edit, so it lives in one place only', async () => {
    const { id: projectId } = await ensureDefaultProject();
    const [first = '', second = ''] = await importAll(projectId, [tagged(0), tagged(1)]);
    const written = await writeSpans(first, 'alice', (spans) => [...spans, { id: 'new', ...place }]);
    expect(written?.change).toMatchObject({ added: [expect.objectContaining(place)], removed: [] });
    expect(written?.row.spans).toEqual([expect.objectContaining(person), expect.objectContaining(place)]);
    expect(await db.annotations.count()).toBe(1);
    expect(await pageSlots()).toEqual([`${locateDocument(second)?.pageId ?? ''}:1`]);
    expect((await getAnnotation(first, 'alice'))?.spans.map((span) => span.label)).toEqual(['person', 'place']);
    expect((await getAnnotation(second, 'alice'))?.spans.map((span) => span.label)).toEqual(['place']);
    expect((await layersOf([first, second])).get(first)).toHaveLength(1);
  });

  it('keeps spans when only the status changes, and keeps the status when spans change', async () => {
    const { id: projectId } = await ensureDefaultProject();
    const [first = ''] = await importAll(projectId, [tagged(0, 'done')]);
    await saveSpans(first, 'alice', []);
    expect(await getAnnotation(first, 'alice')).toMatchObject({ status: 'done', spans: [] });
    const [second = ''] = (await importAll(projectId, [tagged(1)])).slice(1);
    await setStatus(second, 'alice', 'skipped');
    expect(await getAnnotation(second, 'alice')).toMatchObject({ status: 'skipped', spans: [expect.objectContaining(place)] });
  });

  it('answers status, label and layer filters and counts over pages and rows together', async () => {
    const { id: projectId } = await ensureDefaultProject();
    const ids = await importAll(projectId, [tagged(0, 'done'), tagged(1), tagged(2), { ...incoming('bob 的一篇报道'), annotator: 'bob', spans: [place] }]);
    const [d0, d1, d2, d3] = ids;
    await setStatus(d2 ?? '', 'alice', 'done');
    expect(await filterByIndexes({ projectId, annotator: 'alice', status: 'done' })).toEqual([d0, d2]);
    expect(await filterByIndexes({ projectId, annotator: 'alice', status: 'new' })).toEqual([d3]);
    expect(await filterByIndexes({ projectId, annotator: 'alice', label: 'place' })).toEqual([d1, d3]);
    expect(await filterByIndexes({ projectId, annotator: 'alice', label: 'place', annotatorWithLayer: 'alice' })).toEqual([d1]);
    expect(await filterByIndexes({ projectId, annotator: 'alice', annotatorWithLayer: 'bob' })).toEqual([d3]);
    expect(await nextDocumentNotDone(projectId, 'alice', 0)).toBe(d1);
    expect(await nextDocumentNotDone(projectId, 'alice', 3)).toBe(d1);
  });

  it('renames labels on pages in place, and undo restores the spans', async () => {
    const { id: projectId } = await ensureDefaultProject();
    const ids = await importAll(projectId, [tagged(0), tagged(1), tagged(2)]);
    const change = await renameLabel(projectId, 'person', 'people');
    expect(change.layers.map((layer) => layer.documentId)).toEqual([ids[0], ids[2]]);
    expect(await db.annotations.count()).toBe(0);
    expect((await getAnnotation(ids[2] ?? '', 'alice'))?.labels).toEqual(['people']);
    expect(await filterByIndexes({ projectId, annotator: 'alice', label: 'people' })).toEqual([ids[0], ids[2]]);
    await applyChange(change, 'undo');
    expect((await getAnnotation(ids[2] ?? '', 'alice'))?.labels).toEqual(['person']);
    expect(await filterByIndexes({ projectId, annotator: 'alice', label: 'people' })).toEqual([]);
    expect(await pageSlots()).toHaveLength(1);
  });

  it('exports layers from pages and rows alike, in reading order', async () => {
    const { id: projectId } = await ensureDefaultProject();
    const ids = await importAll(projectId, Array.from({ length: PAGE_DOCUMENTS + 2 }, (_, i) => tagged(i)));
    await saveSpans(ids[1] ?? '', 'alice', []);
    const exported = [];
    for await (const chunk of readForExport({ projectId, annotator: 'alice' })) exported.push(...chunk);
    expect(exported.map((source) => source.id)).toEqual(ids);
    expect(exported.map((source) => source.spans.length).slice(0, 3)).toEqual([1, 0, 1]);
    expect(exported[101]?.text).toBe('第101篇 刘艳霞在通州区');
  });
});

describe('imports merging into documents already stored', () => {
  it('merges within a batch, across batches, and into another import’s page, and rollback restores it exactly', async () => {
    const { id: projectId } = await ensureDefaultProject();
    const [stored = ''] = await importAll(projectId, [tagged(0)]);
    const before = await getAnnotation(stored, 'alice');
    const pagesBefore = await db.pageLayers.toArray();

    const writer = await ImportWriter.begin(projectId, 'more.jsonl');
    const fresh = incoming('新的一篇', [person]);
    await writer.writeBatch([fresh, { ...fresh, spans: [{ start: 1, end: 3, label: 'place' }] }]);
    await writer.writeBatch([{ ...fresh, spans: [{ start: 0, end: 2, label: 'metric' }] }, { ...tagged(0), spans: [place] }]);
    const ids = await listDocumentIds(projectId);
    expect(ids).toHaveLength(2);
    expect((await getAnnotation(ids[1] ?? '', 'alice'))?.spans.map((span) => span.label)).toEqual(['metric', 'person', 'place']);
    expect((await getAnnotation(stored, 'alice'))?.labels).toEqual(['person', 'place']);

    await writer.rollback();
    expect(await listDocumentIds(projectId)).toEqual([stored]);
    expect(await getAnnotation(stored, 'alice')).toEqual(before);
    expect(await db.pageLayers.toArray()).toEqual(pagesBefore);
    expect(await db.annotations.count()).toBe(0);
    expect(await db.importJournal.count()).toBe(0);
  });
});
