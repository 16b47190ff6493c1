import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyLayerChange, layerChangeOf, type LayerChange } from '../core/layerChange';
import { spanKey } from '../core/spans';
import type { Span } from '../core/types';
import { editSpans, getAnnotation, getAnnotations } from './annotations';
import { DATABASE_NAME, db, SpanwrightDatabase } from './database';
import { liveQuery } from 'dexie';
import { criterionDocumentIds, layersOf, onStorageChange, type StorageChange } from './documentFilters';
import { listDocumentIds } from './documents';
import { countSpansWithLabel } from './labels';
import { LayerStore, layerState, layerStore, type StoredLayer } from './layerStore';
import { ensureDefaultProject } from './projects';
import type { AnnotationRow } from './schema';
import { importTexts, incoming, resetDatabase } from './testing';

/**
 * Span edits are appended as small records and folded into the layer on every read (and into its
 * row by compaction). These tests hold the one promise that makes that safe: whatever the edits,
 * writers and compactions, the layer reads exactly as if every edit had been a whole write.
 */

const TEXT = '刘艳霞在通州区工作，服务150户居民。北京市朝阳区人民政府今天发布通知，张伟出席会议。';
const LABELS = ['person', 'place', 'metric'] as const;
const SEEDED: Span[] = [
  { id: 'i1', start: 0, end: 3, label: 'person' },
  { id: 'i2', start: 4, end: 7, label: 'place' },
];

let second: SpanwrightDatabase | null = null;

beforeEach(resetDatabase);
afterEach(() => {
  // A compaction scheduled by one test must not land in the next one's database.
  layerStore().cancelCompaction();
  second?.close();
  second = null;
});

/** Two documents with the same imported layer: one edited through appends, one through whole writes. */
async function twoDocuments(): Promise<{ projectId: string; logged: string; whole: string }> {
  const { id: projectId } = await ensureDefaultProject();
  await importTexts(projectId, [incoming(TEXT, SEEDED), incoming(`${TEXT}。`, SEEDED)]);
  const [logged = '', whole = ''] = await listDocumentIds(projectId);
  return { projectId, logged, whole };
}

/** What a layer's content is (an import gives each document's spans ids of their own: those are left out). */
function content(layer: StoredLayer | undefined) {
  return {
    spans: (layer?.spans ?? []).map((span) => `${span.id.startsWith('n') ? span.id : ''}@${spanKey(span)}`).sort(),
    status: layer?.status ?? 'new',
    rejected: [...(layer?.rejected ?? [])].sort(),
    labels: layer?.labels ?? [],
    revision: layer?.revision ?? 0,
  };
}

type Op =
  | { kind: 'add'; writer: number; start: number; length: number; label: number }
  | { kind: 'delete'; writer: number; pick: number }
  | { kind: 'relabel'; writer: number; pick: number; label: number }
  | { kind: 'undo'; writer: number }
  | { kind: 'refresh'; writer: number }
  | { kind: 'compact'; writer: number };

const writer = fc.integer({ min: 0, max: 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('add' as const), writer, start: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 1, max: 4 }), label: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), writer, pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('relabel' as const), writer, pick: fc.nat(), label: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo' as const), writer }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('refresh' as const), writer }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const), writer }) },
);

/** The spans a writer's edit turns `spans` into (null: nothing to do), as the editor's actions do. */
function edited(spans: readonly Span[], step: Op, serial: number): Span[] | null {
  switch (step.kind) {
    case 'add': {
      const span = { id: `n${serial}`, start: step.start, end: step.start + step.length, label: LABELS[step.label] ?? 'person' };
      return spans.some((other) => spanKey(other) === spanKey(span)) ? null : [...spans, span];
    }
    case 'delete': {
      const victim = spans[step.pick % Math.max(1, spans.length)];
      return victim ? spans.filter((span) => span !== victim) : null;
    }
    case 'relabel': {
      const target = spans[step.pick % Math.max(1, spans.length)];
      const label = LABELS[step.label] ?? 'person';
      if (!target || target.label === label || spans.some((other) => spanKey(other) === spanKey({ ...target, label }))) return null;
      return spans.map((span) => (span === target ? { ...span, label } : span));
    }
    default:
      return null;
  }
}

describe('layer edits', () => {
  it('replay to the same layer as whole writes would, with two writers, undo and compaction in between', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        await resetDatabase();
        second?.close();
        second = new SpanwrightDatabase(DATABASE_NAME);
        const { projectId, logged, whole } = await twoDocuments();
        const stores = [new LayerStore(db), new LayerStore(second)];
        const shown: (AnnotationRow | null)[] = [];
        for (const store of stores) shown.push((await store.read(logged, 'alice')) ?? null);
        const done: LayerChange[][] = [[], []];
        for (const [serial, step] of ops.entries()) {
          const store = stores[step.writer] ?? layerStore();
          const wholeWrite = (change: LayerChange, direction: 'undo' | 'redo') =>
            layerStore().update([{ documentId: whole, annotator: 'alice' }], (current) => applyLayerChange(layerState(current), change, direction).state);
          if (step.kind === 'refresh') shown[step.writer] = (await store.read(logged, 'alice')) ?? null;
          else if (step.kind === 'compact') await store.compact();
          else if (step.kind === 'undo') {
            // Undo is a whole write of the inverse, on both documents, as the app's undo is.
            const change = done[step.writer]?.pop();
            if (!change) continue;
            await store.update([{ documentId: logged, annotator: 'alice' }], (current) => applyLayerChange(layerState(current), change, 'undo').state);
            await wholeWrite(change, 'undo');
            shown[step.writer] = (await store.read(logged, 'alice')) ?? null;
          } else {
            const before = shown[step.writer] ?? null;
            const after = edited(before?.spans ?? [], step, serial);
            if (after === null) continue;
            const status = before === null || before.status === 'new' ? 'in-progress' : before.status;
            const change = layerChangeOf(logged, 'alice', before ? layerState({ ...before, location: 'row' }) : undefined, { spans: after, status, rejected: before?.rejected ?? [] });
            const { layer, persisted } = store.append({ documentId: logged, annotator: 'alice', projectId }, before, change);
            await persisted;
            shown[step.writer] = layer;
            done[step.writer]?.push(change);
            await wholeWrite(change, 'redo');
          }
          const [viaLog, viaWhole] = await Promise.all([stores[serial % 2]?.read(logged, 'alice'), layerStore().read(whole, 'alice')]);
          expect(content(viaLog)).toEqual(content(viaWhole));
        }
        // Every reader sees the folded layer, compacted or not.
        const [layers] = [await layersOf([logged, whole])];
        expect(content(layers.get(logged)?.[0])).toEqual(content(layers.get(whole)?.[0]));
        for (const label of LABELS) {
          const meeting = await criterionDocumentIds(projectId, { kind: 'label', label, annotator: 'alice' });
          expect(meeting.includes(logged)).toBe(meeting.includes(whole));
        }
        const total = await countSpansWithLabel(projectId, 'person');
        await layerStore().compact();
        expect(await countSpansWithLabel(projectId, 'person')).toBe(total);
        expect(content(await getAnnotation(logged, 'alice'))).toEqual(content(await getAnnotation(whole, 'alice')));
        expect(await db.layerEdits.count()).toBe(0);
        for (const store of stores) store.cancelCompaction();
      }),
      { numRuns: 20 },
    );
  }, 60_000);

  it('store only what changed, and a layer that was on its page moves to a row when compacted', async () => {
    const { projectId, logged } = await twoDocuments();
    const shown = (await getAnnotation(logged, 'alice')) ?? null;
    const edit = editSpans(shown, { documentId: logged, annotator: 'alice', projectId }, (spans) => [...spans, { id: 'x', start: 12, end: 16, label: 'metric' }]);
    expect(edit?.row).toMatchObject({ revision: 1, status: 'in-progress' });
    await edit?.persisted;
    const [record] = await db.layerEdits.toArray();
    expect(record?.change).toMatchObject({ added: [{ id: 'x' }], removed: [] });
    expect(await getAnnotation(logged, 'alice')).toMatchObject({ revision: 1, location: 'page', status: 'in-progress', labels: ['metric', 'person', 'place'] });
    expect(await criterionDocumentIds(projectId, { kind: 'label', annotator: 'alice', label: 'metric' })).toEqual([logged]);

    await layerStore().compact();
    expect(await db.layerEdits.count()).toBe(0);
    const compacted = await getAnnotation(logged, 'alice');
    expect(compacted).toMatchObject({ revision: 1, location: 'row', status: 'in-progress' });
    expect(compacted?.spans.map(spanKey)).toEqual(['0:3:person', '4:7:place', '12:16:metric']);
    expect(await db.pageLayers.get([logged.split('.')[0] ?? '', 'alice'])).toMatchObject({ statuses: new Uint8Array([0, 2]) });
  });

  it('tell storage-change listeners (the search worker) whose layer an appended edit changed', async () => {
    const { projectId, logged } = await twoDocuments();
    const changes: StorageChange[] = [];
    const stop = onStorageChange((change) => changes.push(change));
    try {
      const shown = (await getAnnotation(logged, 'alice')) ?? null;
      await editSpans(shown, { documentId: logged, annotator: 'alice', projectId }, (spans) => [...spans, { id: 'x', start: 12, end: 16, label: 'metric' }])?.persisted;
      await expect.poll(() => changes.length).toBeGreaterThan(0);
      expect(changes.at(-1)?.layers).toEqual(new Set([logged]));
    } finally {
      stop();
    }
  });

  it('an edit on a document without a layer makes one that every reader finds', async () => {
    const { id: projectId } = await ensureDefaultProject();
    await importTexts(projectId, [incoming(TEXT, [{ start: 4, end: 7, label: 'place' }], 'bob')]);
    const [documentId = ''] = await listDocumentIds(projectId);
    const edit = editSpans(null, { documentId, annotator: 'alice', projectId }, () => [{ id: 'a', start: 0, end: 3, label: 'person' }]);
    await edit?.persisted;
    expect(await layerStore().annotators(projectId)).toEqual(['alice', 'bob']);
    const visited: string[] = [];
    await layerStore().forEachLayer(projectId, { annotators: ['alice'] }, (layer) => visited.push(`${layer.documentId}:${layer.spans.length}`));
    expect(visited).toEqual([`${documentId}:1`]);
    expect(await countSpansWithLabel(projectId, 'person')).toBe(1);
  });

  it("re-run a live read of some documents' layers for edits to those, not to another document on their page", async () => {
    const { projectId, logged, whole } = await twoDocuments();
    let runs = 0;
    const seen: number[] = [];
    const subscription = liveQuery(async () => {
      runs++;
      const [layer] = await getAnnotations([whole], 'alice');
      return layer?.revision ?? 0;
    }).subscribe((revision) => seen.push(revision));
    try {
      await expect.poll(() => seen.length).toBe(1);
      // Spans added to the other document (the open one, say) leave the list's read alone...
      for (const [i, documentId] of [logged, logged, whole].entries()) {
        const shown = (await getAnnotation(documentId, 'alice')) ?? null;
        await editSpans(shown, { documentId, annotator: 'alice', projectId }, (spans) => [...spans, { id: `x${i}`, start: 12 + i, end: 16, label: 'metric' }])?.persisted;
      }
      // ...and an edit to its own document re-runs it once; had the others re-run it, the count says so.
      await expect.poll(() => seen.at(-1)).toBe(1);
      expect(runs).toBe(2);
    } finally {
      subscription.unsubscribe();
    }
  });
});
