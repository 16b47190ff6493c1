import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_NAME, db } from './database';
import { anyLabelKey, labelKey } from './schema';

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
    expect(db.verno).toBe(4);
    expect(await db.annotations.get(['d', 'bob'])).toEqual({
      documentId: 'd', annotator: 'bob', projectId: 'p', spans, status: 'done', labels: ['person', 'place'], labelKeys, rejected: ['4:7:metric'], updatedAt: 5,
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
    expect(db.verno).toBe(4);
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
    expect(db.verno).toBe(4);
    const row = await db.annotations.get(['d', 'alice']);
    expect(row).toMatchObject({ spans, status: 'done', labels: ['person', 'place'], rejected: [] });
    expect(row?.labelKeys).toEqual([labelKey('p', 'alice', 'person'), anyLabelKey('p', 'person'), labelKey('p', 'alice', 'place'), anyLabelKey('p', 'place')]);
    expect(await db.annotations.where('labelKeys').equals(labelKey('p', 'alice', 'place')).primaryKeys()).toEqual([['d', 'alice']]);
    expect(await db.texts.get('d')).toEqual({ documentId: 'd', text: '刘艳霞在通州区工作' });
    expect(await db.dictionaries.count()).toBe(0);
    expect(await db.patterns.count()).toBe(0);
  });
});
