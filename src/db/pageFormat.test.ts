import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_STATUSES, type Span } from '../core/types';
import {
  documentIdOf,
  documentIdRange,
  locateDocument,
  packPageLayers,
  pageLayerAt,
  pageSpanIds,
  unpackPageLayers,
  withoutSlots,
  type PageLayer,
} from './pageFormat';

const span: fc.Arbitrary<Span> = fc.record({
  id: fc.uuid(),
  start: fc.nat({ max: 10_000 }),
  end: fc.nat({ max: 10_000 }),
  label: fc.constantFrom('person', 'place', '人名', '𠮷'),
});
const layer: fc.Arbitrary<PageLayer | null> = fc.option(fc.record({ spans: fc.array(span, { maxLength: 8 }), status: fc.constantFrom(...DOCUMENT_STATUSES) }), { nil: null });
const page = { pageId: 'page', annotator: 'alice', projectId: 'p' };

describe('document ids on pages', () => {
  it('locates every slot of every page id, and nothing else', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.nat({ max: 10_000 }), (pageId, slot) => {
        const id = documentIdOf(pageId, slot);
        expect(locateDocument(id)).toEqual({ pageId, slot });
        const [first, last] = documentIdRange(pageId);
        expect(id > first && id < last).toBe(true);
      }),
    );
    for (const id of ['', 'no-slot', '.3', 'page.', 'page.-1', 'page.01', 'page.x!']) expect(locateDocument(id)).toBeNull();
  });

  it("keeps other pages' documents out of a page's id range", () => {
    const [first, last] = documentIdRange('abc');
    for (const other of [documentIdOf('abcd', 0), documentIdOf('ab', 0), documentIdOf('abc-1', 0)]) expect(other > first && other < last).toBe(false);
  });
});

describe('page layers', () => {
  it('unpack(pack(layers)) is the layers, slot by slot, for any spans and statuses', () => {
    fc.assert(
      fc.property(fc.array(layer, { maxLength: 12 }), (layers) => {
        const row = packPageLayers(page, layers, 7);
        expect(unpackPageLayers(row)).toEqual(layers);
        layers.forEach((expected, slot) => {
          expect(pageLayerAt(row, slot)).toEqual(expected);
        });
      }),
    );
  });

  it('takes slots out, leaving the others as they were', () => {
    fc.assert(
      fc.property(fc.array(layer, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 4 }), (layers, picks) => {
        const slots = new Set(picks.map((pick) => pick % layers.length));
        const row = withoutSlots(packPageLayers(page, layers, 7), slots);
        expect(unpackPageLayers(row)).toEqual(layers.map((one, slot) => (slots.has(slot) ? null : one)));
        expect(row.updatedAt).toBe(7);
      }),
    );
  });

  /** Layers whose spans carry, by a coin each, the id `base` derives for their place, a random one, or an empty one. */
  const withSomeDerivedIds = (base: string) =>
    fc.array(fc.tuple(layer, fc.array(fc.constantFrom('derived', 'own', 'empty'), { minLength: 8, maxLength: 8 })), { maxLength: 12 }).map((entries) =>
      entries.map(([one, kinds], slot): PageLayer | null =>
        one === null
          ? null
          : { ...one, spans: one.spans.map((each, index) => ({ ...each, id: kinds[index] === 'derived' ? pageSpanIds(base)(slot, index) : kinds[index] === 'empty' ? '' : each.id })) },
      ),
    );

  it('reads back every span id, derived or stored, and stores only the ids it cannot derive', () => {
    fc.assert(
      fc.property(
        fc.uuid({ version: 4 }).chain((base) => fc.tuple(fc.constant(base), withSomeDerivedIds(base))),
        ([base, layers]) => {
          const row = packPageLayers({ ...page, spanIdBase: base }, layers, 7);
          expect(unpackPageLayers(row)).toEqual(layers);
          layers.forEach((expected, slot) => expect(pageLayerAt(row, slot)).toEqual(expected));
          const spans = layers.flatMap((one) => one?.spans ?? []);
          if (spans.some((each) => each.id === '')) {
            expect(row.spanIdBase).toBeUndefined();
          } else {
            const stored = layers.flatMap((one, slot) => (one?.spans ?? []).filter((each, index) => each.id !== pageSpanIds(base)(slot, index)));
            expect(row.spans.ids).toBe(stored.map((each) => each.id).join(''));
          }
          const slots = new Set([0, 2].filter((slot) => slot < layers.length));
          expect(unpackPageLayers(withoutSlots(row, slots))).toEqual(layers.map((one, slot) => (slots.has(slot) ? null : one)));
        },
      ),
    );
  });

  it('derives distinct version 4 UUIDs, whatever the base', () => {
    fc.assert(
      fc.property(fc.uuid({ version: 4 }), (base) => {
        const ids = pageSpanIds(base);
        const made = [ids(0, 0), ids(0, 1), ids(1, 0), ids(0, 65_535), ids(99, 0), ids(255, 65_535)];
        for (const id of made) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(new Set(made).size).toBe(made.length);
        expect(ids(3, 5)).toBe(pageSpanIds(base)(3, 5));
      }),
    );
  });
});
