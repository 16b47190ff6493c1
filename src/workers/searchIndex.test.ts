import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DOCUMENT_STATUSES, type Span } from '../core/types';
import { dbTesting, type DocumentFilter, ensureDefaultProject, filterByIndexes, ImportWriter, listDocumentIds, saveSpans, type SearchProgress, setStatus } from '../db';
const { importTexts, incoming, resetDatabase } = dbTesting;
import { ProjectIndex } from './searchIndex';

/** Plain documents, one per text, written as an import would. */
async function importPlain(projectId: string, texts: readonly string[]): Promise<void> {
  await importTexts(projectId, texts.map((text) => incoming(text)));
}

const span = (label: string): Span => ({ id: label, start: 0, end: 1, label });
const LABELS = ['person', 'place', 'policy'];
const ANNOTATORS = ['alice', 'bob'];

/** Every filter the selects can make, for both annotators. */
function everyFilter(projectId: string): DocumentFilter[] {
  const filters: DocumentFilter[] = [];
  for (const annotator of ANNOTATORS) {
    for (const status of [undefined, ...DOCUMENT_STATUSES]) {
      for (const label of [undefined, ...LABELS]) {
        for (const annotatorWithLayer of [undefined, ...ANNOTATORS, 'carol']) {
          filters.push({
            projectId,
            annotator,
            ...(status === undefined ? {} : { status }),
            ...(label === undefined ? {} : { label }),
            ...(annotatorWithLayer === undefined ? {} : { annotatorWithLayer }),
          });
        }
      }
    }
  }
  return filters;
}

/** Waits for Dexie's commit announcement, then for the index to apply it. */
async function settle(index: ProjectIndex): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  await index.settled();
}

async function expectSameAsIndexes(index: ProjectIndex, projectId: string): Promise<void> {
  for (const filter of everyFilter(projectId)) {
    expect(await index.filter(filter), JSON.stringify(filter)).toEqual(await filterByIndexes(filter));
  }
}

let stop: (() => void) | null = null;
beforeEach(resetDatabase);
afterEach(() => {
  stop?.();
  stop = null;
});

async function indexedWorkspace(documents = 12) {
  const project = await ensureDefaultProject();
  await importPlain(project.id, Array.from({ length: documents }, (_, i) => `第${i}篇：${i % 3 === 0 ? '通州区' : '北京'}的新闻`));
  const ids = await listDocumentIds(project.id);
  const index = new ProjectIndex(project.id);
  let changes = 0;
  stop = index.watch(() => changes++);
  return { projectId: project.id, ids, index, changes: () => changes };
}

describe('ProjectIndex', () => {
  it('answers every filter as the indexes do, and keeps answering so through edits', async () => {
    const { projectId, ids, index, changes } = await indexedWorkspace();
    const at = (i: number) => ids[i] ?? '';
    await saveSpans(at(0), 'alice', [span('person')]);
    await setStatus(at(1), 'alice', 'done');
    await saveSpans(at(2), 'bob', [span('place'), span('person')]);
    await settle(index);
    await expectSameAsIndexes(index, projectId);

    // Edits after the answers are kept: each is followed document by document.
    const kept = index.keptAnswers;
    expect(kept).toBeGreaterThan(10);
    const before = changes();
    await saveSpans(at(0), 'alice', [span('policy')]);
    await setStatus(at(0), 'alice', 'skipped');
    await setStatus(at(1), 'alice', 'in-progress');
    await saveSpans(at(3), 'bob', [span('person')]);
    await setStatus(at(4), 'bob', 'done');
    await saveSpans(at(2), 'bob', []);
    await settle(index);
    expect(changes()).toBeGreaterThan(before);
    expect(index.keptAnswers).toBe(kept);
    await expectSameAsIndexes(index, projectId);
  });

  it('follows layers leaving their pages on a first edit, and counts from its answers', async () => {
    const project = await ensureDefaultProject();
    const writer = await ImportWriter.begin(project.id, 'tagged.jsonl');
    await writer.writeBatch(
      Array.from({ length: 12 }, (_, i) => ({ ...incoming(`第${i}篇带标注`), spans: [{ start: 0, end: 2, label: LABELS[i % 3] ?? 'person' }], ...(i % 4 === 0 ? { status: 'done' as const } : {}) })),
    );
    await writer.commit();
    const ids = await listDocumentIds(project.id);
    const index = new ProjectIndex(project.id);
    stop = index.watch(() => undefined);
    const done = { kind: 'status', annotator: 'alice', status: 'done' } as const;
    expect(await index.count(done)).toBe(3);
    await expectSameAsIndexes(index, project.id);

    const kept = index.keptAnswers;
    await saveSpans(ids[1] ?? '', 'alice', [span('policy')]);
    await setStatus(ids[2] ?? '', 'alice', 'done');
    await setStatus(ids[4] ?? '', 'alice', 'skipped');
    await settle(index);
    expect(index.keptAnswers).toBe(kept);
    await expectSameAsIndexes(index, project.id);
    expect(await index.count(done)).toBe(3);
    expect(await index.count({ kind: 'label', label: 'policy', annotator: null })).toBe(5);
  });

  it('counts each annotator’s documents done, of the project’s, and follows edits', async () => {
    const { ids, index } = await indexedWorkspace(5);
    const at = (i: number) => ids[i] ?? '';
    await setStatus(at(0), 'alice', 'done');
    await setStatus(at(1), 'alice', 'done');
    await setStatus(at(1), 'bob', 'done');
    await setStatus(at(2), 'bob', 'in-progress');
    await settle(index);
    expect(await index.progress(['alice', 'bob', 'carol'])).toEqual({ total: 5, done: { alice: 2, bob: 1, carol: 0 } });
    await setStatus(at(0), 'alice', 'in-progress');
    await setStatus(at(3), 'carol', 'done');
    await settle(index);
    expect(await index.progress(['alice', 'carol'])).toEqual({ total: 5, done: { alice: 1, carol: 1 } });
  });

  it('starts over when documents come, or when a write is too large to follow', async () => {
    const { projectId, index } = await indexedWorkspace(3);
    await expectSameAsIndexes(index, projectId);
    await importPlain(projectId, ['新来的文档']);
    await settle(index);
    expect(await index.documentIds()).toEqual(await listDocumentIds(projectId));
    expect(await index.filter({ projectId, annotator: 'alice', status: 'new' })).toHaveLength(4);

    // 600 documents tagged in one import: more than it follows one by one.
    const writer = await ImportWriter.begin(projectId, 'many.txt');
    await writer.writeBatch(Array.from({ length: 600 }, (_, i) => ({ ...incoming(`批量${i}`), spans: [{ start: 0, end: 2, label: 'place' }] })));
    await writer.commit();
    await settle(index);
    expect(index.keptAnswers).toBe(0);
    expect(await index.filter({ projectId, annotator: 'alice', label: 'place' })).toHaveLength(600);
    await expectSameAsIndexes(index, projectId);
  });

  it('warms the criteria ahead, then searches titles first', async () => {
    const { projectId, ids, index } = await indexedWorkspace(6);
    const steps = await index.warm([{ kind: 'label', label: 'person', annotator: null }], true);
    expect(steps.map((step) => step.key)).toEqual(['ids', 'label\u0001\u0000\u0001person', 'titles']);
    const reports: SearchProgress[] = [];
    const record = (progress: SearchProgress) => {
      reports.push(progress);
    };
    const found = await index.search('通州区', { onProgress: record });
    expect(found).toEqual(new Set([ids[0], ids[3]]));
    expect(reports[0]).toMatchObject({ phase: 'titles', found: [ids[0], ids[3]] });
    expect(await index.filter({ projectId, annotator: 'alice', label: 'person' })).toEqual([]);
  });
});
