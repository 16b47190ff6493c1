import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyLayerChange, diffSpans, isEmptyLayerChange, layerChangeOf, type LayerState } from './layerChange';
import { sortSpans, spanKey } from './spans';
import { DOCUMENT_STATUSES, type Span } from './types';

const span = (id: string, start: number, end: number, label: string): Span => ({ id, start, end, label });
const state = (spans: Span[], status: LayerState['status'] = 'in-progress', rejected: string[] = []): LayerState => ({ spans: sortSpans(spans), status, rejected });
const keys = (layer: LayerState) => layer.spans.map(spanKey).sort();

/** A set of distinct spans (no two with the same range and label), ids unique. */
const spanSet = fc
  .uniqueArray(fc.tuple(fc.nat(20), fc.integer({ min: 1, max: 5 }), fc.constantFrom('person', 'place', 'metric')), {
    selector: ([start, length, label]) => `${start}:${length}:${label}`,
    maxLength: 12,
  })
  .map((tuples) => tuples.map(([start, length, label], i) => span(`s${start}-${length}-${label}-${i}`, start, start + length, label)));

const layer = fc.record({ spans: spanSet, status: fc.constantFrom(...DOCUMENT_STATUSES), rejected: fc.uniqueArray(fc.constantFrom('a', 'b', 'c')) }).map((l) => state(l.spans, l.status, l.rejected));

describe('layer changes', () => {
  it('records a relabel as one span removed and one added', () => {
    const before = state([span('a', 0, 2, 'person')]);
    const after = state([span('a', 0, 2, 'place')]);
    expect(layerChangeOf('d', 'alice', before, after)).toEqual({
      documentId: 'd',
      annotator: 'alice',
      added: [span('a', 0, 2, 'place')],
      removed: [span('a', 0, 2, 'person')],
    });
  });

  it('undo keeps a span written by someone else in between (an import merge, another tab)', () => {
    const before = state([span('mine', 0, 2, 'person')]);
    const after = state([span('mine', 0, 2, 'person'), span('new', 3, 5, 'place')]);
    const change = layerChangeOf('d', 'alice', before, after);
    const meanwhile = state([...after.spans, span('imported', 6, 8, 'metric')]);
    const undone = applyLayerChange(meanwhile, change, 'undo');
    expect(keys(undone.state)).toEqual(['0:2:person', '6:8:metric']);
    expect(undone.conflicts).toBe(0);
  });

  it('counts what no longer fits as conflicts and applies the rest', () => {
    const before = state([span('a', 0, 2, 'person')], 'new');
    const after = state([span('b', 3, 5, 'place')], 'done');
    const change = layerChangeOf('d', 'alice', before, after);
    // Someone deleted the added span and restored the removed one, and reopened the document.
    const meanwhile = state([span('a2', 0, 2, 'person')], 'in-progress');
    const undone = applyLayerChange(meanwhile, change, 'undo');
    expect(keys(undone.state)).toEqual(['0:2:person']);
    expect(undone.state.status).toBe('in-progress');
    expect(undone.conflicts).toBe(3);
  });

  it('undo of a change restores the layer it was made on, and redo the layer it made (property)', () => {
    fc.assert(
      fc.property(layer, layer, (before, after) => {
        const change = layerChangeOf('d', 'a', before, after);
        const undone = applyLayerChange(after, change, 'undo');
        expect(keys(undone.state)).toEqual(keys(before));
        expect(undone.state.status).toBe(before.status);
        const redone = applyLayerChange(undone.state, change, 'redo');
        expect(keys(redone.state)).toEqual(keys(after));
        expect(redone.state.status).toBe(after.status);
        expect(undone.conflicts + redone.conflicts).toBe(0);
      }),
    );
  });

  it('undo never takes away spans that another writer added in between (property)', () => {
    fc.assert(
      fc.property(layer, spanSet, spanSet, (before, added, others) => {
        const after = state([...before.spans, ...added.filter((s) => !before.spans.some((b) => spanKey(b) === spanKey(s)))], before.status);
        const change = layerChangeOf('d', 'a', before, after);
        const untouched = others.filter((s) => !after.spans.some((a) => spanKey(a) === spanKey(s)));
        const meanwhile = state([...after.spans, ...untouched], after.status);
        const undone = applyLayerChange(meanwhile, change, 'undo');
        for (const other of untouched) expect(undone.state.spans.map(spanKey)).toContain(spanKey(other));
        expect(keys(undone.state)).toEqual([...keys(before), ...untouched.map(spanKey)].sort());
      }),
    );
  });

  it('knows an empty change and diffs by id and range', () => {
    expect(isEmptyLayerChange(layerChangeOf('d', 'a', state([], 'new'), state([], 'new')))).toBe(true);
    expect(diffSpans([span('a', 0, 1, 'x')], [span('a', 0, 2, 'x')])).toEqual({ added: [span('a', 0, 2, 'x')], removed: [span('a', 0, 1, 'x')] });
  });
});

describe('notes', () => {
  it('records a note as before and after, and undo and redo put each back', () => {
    const before = state([], 'in-progress');
    const after: LayerState = { ...before, note: 'Garbled ending' };
    const change = layerChangeOf('d', 'alice', before, after);
    expect(change.note).toEqual({ before: '', after: 'Garbled ending' });
    expect(isEmptyLayerChange(change)).toBe(false);
    expect(applyLayerChange(after, change, 'undo').state.note).toBe('');
    expect(applyLayerChange(before, change, 'redo').state.note).toBe('Garbled ending');
  });

  it('counts a note edited meanwhile as a conflict and leaves it', () => {
    const change = layerChangeOf('d', 'alice', state([]), { ...state([]), note: 'one' });
    const applied = applyLayerChange({ ...state([]), note: 'two' }, change, 'undo');
    expect(applied.conflicts).toBe(1);
    expect(applied.state.note).toBe('two');
  });

  it('a change without a note leaves the note alone', () => {
    const change = layerChangeOf('d', 'alice', state([]), state([span('a', 0, 2, 'person')]));
    expect(change.note).toBeUndefined();
    expect(applyLayerChange({ ...state([]), note: 'kept' }, change, 'redo').state.note).toBe('kept');
  });

  it('diffs an edit that appends, filters, maps or reorders like a comparison of whole sets (property)', () => {
    const ranges = fc.array(fc.tuple(fc.nat(30), fc.integer({ min: 1, max: 5 })), { maxLength: 20 });
    fc.assert(
      fc.property(ranges, ranges, fc.nat(), fc.nat(), fc.constantFrom('append', 'filter', 'map', 'shuffle'), (initial, extra, pick, cut, how) => {
        const before = initial.map(([start, length], i) => span(`b${i}`, start, start + length, 'x'));
        const fresh = extra.map(([start, length], i) => span(`n${i}`, start, start + length, 'y'));
        const at = before.length === 0 ? 0 : pick % before.length;
        const after =
          how === 'append'
            ? [...before, ...fresh]
            : how === 'filter'
              ? before.filter((_, i) => i < at || i >= at + (cut % 3))
              : how === 'map'
                ? before.map((item, i) => (i === at ? { ...item, label: 'z' } : item))
                : [...before.slice(at), ...fresh, ...before.slice(0, at)];
        const { added, removed } = diffSpans(before, after);
        expect(new Set(added)).toEqual(new Set(after.filter((item) => !before.includes(item))));
        expect(new Set(removed)).toEqual(new Set(before.filter((item) => !after.includes(item))));
      }),
    );
  });
});
