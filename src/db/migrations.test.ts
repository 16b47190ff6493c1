import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_NAME, db, SpanwrightDatabase } from './database';
import { editSpans, getAnnotation } from './annotations';
import { readGold } from './gold';
import { filterByIndexes } from './documentFilters';
import { getDocuments, getText, listDocumentIds } from './documents';
import { anyLabelKey, labelKey } from './schema';
import { packSpansV4 } from './frozen/v4';
import { importTexts, incoming, OLD_PAGE_SPANS, OLD_PAGE_TEXT, seedOldPage } from './testing';
import type { PageLayersRowV5 } from './frozen/v5';
import type { PageLayersRowV10 } from './frozen/v10';
import { declaredVersions, shippedDatabaseAt } from './schemaHistory';

/**
 * Every schema version from 2 up has an upgrade test: `upgradeTest(n, …)` opens the live database
 * over one made at version n − 1 (from schema.snapshot.json) and checks what version n did. The last
 * test here fails when a declared version has none. A version without an `.upgrade()` (indexes
 * only) may instead be listed in NO_UPGRADE_TEST with the reason.
 */
const tested = new Set<number>();

function upgradeTest(version: number, name: string, test: () => Promise<void>): void {
  tested.add(version);
  describe(`upgrade to v${version}`, () => {
    it(name, test);
  });
}

/** Versions without an `.upgrade()` that need no test of their own, and why. */
const NO_UPGRADE_TEST: Readonly<Record<number, string>> = {};

const DECLARED = declaredVersions(new SpanwrightDatabase('declared-versions'));
const LATEST = DECLARED.at(-1)?.version ?? 0;

/** A bare database at a shipped version, as its users had it. */
const databaseAt = (version: number): Dexie => shippedDatabaseAt(DATABASE_NAME, version);

beforeEach(async () => {
  db.close();
  await Dexie.delete(DATABASE_NAME);
});

/** What IndexedDB holds, read without the app's middleware. */
async function storedRow(key: [string, string]): Promise<unknown> {
  db.close();
  const raw = new Dexie(DATABASE_NAME);
  await raw.open();
  const row: unknown = await raw.table('annotations').get(key);
  raw.close();
  return row;
}

upgradeTest(5, '4 → 5: documents move onto pages in reading order; layers and the journal follow their new ids', async () => {
  const old = databaseAt(4);
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

upgradeTest(4, '3 → 4: annotation spans are stored packed and read back as they were', async () => {
  const old = databaseAt(3);
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

upgradeTest(3, '2 → 3: annotations keep three indexes and gain any-annotator label keys', async () => {
  const old = databaseAt(2);
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

upgradeTest(2, '1 → 2: annotations gain label keys (indexed) and an empty rejected list; nothing is lost', async () => {
  const old = databaseAt(1);
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

upgradeTest(6, '5 → 6: the emptied documents and texts tables are dropped; pages stay', async () => {
  const old = databaseAt(5);
  await old.open();
  await old.table('projects').add({ id: 'p', name: 'News', labels: [], createdAt: 1, updatedAt: 1 });
  await old.table('pages').add({ id: 'page', projectId: 'p', order: 0, count: 1 });
  await old.table('pageDocuments').add({ pageId: 'page', documents: [{ title: '刘艳霞', length: 9, contentHash: 'h', meta: {} }] });
  await old.table('pageTexts').add({ pageId: 'page', texts: ['刘艳霞在通州区工作'] });
  old.close();

  await db.open();
  expect(db.verno).toBe(LATEST);
  const tables = db.tables.map((table) => table.name);
  expect(tables).not.toContain('documents');
  expect(tables).not.toContain('texts');
  const ids = await listDocumentIds('p');
  expect(await getDocuments(ids)).toMatchObject([{ title: '刘艳霞', order: 0 }]);
  expect(await getText(ids[0] ?? '')).toBe('刘艳霞在通州区工作');
});

upgradeTest(7, '6 → 7: edited layers gain revision 1, layers on pages read as revision 0; history starts empty', async () => {
  const old = databaseAt(6);
  await old.open();
  await old.table('projects').add({ id: 'p', name: 'News', labels: [], createdAt: 1, updatedAt: 1 });
  await old.table('pages').add({ id: 'page', projectId: 'p', order: 0, count: 2 });
  await old.table('pageDocuments').add({
    pageId: 'page',
    documents: [
      { title: '刘艳霞', length: 9, contentHash: 'h1', meta: {} },
      { title: '通州区', length: 3, contentHash: 'h2', meta: {} },
    ],
  });
  await old.table('pageTexts').add({ pageId: 'page', texts: ['刘艳霞在通州区工作', '通州区'] });
  const spans = [{ id: 's1', start: 0, end: 3, label: 'person' }];
  const packedSpans = packSpansV4(spans);
  await old.table('annotations').add({
    documentId: 'page.0', annotator: 'alice', projectId: 'p', packedSpans, status: 'done', labels: ['person'],
    labelKeys: [labelKey('p', 'alice', 'person'), anyLabelKey('p', 'person')], rejected: [], updatedAt: 5,
  });
  old.close();

  await db.open();
  expect(db.verno).toBe(LATEST);
  expect(await getAnnotation('page.0', 'alice')).toMatchObject({ spans, status: 'done', revision: 1, location: 'row' });
  expect(await db.history.count()).toBe(0);
});

upgradeTest(8, '7 → 8: gold rows gain empty decisions and origins; other layers are unchanged', async () => {
  const old = databaseAt(7);
  await old.open();
  await seedOldPage(old, ['gold', 'alice'], { revision: 3 });
  const spans = OLD_PAGE_SPANS;
  old.close();

  await db.open();
  expect(db.verno).toBe(LATEST);
  expect(await storedRow(['page.0', 'gold'])).toMatchObject({ decisions: [], origins: [], revision: 3 });
  expect(await storedRow(['page.0', 'alice'])).not.toHaveProperty('decisions');
  await db.open();
  // A gold span older than review reads as drawn by hand, proposed by nobody.
  expect(await readGold('page.0')).toMatchObject({ spans: [{ ...spans[0], origin: 'added', sources: [] }], decisions: [], status: 'done' });
  expect(await getAnnotation('page.0', 'alice')).toMatchObject({ spans, status: 'done', revision: 3 });
});

upgradeTest(9, '8 → 9: layers read as they were; span edits are then appended to the new layerEdits table', async () => {
  const old = databaseAt(8);
  await old.open();
  await seedOldPage(old, ['alice'], { revision: 4 });
  const spans = OLD_PAGE_SPANS;
  old.close();

  await db.open();
  expect(db.verno).toBe(LATEST);
  expect(await db.layerEdits.count()).toBe(0);
  const before = await getAnnotation('page.0', 'alice');
  expect(before).toMatchObject({ spans, status: 'done', revision: 4, location: 'row' });
  const place = { id: 's2', start: 4, end: 7, label: 'place' };
  await editSpans(before ?? null, { documentId: 'page.0', annotator: 'alice', projectId: 'p' }, (current) => [...current, place])?.persisted;
  expect(await db.layerEdits.count()).toBe(1);
  expect(await storedRow(['page.0', 'alice'])).toMatchObject({ revision: 4 });
  await db.open();
  expect(await getAnnotation('page.0', 'alice')).toMatchObject({ spans: [...spans, place], status: 'done', revision: 5 });
});

upgradeTest(10, '9 → 10: page layers stored with every span id read as before; an import then stores the ids it derives', async () => {
  const old = databaseAt(9);
  await old.open();
  await old.table('projects').add({ id: 'p', name: 'News', labels: [], createdAt: 1, updatedAt: 1 });
  await old.table('pages').add({ id: 'page', projectId: 'p', order: 0, count: 1 });
  await old.table('pageDocuments').add({ pageId: 'page', documents: [{ title: '刘艳霞', length: OLD_PAGE_TEXT.length, contentHash: 'h1', meta: {} }] });
  await old.table('pageTexts').add({ pageId: 'page', texts: [OLD_PAGE_TEXT] });
  const stored: PageLayersRowV5 = {
    pageId: 'page', annotator: 'alice', projectId: 'p', statuses: new Uint8Array([3]), spanStarts: new Uint32Array([0, 1]), spans: packSpansV4(OLD_PAGE_SPANS), updatedAt: 5,
  };
  await old.table('pageLayers').add(stored);
  old.close();

  await db.open();
  expect(db.verno).toBe(LATEST);
  expect(await getAnnotation('page.0', 'alice')).toMatchObject({ spans: OLD_PAGE_SPANS, status: 'done', revision: 0, location: 'page' });
  await importTexts('p', [incoming('北京欢迎你', [{ start: 0, end: 2, label: 'place' }, { start: 2, end: 4, label: 'verb' }])]);
  const [, added] = await listDocumentIds('p');
  const first = await getAnnotation(added ?? '', 'alice');
  expect(first?.spans.map(({ start, end, label }) => ({ start, end, label }))).toEqual([
    { start: 0, end: 2, label: 'place' },
    { start: 2, end: 4, label: 'verb' },
  ]);
  for (const span of first?.spans ?? []) expect(span.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  db.close();
  await db.open();
  expect((await getAnnotation(added ?? '', 'alice'))?.spans).toEqual(first?.spans);
  const [row] = await db.table<PageLayersRowV10>('pageLayers').where('projectId').equals('p').filter((layer) => layer.pageId !== 'page').toArray();
  expect(row?.spanIdBase).toBeDefined();
  expect(row?.spans.ids).toBe('');
});

describe('the upgrade tests', () => {
  it('cover every declared version from 2 up, unless it has no upgrade and is listed in NO_UPGRADE_TEST', () => {
    for (const { version, upgrade } of DECLARED.filter((declared) => declared.version > 1)) {
      const reason = NO_UPGRADE_TEST[version];
      if (upgrade) {
        expect(reason, `Version ${version} has an .upgrade(): it cannot be listed in NO_UPGRADE_TEST.`).toBeUndefined();
      }
      expect(
        tested.has(version) || reason !== undefined,
        `Version ${version} has no upgrade test: add upgradeTest(${version}, '${version - 1} → ${version}: …', …) to migrations.test.ts, starting from databaseAt(${version - 1})` +
          (upgrade ? '.' : ', or list it in NO_UPGRADE_TEST with the reason it needs none.'),
      ).toBe(true);
    }
  });

  it('test only declared versions', () => {
    const declared = new Set(DECLARED.map((version) => version.version));
    expect([...tested, ...Object.keys(NO_UPGRADE_TEST).map(Number)].filter((version) => !declared.has(version))).toEqual([]);
  });
});
