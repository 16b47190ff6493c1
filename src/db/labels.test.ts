import { beforeEach, describe, expect, it } from 'vitest';
import { meetsAA } from '../core/color';
import { LabelSetError } from '../core/labelSet';
import { getAnnotation, setStatus } from './annotations';
import { applyChange } from './changes';
import { db } from './database';
import { layersOf } from './documentFilters';
import { listDocumentIds } from './documents';
import { ImportWriter } from './importWriter';
import { addLabel, countSpansWithLabel, deleteLabel, moveLabel, renameLabel, updateLabel } from './labels';
import { ensureDefaultProject } from './projects';
import { addDictionary, addPattern, getSuggestionSettings, listDictionaries, listPatterns, rejectSuggestions } from './suggestions';
import { incoming, resetDatabase } from './testing';

const TEXT = '刘艳霞在通州区推行网格化管理';
/** One project, two documents, spans by alice, bob and gold, plus a second project using `place` too. */
async function seed(): Promise<{ projectId: string; documentIds: string[]; otherProject: string }> {
  const project = await ensureDefaultProject();
  const writer = await ImportWriter.begin(project.id, 'seed.jsonl');
  await writer.writeBatch([
    incoming(TEXT, [{ start: 0, end: 3, label: 'person' }, { start: 4, end: 7, label: 'place' }], 'alice'),
    incoming(TEXT, [{ start: 4, end: 7, label: 'place' }, { start: 4, end: 7, label: 'policy' }], 'bob'),
    incoming('北京市和上海市', [{ start: 0, end: 3, label: 'place' }, { start: 4, end: 7, label: 'place' }], 'gold'),
  ]);
  await writer.commit();
  const otherProject = 'other-project';
  await db.projects.add({ id: otherProject, name: 'Other', labels: project.labels, createdAt: 0, updatedAt: 0 });
  const other = await ImportWriter.begin(otherProject, 'other.jsonl');
  await other.writeBatch([incoming('通州区', [{ start: 0, end: 3, label: 'place' }], 'alice')]);
  await other.commit();
  return { projectId: project.id, documentIds: await listDocumentIds(project.id), otherProject };
}

async function labelNames(projectId: string): Promise<string[]> {
  return ((await db.projects.get(projectId))?.labels ?? []).map((label) => label.name);
}

async function spanLabels(documentId: string, annotator: string): Promise<string[]> {
  return ((await getAnnotation(documentId, annotator))?.spans ?? []).map((span) => `${span.start}-${span.end}:${span.label}`);
}

/** Every layer of the project, wherever it lives (a page or a row), in a stable order. */
async function allLayers(projectId: string) {
  const layers = await layersOf(await listDocumentIds(projectId));
  // Content only: undo may leave a layer in a row where it was on its page, at a later revision.
  return [...layers.values()].flat().map(({ location: _location, revision: _revision, ...row }) => ({ ...row, updatedAt: 0 })).sort((a, b) => `${a.documentId}${a.annotator}`.localeCompare(`${b.documentId}${b.annotator}`));
}

beforeEach(resetDatabase);

describe('renameLabel', () => {
  it('renames the label and every annotator’s spans in the project, and undo restores them exactly', async () => {
    const { projectId, documentIds, otherProject } = await seed();
    const [first = '', second = ''] = documentIds;
    const before = await allLayers(projectId);

    const change = await renameLabel(projectId, 'place', 'location');
    expect(await labelNames(projectId)).toEqual(['person', 'location', 'policy', 'metric']);
    expect(await spanLabels(first, 'alice')).toEqual(['0-3:person', '4-7:location']);
    expect(await spanLabels(first, 'bob')).toEqual(['4-7:location', '4-7:policy']);
    expect(await spanLabels(second, 'gold')).toEqual(['0-3:location', '4-7:location']);
    expect(change.layers).toHaveLength(3);
    expect(await countSpansWithLabel(projectId, 'location')).toBe(4);
    expect(await countSpansWithLabel(projectId, 'place')).toBe(0);
    // The label-key index follows the rename.
    expect((await getAnnotation(first, 'alice'))?.labelKeys.some((key) => key.endsWith('\u0001location'))).toBe(true);
    // Another project's spans and labels are not touched.
    expect(await countSpansWithLabel(otherProject, 'place')).toBe(1);
    expect(await labelNames(otherProject)).toContain('place');

    await applyChange(change, 'undo');
    expect(await labelNames(projectId)).toEqual(['person', 'place', 'policy', 'metric']);
    expect(await allLayers(projectId)).toEqual(before);

    await applyChange(change, 'redo');
    expect(await countSpansWithLabel(projectId, 'location')).toBe(4);
  });

  it('keeps status and rejected suggestions of the layers it rewrites', async () => {
    const { projectId, documentIds } = await seed();
    const [first = ''] = documentIds;
    await setStatus(first, 'alice', 'done');
    await rejectSuggestions(first, 'alice', ['9:10:place']);
    await renameLabel(projectId, 'place', 'location');
    expect(await getAnnotation(first, 'alice')).toMatchObject({ status: 'done', rejected: ['9:10:place'] });
  });

  it('merges onto an existing label, collapsing exact duplicates, and undo splits them again', async () => {
    const { projectId, documentIds } = await seed();
    const [first = ''] = documentIds;
    const bobBefore = await getAnnotation(first, 'bob');

    const change = await renameLabel(projectId, 'policy', 'place');
    expect(await labelNames(projectId)).toEqual(['person', 'place', 'metric']);
    const bob = await getAnnotation(first, 'bob');
    expect(bob?.spans).toEqual([bobBefore?.spans.find((span) => span.label === 'place')]);

    await applyChange(change, 'undo');
    expect((await getAnnotation(first, 'bob'))?.spans).toEqual(bobBefore?.spans);
    expect(await labelNames(projectId)).toEqual(['person', 'place', 'policy', 'metric']);
  });

  it('does nothing for the same name and refuses an empty one', async () => {
    const { projectId } = await seed();
    expect(await renameLabel(projectId, 'place', 'place')).toEqual({ layers: [] });
    await expect(renameLabel(projectId, 'place', ' ')).rejects.toThrow(LabelSetError);
    expect(await labelNames(projectId)).toEqual(['person', 'place', 'policy', 'metric']);
  });
});

describe('deleteLabel', () => {
  it('counts the spans that carry a label over all annotators', async () => {
    const { projectId } = await seed();
    expect(await countSpansWithLabel(projectId, 'place')).toBe(4);
    expect(await countSpansWithLabel(projectId, 'policy')).toBe(1);
    expect(await countSpansWithLabel(projectId, 'metric')).toBe(0);
  });

  it('removes the label with its spans; undo brings both back', async () => {
    const { projectId, documentIds } = await seed();
    const [first = '', second = ''] = documentIds;
    const before = await allLayers(projectId);

    const change = await deleteLabel(projectId, 'place', { remove: true });
    expect(await labelNames(projectId)).toEqual(['person', 'policy', 'metric']);
    expect(await spanLabels(first, 'alice')).toEqual(['0-3:person']);
    expect(await spanLabels(first, 'bob')).toEqual(['4-7:policy']);
    expect(await spanLabels(second, 'gold')).toEqual([]);
    expect(await countSpansWithLabel(projectId, 'place')).toBe(0);

    await applyChange(change, 'undo');
    expect(await allLayers(projectId)).toEqual(before);
    expect(await labelNames(projectId)).toEqual(['person', 'place', 'policy', 'metric']);
  });

  it('relabels the spans to another label, collapsing duplicates', async () => {
    const { projectId, documentIds } = await seed();
    const [first = '', second = ''] = documentIds;
    const before = await allLayers(projectId);

    const change = await deleteLabel(projectId, 'place', { relabelTo: 'policy' });
    expect(await labelNames(projectId)).toEqual(['person', 'policy', 'metric']);
    expect(await spanLabels(first, 'alice')).toEqual(['0-3:person', '4-7:policy']);
    expect(await spanLabels(first, 'bob')).toEqual(['4-7:policy']);
    expect(await spanLabels(second, 'gold')).toEqual(['0-3:policy', '4-7:policy']);

    await applyChange(change, 'undo');
    expect(await allLayers(projectId)).toEqual(before);
  });

  it('refuses relabelling to the deleted label itself or to an unknown one, changing nothing', async () => {
    const { projectId } = await seed();
    await expect(deleteLabel(projectId, 'place', { relabelTo: 'place' })).rejects.toMatchObject({ problem: { kind: 'relabel-target' } });
    await expect(deleteLabel(projectId, 'place', { relabelTo: 'nope' })).rejects.toThrow(LabelSetError);
    await expect(deleteLabel(projectId, 'nope', { remove: true })).rejects.toMatchObject({ problem: { kind: 'unknown-label' } });
    expect(await countSpansWithLabel(projectId, 'place')).toBe(4);
    expect(await labelNames(projectId)).toEqual(['person', 'place', 'policy', 'metric']);
  });
});

describe('addLabel, updateLabel, moveLabel', () => {
  it('adds a label with a free hotkey and a readable palette colour; undo removes it', async () => {
    const { projectId } = await seed();
    const change = await addLabel(projectId, { name: 'org' });
    const added = (await db.projects.get(projectId))?.labels.at(-1);
    expect(added).toMatchObject({ name: 'org', hotkey: '5' });
    expect(meetsAA(added?.color ?? '')).toBe(true);
    expect(change.layers).toEqual([]);
    await applyChange(change, 'undo');
    expect(await labelNames(projectId)).toEqual(['person', 'place', 'policy', 'metric']);
  });

  it('refuses a duplicate name', async () => {
    const { projectId } = await seed();
    await expect(addLabel(projectId, { name: 'place' })).rejects.toMatchObject({ problem: { kind: 'name-taken', name: 'place' } });
  });

  it('refuses a hotkey another label has, and reserved keys, writing nothing', async () => {
    const { projectId } = await seed();
    await expect(updateLabel(projectId, 'person', { hotkey: '2' })).rejects.toMatchObject({
      problem: { kind: 'hotkey-taken', hotkey: '2', owner: 'place' },
    });
    await expect(updateLabel(projectId, 'person', { hotkey: '?' })).rejects.toMatchObject({ problem: { kind: 'hotkey-reserved' } });
    await expect(addLabel(projectId, { name: 'org', hotkey: '3' })).rejects.toMatchObject({ problem: { kind: 'hotkey-taken', owner: 'policy' } });
    expect((await db.projects.get(projectId))?.labels.map((label) => label.hotkey)).toEqual(['1', '2', '3', '4']);
  });

  it('rebinds and recolours, keeping AA contrast, and refuses a colour that is not #rrggbb', async () => {
    const { projectId } = await seed();
    const change = await updateLabel(projectId, 'person', { hotkey: 'P', color: '#FFFF00' });
    const person = (await db.projects.get(projectId))?.labels[0];
    expect(person).toEqual({ name: 'person', hotkey: 'p', color: '#ffff00' });
    expect(meetsAA(person?.color ?? '')).toBe(true);
    await expect(updateLabel(projectId, 'person', { color: 'yellow' })).rejects.toMatchObject({ problem: { kind: 'color-invalid' } });
    await applyChange(change, 'undo');
    expect((await db.projects.get(projectId))?.labels[0]?.hotkey).toBe('1');
  });

  it('reorders; moving to where it already is changes nothing', async () => {
    const { projectId } = await seed();
    const change = await moveLabel(projectId, 'metric', 1);
    expect(await labelNames(projectId)).toEqual(['person', 'metric', 'place', 'policy']);
    expect(await moveLabel(projectId, 'metric', 1)).toEqual({ layers: [] });
    await applyChange(change, 'undo');
    expect(await labelNames(projectId)).toEqual(['person', 'place', 'policy', 'metric']);
  });
});

describe('label changes reach dictionaries and patterns', () => {
  async function sources(projectId: string) {
    return {
      entries: (await listDictionaries(projectId)).flatMap((row) => row.entries.map((entry) => `${entry.label}:${entry.term}`)),
      patterns: (await listPatterns(projectId)).map((row) => `${row.label}:${row.pattern}`),
    };
  }

  it('a rename relabels entries and patterns, bumps the sources revision, and undo and redo follow', async () => {
    const { projectId } = await seed();
    await addDictionary(projectId, 'places', [{ label: 'place', term: '通州区' }, { label: 'person', term: '刘艳霞' }]);
    await addPattern(projectId, { label: 'place', pattern: '.{2}区', flags: '' });
    const revision = (await getSuggestionSettings(projectId)).revision;

    const change = await renameLabel(projectId, 'place', 'location');
    expect(await sources(projectId)).toEqual({ entries: ['location:通州区', 'person:刘艳霞'], patterns: ['location:.{2}区'] });
    expect((await getSuggestionSettings(projectId)).revision).toBeGreaterThan(revision);

    await applyChange(change, 'undo');
    expect(await sources(projectId)).toEqual({ entries: ['place:通州区', 'person:刘艳霞'], patterns: ['place:.{2}区'] });
    await applyChange(change, 'redo');
    expect(await sources(projectId)).toEqual({ entries: ['location:通州区', 'person:刘艳霞'], patterns: ['location:.{2}区'] });
  });

  it('a merge keeps one entry where two become the same', async () => {
    const { projectId } = await seed();
    await addDictionary(projectId, 'mixed', [{ label: 'place', term: '通州区' }, { label: 'policy', term: '通州区' }, { label: 'place', term: '北京' }]);
    await renameLabel(projectId, 'place', 'policy');
    expect((await sources(projectId)).entries).toEqual(['policy:通州区', 'policy:北京']);
  });

  it('a deletion drops the entries and deletes the patterns of the label; undo brings them back', async () => {
    const { projectId } = await seed();
    await addDictionary(projectId, 'places', [{ label: 'place', term: '通州区' }, { label: 'person', term: '刘艳霞' }]);
    await addPattern(projectId, { label: 'place', pattern: '.{2}区', flags: '' });
    await addPattern(projectId, { label: 'metric', pattern: '\\d+户', flags: '' });

    const change = await deleteLabel(projectId, 'place', { remove: true });
    expect(await sources(projectId)).toEqual({ entries: ['person:刘艳霞'], patterns: ['metric:\\d+户'] });
    await applyChange(change, 'undo');
    expect(await sources(projectId)).toEqual({ entries: ['place:通州区', 'person:刘艳霞'], patterns: ['place:.{2}区', 'metric:\\d+户'] });
  });
});
