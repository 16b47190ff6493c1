import { beforeEach, describe, expect, it } from 'vitest';
import type { Span } from '../core/types';
import { getAnnotation, listAnnotators, saveSpans, setStatus, writeSpans } from './annotations';
import { db } from './database';
import { countDocuments, documentIdsWithStatus, listDocumentIds, nextDocumentNotDone } from './documents';
import { ImportWriter } from './importWriter';
import { ensureDefaultProject } from './projects';
import { importTexts, incoming, resetDatabase } from './testing';

beforeEach(resetDatabase);

describe('projects', () => {
  it('creates the default project once, with the four default labels and hotkeys 1–4', async () => {
    const first = await ensureDefaultProject();
    const again = await ensureDefaultProject();
    expect(again.id).toBe(first.id);
    expect(await db.projects.count()).toBe(1);
    expect(first.labels.map((label) => `${label.hotkey}:${label.name}`)).toEqual(['1:person', '2:place', '3:policy', '4:metric']);
    expect(new Set(first.labels.map((label) => label.color)).size).toBe(4);
  });
});

describe('annotations', () => {
  it('saves spans per document and annotator, moving a new document to in-progress', async () => {
    const project = await ensureDefaultProject();
    await importTexts(project.id, [incoming('刘艳霞在通州区工作')]);
    const [documentId = ''] = await listDocumentIds(project.id);
    const span: Span = { id: 's1', start: 0, end: 3, label: 'person' };
    await saveSpans(documentId, 'alice', [span]);
    expect(await getAnnotation(documentId, 'alice')).toMatchObject({ spans: [span], status: 'in-progress', labels: ['person'] });
    expect(await getAnnotation(documentId, 'bob')).toBeUndefined();
    expect(await listAnnotators(project.id)).toEqual(['alice']);
  });

  it('returns what an edit changed, and nothing when the change is refused', async () => {
    const project = await ensureDefaultProject();
    await importTexts(project.id, [incoming('刘艳霞在通州区工作')]);
    const [documentId = ''] = await listDocumentIds(project.id);
    const span: Span = { id: 's1', start: 4, end: 7, label: 'place' };
    const written = await writeSpans(documentId, 'alice', (spans) => [...spans, span]);
    expect(written?.change).toMatchObject({ added: [span], removed: [], status: { before: 'new', after: 'in-progress' } });
    expect(await writeSpans(documentId, 'alice', () => null)).toBeNull();
  });

  it('keeps done once set, and finds the next document not done', async () => {
    const project = await ensureDefaultProject();
    await importTexts(project.id, [incoming('一'), incoming('二'), incoming('三')]);
    const [one = '', two = '', three = ''] = await listDocumentIds(project.id);
    await setStatus(one, 'alice', 'done');
    await setStatus(two, 'alice', 'done');
    await saveSpans(two, 'alice', []);
    expect((await getAnnotation(two, 'alice'))?.status).toBe('done');
    expect(await documentIdsWithStatus(project.id, 'alice', ['done'])).toEqual(new Set([one, two]));
    expect(await nextDocumentNotDone(project.id, 'alice', 0)).toBe(three);
    await setStatus(three, 'alice', 'done');
    expect(await nextDocumentNotDone(project.id, 'alice', 0)).toBeUndefined();
    expect(await nextDocumentNotDone(project.id, 'bob', 2)).toBe(one);
  });

  it('passes over skipped documents on the way to the next one not done', async () => {
    const project = await ensureDefaultProject();
    await importTexts(project.id, [incoming('一'), incoming('二'), incoming('三'), incoming('四')]);
    const [one = '', two = '', three = '', four = ''] = await listDocumentIds(project.id);
    await setStatus(two, 'alice', 'skipped');
    await setStatus(three, 'alice', 'done');
    // From the first: the second is set aside, the third done.
    expect(await nextDocumentNotDone(project.id, 'alice', 0)).toBe(four);
    // Wrapping around from the last passes the skipped one too.
    await setStatus(one, 'alice', 'skipped');
    expect(await nextDocumentNotDone(project.id, 'alice', 3)).toBeUndefined();
    // Another annotator's statuses are theirs alone.
    expect(await nextDocumentNotDone(project.id, 'bob', 0)).toBe(two);
    // Unskipped, it is in the way again.
    await setStatus(two, 'alice', 'in-progress');
    expect(await nextDocumentNotDone(project.id, 'alice', 3)).toBe(two);
  });
});

describe('ImportWriter', () => {
  it('stores the same text once and merges its spans into the right annotator', async () => {
    const project = await ensureDefaultProject();
    await importTexts(project.id, [incoming('刘艳霞在通州区工作', [{ start: 0, end: 3, label: 'person' }])]);
    await importTexts(project.id, [
      incoming('刘艳霞在通州区工作', [
        { start: 0, end: 3, label: 'person' },
        { start: 4, end: 7, label: 'place' },
      ]),
      incoming('刘艳霞在通州区工作', [{ start: 4, end: 7, label: 'place' }], 'bob'),
    ]);
    expect(await countDocuments(project.id)).toBe(1);
    const [documentId = ''] = await listDocumentIds(project.id);
    expect((await getAnnotation(documentId, 'alice'))?.spans.map((span) => span.label)).toEqual(['person', 'place']);
    expect((await getAnnotation(documentId, 'bob'))?.spans.map((span) => span.label)).toEqual(['place']);
  });

  it('adds labels the project does not have yet', async () => {
    const project = await ensureDefaultProject();
    await importTexts(project.id, [incoming('腾讯游戏', [{ start: 0, end: 2, label: 'company' }])]);
    expect((await db.projects.get(project.id))?.labels.map((label) => label.name)).toEqual(['person', 'place', 'policy', 'metric', 'company']);
  });

  it('rolls back everything: new documents, merged spans and added labels', async () => {
    const project = await ensureDefaultProject();
    await importTexts(project.id, [incoming('刘艳霞在通州区工作', [{ start: 0, end: 3, label: 'person' }])]);
    const [documentId = ''] = await listDocumentIds(project.id);
    const before = await getAnnotation(documentId, 'alice');

    const writer = await ImportWriter.begin(project.id, 'second.jsonl');
    await writer.writeBatch([
      incoming('刘艳霞在通州区工作', [{ start: 4, end: 7, label: 'place' }]),
      incoming('新文档', [{ start: 0, end: 3, label: 'organization' }]),
    ]);
    await writer.writeBatch([incoming('又一篇', [], 'carol'), incoming('刘艳霞在通州区工作', [{ start: 0, end: 2, label: 'x' }], 'dave')]);
    expect(await countDocuments(project.id)).toBe(3);
    await writer.rollback();

    expect(await countDocuments(project.id)).toBe(1);
    expect(await getAnnotation(documentId, 'alice')).toEqual(before);
    expect(await getAnnotation(documentId, 'dave')).toBeUndefined();
    expect((await db.projects.get(project.id))?.labels).toEqual(project.labels);
    expect(await db.pageTexts.count()).toBe(1);
    expect(await db.pages.count()).toBe(1);
    expect(await db.annotations.count() + (await db.pageLayers.count())).toBe(1);
    expect(await db.importJournal.count()).toBe(0);
  });

  it('rolls back an import whose lock its tab let go of, but not one still holding it', async () => {
    // The start's entry: it looks for running imports first, then loads the rollback code.
    const { rollBackAbandonedImports } = await import('./importRecovery');
    const project = await ensureDefaultProject();
    const writer = await ImportWriter.begin(project.id, 'crash.txt');
    await writer.writeBatch([incoming('半途而废')]);
    expect(await rollBackAbandonedImports()).toBe(0);
    expect(await countDocuments(project.id)).toBe(1);
    // What the browser does when the importing tab dies: its locks are released.
    writer.abandon();
    expect(await rollBackAbandonedImports()).toBe(1);
    expect(await countDocuments(project.id)).toBe(0);
  });
});
