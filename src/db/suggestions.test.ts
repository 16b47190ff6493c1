import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getAnnotation, saveSpans, setStatus } from './annotations';
import { applyChange, isEmptyChange } from './changes';
import { listDocumentIds } from './documents';
import { ImportWriter, type IncomingDocument } from './importWriter';
import { ensureDefaultProject } from './projects';
import {
  addDictionary,
  addPattern,
  deleteDictionary,
  deletePattern,
  getSuggestionSettings,
  listAnnotatedDocumentIds,
  listDictionaries,
  listPatterns,
  readSuggestionSources,
  readTaggedStrings,
  rejectSuggestions,
  setDictionaryEnabled,
  setPatternEnabled,
  setSuggestionSwitches,
} from './suggestions';
import { incoming, resetDatabase } from './testing';

async function projectWith(texts: IncomingDocument[]): Promise<{ projectId: string; documentIds: string[] }> {
  const project = await ensureDefaultProject();
  const writer = await ImportWriter.begin(project.id, 'test.txt');
  await writer.writeBatch(texts);
  await writer.commit();
  return { projectId: project.id, documentIds: await listDocumentIds(project.id) };
}

beforeEach(resetDatabase);

describe('suggestion settings', () => {
  it('turns the built-in metric pattern and the learned gazetteer on by default', async () => {
    expect(await getSuggestionSettings('p')).toEqual({ metricEnabled: true, learnedEnabled: true, revision: 0 });
  });

  it('persists the switches per project and moves the revision with every change', async () => {
    await setSuggestionSwitches('p', { metricEnabled: false });
    expect(await getSuggestionSettings('p')).toEqual({ metricEnabled: false, learnedEnabled: true, revision: 1 });
    await setSuggestionSwitches('p', { learnedEnabled: false });
    expect(await getSuggestionSettings('p')).toEqual({ metricEnabled: false, learnedEnabled: false, revision: 2 });
    expect(await getSuggestionSettings('q')).toMatchObject({ metricEnabled: true, revision: 0 });
  });
});

describe('dictionaries and patterns', () => {
  it('adds, toggles and deletes dictionaries, bumping the revision each time', async () => {
    const first = await addDictionary('p', 'people.txt', [{ label: 'person', term: '刘艳霞' }]);
    const second = await addDictionary('p', 'places.txt', [{ label: 'place', term: '通州区' }, { label: 'place', term: '北京' }]);
    await addDictionary('q', 'other.txt', [{ label: 'person', term: '郭彦' }]);
    expect((await listDictionaries('p')).map((row) => [row.name, row.entries.length, row.enabled])).toEqual([
      ['people.txt', 1, true],
      ['places.txt', 2, true],
    ]);
    expect((await getSuggestionSettings('p')).revision).toBe(2);

    await setDictionaryEnabled(first.id, false);
    await setDictionaryEnabled(first.id, false);
    expect((await getSuggestionSettings('p')).revision).toBe(3);
    expect((await readSuggestionSources('p')).dictionaries.map((row) => row.id)).toEqual([second.id]);

    await deleteDictionary(second.id);
    expect((await listDictionaries('p')).map((row) => row.name)).toEqual(['people.txt']);
    expect((await getSuggestionSettings('p')).revision).toBe(4);
  });

  it('adds, toggles and deletes patterns; only enabled ones are sources', async () => {
    const year = await addPattern('p', { label: 'date', pattern: '\\d{4}年', flags: '' });
    const word = await addPattern('p', { label: 'policy', pattern: '网格化管理', flags: 'i' });
    expect((await listPatterns('p')).map((row) => [row.label, row.pattern, row.flags, row.enabled])).toEqual([
      ['date', '\\d{4}年', '', true],
      ['policy', '网格化管理', 'i', true],
    ]);
    await setPatternEnabled(year.id, false);
    const sources = await readSuggestionSources('p');
    expect(sources.patterns.map((row) => row.id)).toEqual([word.id]);
    expect(sources.settings.revision).toBe(3);
    await deletePattern(word.id);
    expect((await listPatterns('p')).map((row) => row.id)).toEqual([year.id]);
  });
});

async function rejectedOf(documentId: string, annotator: string): Promise<string[]> {
  return (await getAnnotation(documentId, annotator))?.rejected ?? [];
}

describe('rejected suggestions', () => {
  it('remembers rejections per document and annotator, once each, keeping spans and status', async () => {
    const { documentIds } = await projectWith([incoming('刘艳霞在通州区工作，服务150户居民')]);
    const [documentId = ''] = documentIds;
    await saveSpans(documentId, 'alice', [{ id: 's1', start: 0, end: 3, label: 'person' }]);
    await setStatus(documentId, 'alice', 'done');

    await rejectSuggestions(documentId, 'alice', ['12:16:metric', '4:7:place']);
    await rejectSuggestions(documentId, 'alice', ['12:16:metric']);
    expect(await rejectedOf(documentId, 'alice')).toEqual(['12:16:metric', '4:7:place']);
    expect(await getAnnotation(documentId, 'alice')).toMatchObject({ status: 'done', spans: [{ id: 's1' }] });
    expect(await rejectedOf(documentId, 'bob')).toEqual([]);
  });

  it('gives an untouched document a layer without spans that is still new', async () => {
    const { documentIds } = await projectWith([incoming('服务150户居民')]);
    const [documentId = ''] = documentIds;
    await rejectSuggestions(documentId, 'bob', ['2:6:metric']);
    expect(await getAnnotation(documentId, 'bob')).toMatchObject({ spans: [], status: 'new', rejected: ['2:6:metric'] });
  });

  it('returns only the keys it newly rejected, and undo and redo take back and restore exactly those', async () => {
    const { documentIds } = await projectWith([incoming('刘艳霞在通州区工作，服务150户居民')]);
    const [documentId = ''] = documentIds;
    expect((await rejectSuggestions(documentId, 'alice', ['4:7:place']))?.rejected).toEqual(['4:7:place']);
    const rejection = await rejectSuggestions(documentId, 'alice', ['4:7:place', '12:16:metric', '12:16:metric']);
    expect(rejection?.rejected).toEqual(['12:16:metric']);
    const change = { layers: rejection ? [rejection] : [] };

    await applyChange(change, 'undo');
    expect(await rejectedOf(documentId, 'alice')).toEqual(['4:7:place']);
    await applyChange(change, 'redo');
    expect(await rejectedOf(documentId, 'alice')).toEqual(['4:7:place', '12:16:metric']);
    expect(await rejectSuggestions(documentId, 'alice', ['12:16:metric'])).toBeNull();
    expect(isEmptyChange({ layers: [{ documentId, annotator: 'alice', added: [], removed: [], rejected: [] }] })).toBe(true);
    expect(isEmptyChange(change)).toBe(false);
  });

  it('keeps rejections when spans are edited later', async () => {
    const { documentIds } = await projectWith([incoming('刘艳霞在通州区工作')]);
    const [documentId = ''] = documentIds;
    await rejectSuggestions(documentId, 'alice', ['4:7:place']);
    await saveSpans(documentId, 'alice', [{ id: 's1', start: 0, end: 3, label: 'person' }]);
    expect(await rejectedOf(documentId, 'alice')).toEqual(['4:7:place']);
  });
});

describe('tagged strings for the learned gazetteer', () => {
  it('packs the strings each document has tagged, per annotator', async () => {
    const { projectId, documentIds } = await projectWith([
      incoming('刘艳霞在通州区工作', [{ start: 0, end: 3, label: 'person' }, { start: 4, end: 7, label: 'place' }]),
      incoming('郭彦是记者', [{ start: 0, end: 2, label: 'person' }], 'bob'),
      incoming('没有标注的文档'),
    ]);
    const alice = await listAnnotatedDocumentIds(projectId, 'alice');
    expect(alice).toHaveLength(1);
    const [tagged] = await readTaggedStrings(alice, 'alice');
    expect(tagged).toMatchObject({ text: '刘艳霞\n通州区', spans: [{ start: 0, end: 3, label: 'person' }, { start: 4, end: 7, label: 'place' }] });
    expect(tagged?.updatedAt).toBeGreaterThan(0);

    // Every document id, including ones without a layer for this annotator.
    const all = await readTaggedStrings(documentIds, 'bob');
    expect(all.map((entry) => entry.text).sort()).toEqual(['', '', '郭彦']);
  });

  it('skips layers the caller says are current, without reading their text', async () => {
    const { projectId } = await projectWith([incoming('刘艳霞在通州区工作', [{ start: 0, end: 3, label: 'person' }])]);
    const [documentId = ''] = await listAnnotatedDocumentIds(projectId, 'alice');
    const [first] = await readTaggedStrings([documentId], 'alice');
    const stamp = first?.updatedAt ?? -1;
    expect(await readTaggedStrings([documentId], 'alice', (id, updatedAt) => id === documentId && updatedAt === stamp)).toEqual([]);

    // An edit (here: a status) a millisecond later makes the layer newer than what the caller read.
    const now = vi.spyOn(Date, 'now').mockReturnValue(stamp + 1);
    await setStatus(documentId, 'alice', 'done');
    now.mockRestore();
    const [again] = await readTaggedStrings([documentId], 'alice', (id, updatedAt) => updatedAt === stamp);
    expect(again).toMatchObject({ text: '刘艳霞', updatedAt: stamp + 1 });
  });
});
