import { Dexie, type ObservabilitySet } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editSpans, getAnnotation } from './annotations';
import { mayChangeNames, watchAnnotators } from './annotatorNames';
import { listDocumentIds } from './documents';
import { layerStore } from './layerStore';
import { ensureDefaultProject } from './projects';
import { importTexts, incoming, resetDatabase } from './testing';

const TEXT = '刘艳霞在通州区工作，服务150户居民。';

beforeEach(resetDatabase);
afterEach(() => layerStore().cancelCompaction());

/** The storage-change parts of the commit `write` makes. */
async function partsOf(write: () => Promise<unknown>): Promise<ObservabilitySet> {
  const seen: ObservabilitySet[] = [];
  const listener = (parts: ObservabilitySet) => seen.push(parts);
  Dexie.on.storagemutated.subscribe(listener);
  try {
    await write();
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    return Object.assign({}, ...seen) as ObservabilitySet;
  } finally {
    Dexie.on.storagemutated.unsubscribe(listener);
  }
}

async function aliceDocument(): Promise<{ projectId: string; documentId: string }> {
  const { id: projectId } = await ensureDefaultProject();
  await importTexts(projectId, [incoming(TEXT, [{ start: 0, end: 3, label: 'person' }])]);
  const [documentId = ''] = await listDocumentIds(projectId);
  return { projectId, documentId };
}

describe('the annotators’ names', () => {
  it('are read again after a new annotator’s first edit, a layer row written or compaction, not after a known one’s edit', async () => {
    const { projectId, documentId } = await aliceDocument();
    const known = new Set(['alice']);
    const edit = async (annotator: string, id: string) => {
      const shown = (await getAnnotation(documentId, annotator)) ?? null;
      await editSpans(shown, { documentId, annotator, projectId }, (spans) => [...spans, { id, start: 4, end: 7, label: 'place' }])?.persisted;
    };
    expect(mayChangeNames(await partsOf(() => edit('alice', 'a1')), projectId, known)).toBe(false);
    expect(mayChangeNames(await partsOf(() => edit('bob', 'b1')), projectId, known)).toBe(true);
    expect(mayChangeNames(await partsOf(() => layerStore().compact()), projectId, new Set(['alice', 'bob']))).toBe(true);
    // Another project's newcomer is not this project's business.
    expect(mayChangeNames(await partsOf(() => edit('carol', 'c1')), 'another-project', known)).toBe(false);
  });

  it('are told to the watcher at once and again when someone new edits', async () => {
    const { projectId, documentId } = await aliceDocument();
    const told: string[][] = [];
    const stop = watchAnnotators(projectId, (names) => told.push(names), (reason) => {
      throw reason;
    });
    try {
      await expect.poll(() => told).toEqual([['alice']]);
      await editSpans(null, { documentId, annotator: 'bob', projectId }, () => [{ id: 'b', start: 0, end: 3, label: 'person' }])?.persisted;
      await expect.poll(() => told.at(-1)).toEqual(['alice', 'bob']);
      await layerStore().compact();
      await editSpans(null, { documentId, annotator: 'aaron', projectId }, () => [{ id: 'a', start: 0, end: 3, label: 'person' }])?.persisted;
      await expect.poll(() => told.at(-1)).toEqual(['aaron', 'alice', 'bob']);
      // The same names are not told twice (compaction moved bob's edit into a row).
      expect(told).toHaveLength(3);
    } finally {
      stop();
    }
  });
});
