import { beforeEach, describe, expect, it } from 'vitest';
import { listAnnotators, saveSpans, setStatus } from './annotations';
import { db } from './database';
import { filterByIndexes, filterDocumentIds, hasIndexedCriteria, onDocumentsChanged, onLayersChanged, searchDocuments, textMatcher, type SearchProgress } from './documentFilters';
import { getDocuments, listDocumentIds } from './documents';
import { ensureDefaultProject } from './projects';
import { importTexts, incoming, resetDatabase } from './testing';

const TEXTS = [
  '刘艳霞在通州区工作',
  '北京市发布新政策',
  'Beijing Daily reports growth\n通州区 is mentioned on the second line',
  '上海的经济数据',
  '没有任何匹配的内容',
];

/** Plain documents, one per text, written as an import would. */
async function importPlain(projectId: string, texts: readonly string[]): Promise<void> {
  await importTexts(projectId, texts.map((text) => incoming(text)));
}

const span = (label: string, start = 0, end = 2) => ({ id: `${label}-${start}`, start, end, label });

/**
 * Five documents; alice: 0 in progress with person, 1 done with place, 3 skipped (no spans);
 * bob: 1 in progress with person, 4 in progress with metric. 2 has no layer at all.
 */
async function workspace() {
  const project = await ensureDefaultProject();
  await importPlain(project.id, TEXTS);
  const ids = await listDocumentIds(project.id);
  const [d0 = '', d1 = '', , d3 = '', d4 = ''] = ids;
  await saveSpans(d0, 'alice', [span('person', 0, 3)]);
  await saveSpans(d1, 'alice', [span('place', 0, 3)]);
  await setStatus(d1, 'alice', 'done');
  await setStatus(d3, 'alice', 'skipped');
  await saveSpans(d1, 'bob', [span('person')]);
  await saveSpans(d4, 'bob', [span('metric')]);
  return { projectId: project.id, ids };
}

beforeEach(resetDatabase);

describe('filterByIndexes', () => {
  it('filters by this annotator’s status, counting documents without a layer as new', async () => {
    const { projectId, ids } = await workspace();
    const [d0, d1, d2, d3, d4] = ids;
    const byStatus = async (status: 'new' | 'in-progress' | 'done' | 'skipped') => filterByIndexes({ projectId, annotator: 'alice', status });
    expect(await byStatus('done')).toEqual([d1]);
    expect(await byStatus('in-progress')).toEqual([d0]);
    expect(await byStatus('skipped')).toEqual([d3]);
    expect(await byStatus('new')).toEqual([d2, d4]);
    // Bob has touched 1 and 4 only: everything else is new for him.
    expect(await filterByIndexes({ projectId, annotator: 'bob', status: 'new' })).toEqual([d0, d2, d3]);
  });

  it('keeps reading order and returns everything when nothing is asked', async () => {
    const { projectId, ids } = await workspace();
    expect(await filterByIndexes({ projectId, annotator: 'alice' })).toEqual(ids);
    expect(hasIndexedCriteria({ projectId, annotator: 'alice', text: 'x' })).toBe(false);
    expect(hasIndexedCriteria({ projectId, annotator: 'alice', status: 'new' })).toBe(true);
  });

  it('finds a label in anyone’s layer, or in one annotator’s layer', async () => {
    const { projectId, ids } = await workspace();
    const [d0, d1, , , d4] = ids;
    expect(await filterByIndexes({ projectId, annotator: 'alice', label: 'person' })).toEqual([d0, d1]);
    expect(await filterByIndexes({ projectId, annotator: 'alice', label: 'person', annotatorWithLayer: 'bob' })).toEqual([d1]);
    expect(await filterByIndexes({ projectId, annotator: 'alice', label: 'person', annotatorWithLayer: 'alice' })).toEqual([d0]);
    expect(await filterByIndexes({ projectId, annotator: 'alice', label: 'metric' })).toEqual([d4]);
    expect(await filterByIndexes({ projectId, annotator: 'alice', label: 'policy' })).toEqual([]);
  });

  it('finds the documents an annotator has a layer on, and combines criteria', async () => {
    const { projectId, ids } = await workspace();
    const [d0, d1, , d3, d4] = ids;
    expect(await filterByIndexes({ projectId, annotator: 'alice', annotatorWithLayer: 'bob' })).toEqual([d1, d4]);
    expect(await filterByIndexes({ projectId, annotator: 'alice', annotatorWithLayer: 'alice' })).toEqual([d0, d1, d3]);
    expect(await filterByIndexes({ projectId, annotator: 'alice', annotatorWithLayer: 'carol' })).toEqual([]);
    // Alice's new documents among those Bob has worked on.
    expect(await filterByIndexes({ projectId, annotator: 'alice', status: 'new', annotatorWithLayer: 'bob' })).toEqual([d4]);
    expect(await filterByIndexes({ projectId, annotator: 'alice', status: 'done', label: 'person' })).toEqual([d1]);
  });

  it('never leaks documents of another project, even for a label shared across projects', async () => {
    const { projectId, ids } = await workspace();
    const otherProject = 'other-project';
    await db.projects.add({ id: otherProject, name: 'Other', labels: [], createdAt: 0, updatedAt: 0 });
    await importPlain(otherProject, ['另一个项目的文档']);
    const [other = ''] = await listDocumentIds(otherProject);
    await saveSpans(other, 'alice', [span('person')]);
    expect(await filterByIndexes({ projectId, annotator: 'alice', label: 'person' })).toEqual([ids[0], ids[1]]);
    expect(await filterByIndexes({ projectId: otherProject, annotator: 'alice', label: 'person' })).toEqual([other]);
  });

  it('lists the annotators with layers in the project, and only that project', async () => {
    const { projectId } = await workspace();
    await db.projects.add({ id: 'zz-other', name: 'Other', labels: [], createdAt: 0, updatedAt: 0 });
    await importPlain('zz-other', ['另一个项目']);
    const [other = ''] = await listDocumentIds('zz-other');
    await saveSpans(other, 'carol', [span('person')]);
    expect(await listAnnotators(projectId)).toEqual(['alice', 'bob']);
    expect(await listAnnotators('zz-other')).toEqual(['carol']);
  });

  it('uses the ordered ids it is given instead of reading them again', async () => {
    const { projectId, ids } = await workspace();
    const reversed = [...ids].reverse();
    expect(await filterByIndexes({ projectId, annotator: 'alice', label: 'person' }, reversed)).toEqual([ids[1], ids[0]]);
  });
});

describe('text search', () => {
  it('matches case-insensitively only when the query has case', () => {
    expect(textMatcher('beijing')('Beijing Daily')).toBe(true);
    expect(textMatcher(' 通州区 ')('在通州区工作')).toBe(true);
    expect(textMatcher('通州')('通 州')).toBe(false);
    expect(textMatcher('')('anything')).toBe(true);
  });

  it('searches given titles first, then texts, reporting every chunk', async () => {
    const { ids } = await workspace();
    const [d0, , d2] = ids;
    const titles = (await getDocuments(ids)).map((row) => row?.title);
    const reports: SearchProgress[] = [];
    const record = (progress: SearchProgress) => {
      reports.push(progress);
    };
    const found = await searchDocuments(ids, '通州区', { titles, chunk: 2, onProgress: record });
    expect(found).toEqual(new Set([d0, d2]));
    // The title (first line) of d0 holds the words; d2 has them on its second line only.
    expect(reports[0]).toEqual({ found: [d0], phase: 'titles', scanned: 0, total: 5 });
    const texts = reports.filter((report) => report.phase === 'texts');
    // All five are on one page: one read.
    expect(texts.map((report) => report.scanned)).toEqual([5]);
    expect(texts.flatMap((report) => report.found)).toEqual([d2]);
  });

  it('reads texts a page at a time, keeping to the ids asked, finds in reading order', async () => {
    const { projectId, ids } = await workspace();
    await db.projects.add({ id: 'zz-other', name: 'Other', labels: [], createdAt: 0, updatedAt: 0 });
    await importPlain('zz-other', ['另一个项目也提到通州区']);
    // A second page of this project, imported later.
    await importPlain(projectId, ['第二页也提到通州区', '第二页没有']);
    const all = await listDocumentIds(projectId);
    const reports: SearchProgress[] = [];
    const record = (progress: SearchProgress) => {
      reports.push(progress);
    };
    const found = await searchDocuments(all, '通州区', { chunk: 1, onProgress: record });
    expect(found).toEqual(new Set([ids[0], ids[2], all[5]]));
    // Two pages (five documents, then two): one read each, the other project's page never read.
    expect(reports.map((report) => `${report.scanned}/${report.total}`)).toEqual(['5/7', '7/7']);
    expect(reports.flatMap((report) => report.found)).toEqual([ids[0], ids[2], all[5]]);
    expect(await filterDocumentIds({ projectId, annotator: 'alice', text: '通州区' })).toEqual([ids[0], ids[2], all[5]]);
  });

  it('stops between chunks when aborted', async () => {
    const { projectId } = await workspace();
    // Three more pages, one document each.
    for (const text of ['第二页', '第三页', '第四页']) await importPlain(projectId, [text]);
    const controller = new AbortController();
    const scanned: number[] = [];
    const search = searchDocuments(await listDocumentIds(projectId), '通州区', {
      chunk: 1,
      signal: controller.signal,
      onProgress: (progress) => {
        scanned.push(progress.scanned);
        if (progress.scanned === 6) controller.abort(new Error('query changed'));
      },
    });
    await expect(search).rejects.toThrow('query changed');
    expect(scanned).toEqual([5, 6]);
  });

  it('combines text with the indexed criteria, in reading order', async () => {
    const { projectId, ids } = await workspace();
    const [d0, , d2] = ids;
    expect(await filterDocumentIds({ projectId, annotator: 'alice', text: '通州区' })).toEqual([d0, d2]);
    expect(await filterDocumentIds({ projectId, annotator: 'alice', text: '通州区', status: 'new' })).toEqual([d2]);
    expect(await filterDocumentIds({ projectId, annotator: 'alice', text: 'DAILY' })).toEqual([d2]);
    expect(await filterDocumentIds({ projectId, annotator: 'alice', text: '   ' })).toEqual(ids);
    expect(await filterDocumentIds({ projectId, annotator: 'alice', text: '不存在' })).toEqual([]);
  });
});

describe('change signals', () => {
  it('says when layers, or documents, change', async () => {
    const { projectId, ids } = await workspace();
    let seen = new Set<string>();
    const stops = [onLayersChanged(() => seen.add('layers')), onDocumentsChanged(() => seen.add('documents'))];
    /** The signals a write gives (Dexie announces a commit just after it: give it a turn). */
    const signals = async (write: () => Promise<unknown>) => {
      seen = new Set();
      await write();
      await new Promise((resolve) => setTimeout(resolve, 20));
      return [...seen].sort();
    };
    expect(await signals(() => setStatus(ids[2] ?? '', 'alice', 'done'))).toEqual(['layers']);
    expect(await signals(() => db.settings.put({ key: 'unrelated', value: 1 }))).toEqual([]);
    expect(await signals(() => importPlain(projectId, ['又一篇']))).toContain('documents');
    expect(await signals(() => importTexts(projectId, [incoming('带标注的一篇', [{ start: 0, end: 3, label: 'person' }])]))).toEqual(['documents', 'layers']);
    for (const stop of stops) stop();
    expect(await signals(() => setStatus(ids[4] ?? '', 'alice', 'done'))).toEqual([]);
  });
});
