import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLayerChanges, type DirectedChange } from './foldChanges';
import { applyLayerChange, type LayerState } from './layerChange';
import type { DocumentStatus, Span } from './types';

const STATUSES: DocumentStatus[] = ['new', 'in-progress', 'done', 'skipped'];
const span: fc.Arbitrary<Span> = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd'),
  start: fc.integer({ min: 0, max: 6 }),
  end: fc.integer({ min: 7, max: 9 }),
  label: fc.constantFrom('person', 'place'),
});
const change: fc.Arbitrary<DirectedChange> = fc.record({
  change: fc.record({
    documentId: fc.constant('d'),
    annotator: fc.constant('alice'),
    added: fc.array(span, { maxLength: 3 }),
    removed: fc.array(span, { maxLength: 3 }),
    status: fc.option(fc.record({ before: fc.constantFrom(...STATUSES), after: fc.constantFrom(...STATUSES) }), { nil: undefined }),
    rejected: fc.option(fc.array(fc.constantFrom('1:2:person', '3:4:place'), { maxLength: 2 }), { nil: undefined }),
  }),
  direction: fc.constantFrom('undo' as const, 'redo' as const),
});

describe('foldLayerChanges', () => {
  it('gives what applying each change in turn gives', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 12 }), fc.constantFrom(...STATUSES), fc.array(change, { maxLength: 8 }), (spans, status, changes) => {
        const start: LayerState = applyLayerChange({ spans: [], status, rejected: [] }, { documentId: 'd', annotator: 'alice', added: spans, removed: [] }, 'redo').state;
        const oneByOne = changes.reduce((state, { change: next, direction }) => applyLayerChange(state, next, direction).state, start);
        expect(foldLayerChanges(start, changes)).toEqual(oneByOne);
      }),
    );
  });
});
