import { beforeEach, describe, expect, it } from 'vitest';
import { spanKey } from '../core/spans';
import type { Span } from '../core/types';
import { getAnnotation, saveSpans, setStatus, writeSpans } from './annotations';
import { applyChange } from './changes';
import { db } from './database';
import { layersOf } from './documentFilters';
import { listDocumentIds } from './documents';
import { ImportWriter, rollBackImport } from './importWriter';
import { countSpansWithLabel } from './labels';
import { layerStore } from './layerStore';
import { ensureDefaultProject } from './projects';
import { importTexts, incoming, resetDatabase } from './testing';

beforeEach(resetDatabase);

const TEXT = '刘艳霞在通州区工作，服务150户居民';
const person = { start: 0, end: 3, label: 'person' };
const place = { start: 4, end: 7, label: 'place' };
const metric = { start: 12, end: 16, label: 'metric' };

async function keysOf(documentId: string, annotator: string): Promise<string[]> {
  return ((await getAnnotation(documentId, annotator))?.spans ?? []).map(spanKey).sort();
}

async function oneDocument(spans = [person]): Promise<{ projectId: string; documentId: string }> {
  const { id: projectId } = await ensureDefaultProject();
  await importTexts(projectId, [incoming(TEXT, spans)]);
  const [documentId = ''] = await listDocumentIds(projectId);
  return { projectId, documentId };
}

describe('undo applies to the layer as it is now', () => {
  it('keeps a span an import merged in after the edit being undone', async () => {
    const { projectId, documentId } = await oneDocument();
    const tagged = await writeSpans(documentId, 'alice', (spans) => [...spans, { id: 'mine', ...place }]);
    await importTexts(projectId, [incoming(TEXT, [metric])]);
    expect(await keysOf(documentId, 'alice')).toEqual(['0:3:person', '12:16:metric', '4:7:place']);

    await applyChange({ layers: tagged ? [tagged.change] : [] }, 'undo');
    expect(await keysOf(documentId, 'alice')).toEqual(['0:3:person', '12:16:metric']);
  });

  it('keeps a span another writer added in between, and redo puts the edit back beside it', async () => {
    const { documentId } = await oneDocument([]);
    const first = await writeSpans(documentId, 'alice', (spans) => [...spans, { id: 'a', ...person }]);
    // Another tab's write, read-modify-write on the current layer.
    const current = (await getAnnotation(documentId, 'alice'))?.spans ?? [];
    await saveSpans(documentId, 'alice', [...current, { id: 'b', ...place }]);

    const step = { layers: first ? [first.change] : [] };
    expect(await applyChange(step, 'undo')).toEqual({ conflicts: 0 });
    expect(await keysOf(documentId, 'alice')).toEqual(['4:7:place']);
    expect(await applyChange(step, 'redo')).toEqual({ conflicts: 0 });
    expect(await keysOf(documentId, 'alice')).toEqual(['0:3:person', '4:7:place']);
  });

  it('says how much of a step no longer applies, and changes nothing else', async () => {
    const { documentId } = await oneDocument([]);
    const added = await writeSpans(documentId, 'alice', (spans) => [...spans, { id: 'a', ...person }]);
    await saveSpans(documentId, 'alice', []);
    expect(await applyChange({ layers: added ? [added.change] : [] }, 'undo')).toEqual({ conflicts: 1 });
    expect(await keysOf(documentId, 'alice')).toEqual([]);
  });

  it('undoes a status as a change too, and leaves it when it moved on since', async () => {
    const { documentId } = await oneDocument();
    const done = await setStatus(documentId, 'alice', 'done');
    expect(done?.status).toEqual({ before: 'in-progress', after: 'done' });
    await applyChange({ layers: done ? [done] : [] }, 'undo');
    expect((await getAnnotation(documentId, 'alice'))?.status).toBe('in-progress');
    await setStatus(documentId, 'alice', 'skipped');
    expect(await applyChange({ layers: done ? [done] : [] }, 'redo')).toEqual({ conflicts: 1 });
    expect((await getAnnotation(documentId, 'alice'))?.status).toBe('skipped');
  });

  it('touches only the annotator the step was made by', async () => {
    const { documentId } = await oneDocument();
    await importTexts((await ensureDefaultProject()).id, [incoming(TEXT, [person], 'bob')]);
    const alice = await writeSpans(documentId, 'alice', () => []);
    await applyChange({ layers: alice ? [alice.change] : [] }, 'undo');
    expect(await keysOf(documentId, 'alice')).toEqual(['0:3:person']);
    expect(await getAnnotation(documentId, 'bob')).toMatchObject({ revision: 1, spans: [expect.objectContaining(person)] });
  });
});

describe('one layer, one place', () => {
  it('says where each layer it reads lives', async () => {
    const { documentId } = await oneDocument();
    expect((await getAnnotation(documentId, 'alice'))?.location).toBe('page');
    await writeSpans(documentId, 'alice', (spans) => [...spans, { id: 'x', ...place }]);
    expect(await getAnnotation(documentId, 'alice')).toMatchObject({ location: 'row', revision: 1 });
  });

  it('a layer written back from a copy of what was read lives in exactly one place', async () => {
    const { projectId, documentId } = await oneDocument([person, place]);
    const read = await getAnnotation(documentId, 'alice');
    const copy: Span[] = (read?.spans ?? []).map((span) => ({ ...span }));
    await saveSpans(documentId, 'alice', copy);

    const layers = (await layersOf([documentId])).get(documentId) ?? [];
    expect(layers.filter((layer) => layer.annotator === 'alice').map((layer) => layer.location)).toEqual(['row']);
    expect(await countSpansWithLabel(projectId, 'person')).toBe(1);
    let visited = 0;
    await layerStore().forEachLayer(projectId, {}, () => visited++);
    expect(visited).toBe(1);
  });

  it('never stores the location it reports', async () => {
    const { documentId } = await oneDocument();
    await writeSpans(documentId, 'alice', (spans) => [...spans, { id: 'x', ...place }]);
    const raw = await db.annotations.get([documentId, 'alice']);
    expect(raw && 'location' in raw).toBe(false);
  });

  it('bumps the revision on every write, so the newer of two reads is known without clocks', async () => {
    const { documentId } = await oneDocument();
    await saveSpans(documentId, 'alice', []);
    await saveSpans(documentId, 'alice', [{ id: 'p', ...person }]);
    await setStatus(documentId, 'alice', 'done');
    expect((await getAnnotation(documentId, 'alice'))?.revision).toBe(3);
  });
});

describe('forEachLayer', () => {
  it('visits rows and page slots alike, by annotator and status', async () => {
    const { id: projectId } = await ensureDefaultProject();
    await importTexts(projectId, [incoming(`一${TEXT}`, [person], 'alice'), incoming(`二${TEXT}`, [], 'bob'), incoming(`三${TEXT}`, [place], 'alice')]);
    const [first = ''] = await listDocumentIds(projectId);
    await setStatus(first, 'alice', 'done');
    const seen: string[] = [];
    await layerStore().forEachLayer(projectId, { annotators: ['alice'] }, (layer) => seen.push(`${layer.status}@${layer.location}`));
    expect(seen.sort()).toEqual(['done@row', 'in-progress@page']);
    const done: string[] = [];
    await layerStore().forEachLayer(projectId, { statuses: ['done'] }, (layer) => done.push(layer.documentId));
    expect(done).toEqual([first]);
  });
});

describe('imports never race', () => {
  it('two imports in flight store each text once, with distinct reading orders', async () => {
    const { id: projectId } = await ensureDefaultProject();
    const texts = Array.from({ length: 150 }, (_, i) => `第${i}篇：刘艳霞在通州区工作`);
    const importAll = async (annotator: string) => {
      const writer = await ImportWriter.begin(projectId, `${annotator}.jsonl`);
      for (let at = 0; at < texts.length; at += 40) await writer.writeBatch(texts.slice(at, at + 40).map((text) => incoming(text, [person], annotator)));
      await writer.commit();
    };
    await Promise.all([importAll('alice'), importAll('bob')]);

    const ids = await listDocumentIds(projectId);
    expect(ids).toHaveLength(texts.length);
    const pages = await db.pages.where('projectId').equals(projectId).toArray();
    const orders = pages.flatMap((page) => Array.from({ length: page.count }, (_, slot) => page.order + slot));
    expect(new Set(orders).size).toBe(orders.length);
    const layers = await layersOf(ids);
    expect([...layers.values()].every((ofDocument) => ofDocument.map((layer) => layer.annotator).sort().join() === 'alice,bob')).toBe(true);
  });

  it('a rollback restores a merged layer exactly, page slot and all', async () => {
    const { projectId, documentId } = await oneDocument([person]);
    const before = await getAnnotation(documentId, 'alice');
    const writer = await ImportWriter.begin(projectId, 'merge.jsonl');
    await writer.writeBatch([incoming(TEXT, [place])]);
    expect(await keysOf(documentId, 'alice')).toEqual(['0:3:person', '4:7:place']);
    await rollBackImport(writer.importId);
    writer.abandon();
    expect(await getAnnotation(documentId, 'alice')).toEqual(before);
  });
});
