import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_NAME, db } from './database';
import { getAnnotation } from './annotations';
import { filterByIndexes } from './documentFilters';
import { getDocuments, getText, listDocumentIds } from './documents';
import { anyLabelKey, labelKey } from './schema';

const LATEST = 7;

/** The schema exactly as version 1 shipped it. */
const VERSION_1 = {
  projects: 'id, name',
  documents: 'id, [projectId+order], &[projectId+contentHash], importId',
  texts: 'documentId',
  annotations: '[documentId+annotator], [projectId+annotator+status], [projectId+annotator], *labels, projectId',
  imports: 'id, state',
  importJournal: '++seq, importId',
  settings: 'key',
};

beforeEach(async () => {
  db.close();
  await Dexie.delete(DATABASE_NAME);
});

/** Version 2's annotation indexes, as shipped. */
const VERSION_2_ANNOTATIONS = '[documentId+annotator], [projectId+annotator+status], [projectId+annotator], *labels, *labelKeys, projectId';

/** Version 3's annotation indexes, as shipped. */
const VERSION_3_ANNOTATIONS = '[documentId+annotator], [projectId+annotator+status], [projectId+annotator], *labelKeys';

/** What IndexedDB holds, read without the app's middleware. */
async function storedRow(key: [string, string]): Promise<unknown> {
  db.close();
  const raw = new Dexie(DATABASE_NAME);
  await raw.open();
  const row: unknown = await raw.table('annotations').get(key);
  raw.close();
  return row;
}

describe('schema upgrades', () => {
  it('4 → 5: documents move onto pages in reading order; layers and the journal follow their new ids', async () => {
    const old = new Dexie(DATABASE_NAME);
    old.version(1).stores(VERSION_1);
    old.version(2).stores({ annotations: VERSION_2_ANNOTATIONS, dictionaries: 'id, projectId', patterns: 'id, projectId' });
    old.version(3).stores({ annotations: VERSION_3_ANNOTATIONS });
    old.version(4).stores({});
    await old.open();
    await old.table('projects').bulkAdd([
      { id: 'p', name: 'News', labels: [], createdAt: 1, updatedAt: 1 },
      { id: 'q', name: 'Other', labels: [], createdAt: 1, updatedAt: 1 },
    ]);
    // 150 documents in p (orders with gaps, stored out of order), one in q, one of an unfinished import.
    const texts = Array.from({ length: 150 }, (_, i) => `第${i}篇：刘艳霞在通州区工作`);
    await old.table('documents').bulkAdd([
      ...texts.map((text, i) => ({ id: `d${149 - i}`, projectId: 'p', title: text.slice(0, 4), length: text.length, order: 3 * (149 - i), contentHash: `h${149 - i}`, meta: { line: 149 - i } })),
      { id: 'q0', projectId: 'q', title: 'q', length: 1, order: 0, contentHash: 'hq', meta: {} },
      { id: 'i0', projectId: 'p', title: 'i', length: 1, order: 1000, contentHash: 'hi', meta: {}, importId: 'running' },
    ]);
    await old.table('texts').bulkAdd([...texts.map((text, i) => ({ documentId: `d${i}`, text })), { documentId: 'q0', text: 'q' }, { documentId: 'i0', text: 'i' }]);
    const spans = [{ id: 's1', start: 4, end: 7, label: 'person' }];
    const labelKeys = [labelKey('p', 'bob', 'person'), anyLabelKey('p', 'person')];
    const layer = { documentId: 'd120', annotator: 'bob', projectId: 'p', packedSpans: undefined, spans, status: 'done', labels: ['person'], labelKeys, rejected: [], updatedAt: 5 };
    await old.table('annotations').bulkAdd([layer, { ...layer, documentId: 'orphan' }]);
    await old.table('importJournal').add({ importId: 'running', kind: 'annotation', documentId: 'd7', annotator: 'bob', previous: null });
    old.close();

    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(db.tables.map((table) => table.name)).not.toContain('documents');
    expect(db.tables.map((table) => table.name)).not.toContain('texts');
    const ids = await listDocumentIds('p');
    expect(ids).toHaveLength(151);
    const documents = await getDocuments(ids);
    expect(documents.slice(0, 150).map((document) => document?.meta.line)).toEqual(texts.map((_, i) => i));
    expect(documents.map((document) => document?.order)).toEqual(ids.map((_, i) => i));
    expect(documents[150]).toMatchObject({ title: 'i', importId: 'running' });
    expect(await getText(ids[42] ?? '')).toBe(texts[42]);
    // 100 documents to a page; the unfinished import's document on a page of its own.
    expect((await db.pages.where('projectId').equals('p').toArray()).map((page) => page.count)).toEqual([100, 50, 1]);
    expect(await listDocumentIds('q')).toHaveLength(1);
    const renamed = ids[120] ?? '';
    expect(await getAnnotation(renamed, 'bob')).toMatchObject({ documentId: renamed, spans, status: 'done' });
    expect(await filterByIndexes({ projectId: 'p', annotator: 'bob', status: 'done' })).toEqual([renamed]);
    expect(await db.annotations.get(['orphan', 'bob'])).toMatchObject({ spans });
    expect(await db.importJournal.toArray()).toMatchObject([{ kind: 'annotation', documentId: ids[7] }]);
  });

  it('3 → 4: annotation spans are stored packed and read back as they were', async () => {
    const old = new Dexie(DATABASE_NAME);
    old.version(1).stores(VERSION_1);
    old.version(2).stores({ annotations: VERSION_2_ANNOTATIONS, dictionaries: 'id, projectId', patterns: 'id, projectId' });
    old.version(3).stores({ annotations: VERSION_3_ANNOTATIONS });
    await old.open();
    const spans = [
      { id: 's1', start: 0, end: 3, label: 'person' },
      { id: 's2', start: 4, end: 7, label: 'place' },
      { id: 's3', start: 4, end: 9, label: 'person' },
    ];
    const labelKeys = [labelKey('p', 'bob', 'person'), anyLabelKey('p', 'person'), labelKey('p', 'bob', 'place'), anyLabelKey('p', 'place')];
    await old.table('annotations').add({
      documentId: 'd', annotator: 'bob', projectId: 'p', spans, status: 'done', labels: ['person', 'place'], labelKeys, rejected: ['4:7:metric'], updatedAt: 5,
    });
    old.close();

    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.annotations.get(['d', 'bob'])).toEqual({
      documentId: 'd', annotator: 'bob', projectId: 'p', spans, status: 'done', labels: ['person', 'place'], labelKeys, rejected: ['4:7:metric'], updatedAt: 5, revision: 1,
    });
    expect(await db.annotations.where('labelKeys').equals(anyLabelKey('p', 'place')).primaryKeys()).toEqual([['d', 'bob']]);
    const stored = await storedRow(['d', 'bob']);
    expect(stored).not.toHaveProperty('spans');
    expect(stored).toHaveProperty('packedSpans.ids', 's1s2s3');
  });

  it('2 → 3: annotations keep three indexes and gain any-annotator label keys', async () => {
    const old = new Dexie(DATABASE_NAME);
    old.version(1).stores(VERSION_1);
    old.version(2).stores({ annotations: VERSION_2_ANNOTATIONS, dictionaries: 'id, projectId', patterns: 'id, projectId' });
    await old.open();
    const spans = [{ id: 's1', start: 0, end: 3, label: 'person' }];
    await old.table('annotations').add({
      documentId: 'd', annotator: 'bob', projectId: 'p', spans, status: 'in-progress', labels: ['person'],
      labelKeys: [labelKey('p', 'bob', 'person')], rejected: ['4:7:place'], updatedAt: 5,
    });
    old.close();

    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(db.annotations.schema.indexes.map((index) => index.name).sort()).toEqual(['labelKeys', '[projectId+annotator+status]', '[projectId+annotator]'].sort());
    const row = await db.annotations.get(['d', 'bob']);
    expect(row).toMatchObject({ spans, rejected: ['4:7:place'], labelKeys: [labelKey('p', 'bob', 'person'), anyLabelKey('p', 'person')] });
    expect(await db.annotations.where('labelKeys').equals(anyLabelKey('p', 'person')).primaryKeys()).toEqual([['d', 'bob']]);
  });

  it('1 → 2: annotations gain label keys (indexed) and an empty rejected list; nothing is lost', async () => {
    const old = new Dexie(DATABASE_NAME);
    old.version(1).stores(VERSION_1);
    await old.open();
    await old.table('projects').add({ id: 'p', name: 'News', labels: [], createdAt: 1, updatedAt: 1 });
    await old.table('documents').add({ id: 'd', projectId: 'p', title: '刘艳霞', length: 9, order: 0, contentHash: 'h', meta: {} });
    await old.table('texts').add({ documentId: 'd', text: '刘艳霞在通州区工作' });
    const spans = [
      { id: 's1', start: 0, end: 3, label: 'person' },
      { id: 's2', start: 4, end: 7, label: 'place' },
    ];
    await old.table('annotations').add({ documentId: 'd', annotator: 'alice', projectId: 'p', spans, status: 'done', labels: ['person', 'place'], updatedAt: 5 });
    old.close();

    await db.open();
    expect(db.verno).toBe(LATEST);
    const [documentId = ''] = await listDocumentIds('p');
    const row = await db.annotations.get([documentId, 'alice']);
    expect(row).toMatchObject({ spans, status: 'done', labels: ['person', 'place'], rejected: [] });
    expect(row?.labelKeys).toEqual([labelKey('p', 'alice', 'person'), anyLabelKey('p', 'person'), labelKey('p', 'alice', 'place'), anyLabelKey('p', 'place')]);
    expect(await db.annotations.where('labelKeys').equals(labelKey('p', 'alice', 'place')).primaryKeys()).toEqual([[documentId, 'alice']]);
    expect(await getText(documentId)).toBe('刘艳霞在通州区工作');
    expect(await db.dictionaries.count()).toBe(0);
    expect(await db.patterns.count()).toBe(0);
  });
});
