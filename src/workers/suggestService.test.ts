import { beforeEach, describe, expect, it } from 'vitest';
import { addDictionary, addPattern, dbTesting, ensureDefaultProject, ImportWriter, type IncomingDocument, listDictionaries, listDocumentIds, saveSpans, setSuggestionSwitches } from '../db';
const { incoming, resetDatabase } = dbTesting;
import { SuggestService } from './suggestService';
import type { SuggestJob } from './suggestRequest';

const TEXT = '刘艳霞在通州区工作，服务150户居民。刘艳霞说，通州区很好。';

async function setUp(texts: IncomingDocument[]): Promise<{ projectId: string; documentIds: string[] }> {
  const project = await ensureDefaultProject();
  const writer = await ImportWriter.begin(project.id, 'test.txt');
  await writer.writeBatch(texts);
  await writer.commit();
  return { projectId: project.id, documentIds: await listDocumentIds(project.id) };
}

function job(projectId: string, documentId: string, revision = 0, overrides: Partial<SuggestJob> = {}): SuggestJob {
  return { projectId, annotator: 'alice', documentId, text: TEXT, sourcesRevision: revision, skipRules: [], ...overrides };
}

function shown(suggestions: readonly { start: number; end: number; label: string }[]): string[] {
  return suggestions.map((s) => `${s.label}: ${TEXT.slice(s.start, s.end)}`);
}

beforeEach(resetDatabase);

describe('SuggestService', () => {
  it('suggests the built-in metric by default, and stops when it is switched off', async () => {
    const { projectId, documentIds: [documentId = ''] } = await setUp([incoming(TEXT)]);
    const service = new SuggestService();
    expect(shown((await service.suggest(job(projectId, documentId))).suggestions)).toEqual(['metric: 150户']);
    await setSuggestionSwitches(projectId, { metricEnabled: false });
    expect((await service.suggest(job(projectId, documentId, 1))).suggestions).toEqual([]);
  });

  it('uses dictionaries and patterns once the revision moves, and skips runaway rules it is told about', async () => {
    const { projectId, documentIds: [documentId = ''] } = await setUp([incoming(TEXT)]);
    const service = new SuggestService();
    await service.suggest(job(projectId, documentId));
    await addDictionary(projectId, 'people.txt', [{ label: 'person', term: '刘艳霞' }]);
    const rule = await addPattern(projectId, { label: 'place', pattern: '通州区', flags: '' });
    // Revision 0 is still cached: nothing new until the page asks with the new revision.
    expect(shown((await service.suggest(job(projectId, documentId))).suggestions)).toEqual(['metric: 150户']);
    const fresh = await service.suggest(job(projectId, documentId, 2));
    expect(shown(fresh.suggestions)).toEqual(['person: 刘艳霞', 'place: 通州区', 'metric: 150户', 'person: 刘艳霞', 'place: 通州区']);
    const announced: (string | null)[] = [];
    const skipped = await service.suggest(job(projectId, documentId, 2, { skipRules: [rule.id] }), (progress) => announced.push(progress?.pattern ?? null));
    expect(shown(skipped.suggestions)).not.toContain('place: 通州区');
    expect(announced.at(-1)).toBeNull();
  });

  it('learns tagged strings, incrementally, and suggests them where they occur again', async () => {
    const { projectId, documentIds } = await setUp([incoming(TEXT), incoming('另一篇')]);
    const [documentId = ''] = documentIds;
    const service = new SuggestService();
    expect(await service.learn(projectId, 'alice', 'all')).toEqual({ changed: false, terms: 0, documents: 0 });

    await saveSpans(documentId, 'alice', [{ id: 's1', start: 0, end: 3, label: 'person' }]);
    expect(await service.learn(projectId, 'alice', [documentId])).toEqual({ changed: true, terms: 1, documents: 1 });
    expect(shown((await service.suggest(job(projectId, documentId))).suggestions)).toEqual(['person: 刘艳霞', 'metric: 150户', 'person: 刘艳霞']);
    expect(await service.learn(projectId, 'alice', [documentId])).toMatchObject({ changed: false });

    await saveSpans(documentId, 'alice', []);
    expect(await service.learn(projectId, 'alice', 'all')).toEqual({ changed: true, terms: 0, documents: 0 });
    await setSuggestionSwitches(projectId, { learnedEnabled: false });
    await saveSpans(documentId, 'alice', [{ id: 's1', start: 0, end: 3, label: 'person' }]);
    await service.learn(projectId, 'alice', [documentId]);
    expect(shown((await service.suggest(job(projectId, documentId, 1))).suggestions)).toEqual(['metric: 150户']);
  });

  it('validates patterns with the engine’s messages', () => {
    const service = new SuggestService();
    expect(service.validatePattern('通州区', '')).toBeNull();
    expect(service.validatePattern('(', '')).toMatch(/^Invalid regular expression/);
    expect(service.validatePattern('a*', '')).toBe('The pattern can match the empty string.');
  });

  it('imports a dictionary file, reporting problems with line numbers', async () => {
    const { projectId } = await setUp([incoming(TEXT)]);
    const service = new SuggestService();
    const plain = new File(['刘艳霞\n\n郭彦\tperson\n通州区\tplace\textra\n'], 'people.txt');
    const outcome = await service.importDictionary(projectId, plain, 'person');
    expect(outcome).toMatchObject({ name: 'people.txt', terms: 2, labels: ['person'], problemCount: 1 });
    expect(outcome.problems[0]?.line).toBe(4);
    expect(outcome.dictionaryId).toBeDefined();

    const jsonl = new File(['{"label": "place", "pattern": "通州区"}\nnot json\n'], 'places.jsonl');
    expect(await service.importDictionary(projectId, jsonl, 'person')).toMatchObject({ terms: 1, labels: ['place'], problems: [{ line: 2 }] });

    const gb = new File([new Uint8Array([0xc1, 0xf5, 0xd1, 0xde, 0xcf, 0xbc])], 'gbk.txt');
    expect(await service.importDictionary(projectId, gb, 'person')).toMatchObject({ terms: 1 });
    expect((await listDictionaries(projectId)).flatMap((row) => row.entries.map((entry) => entry.term))).toEqual(['刘艳霞', '郭彦', '通州区', '刘艳霞']);

    const empty = await service.importDictionary(projectId, new File(['\n'], 'empty.txt'), 'person');
    expect(empty).toMatchObject({ terms: 0 });
    expect(empty.dictionaryId).toBeUndefined();
  });
});
