import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitKey, splitOptionsProblem, splitPartOf, type SplitOptions, type SplitPart } from './split';

interface Doc {
  originalId?: string;
  text: string;
}

const docArb: fc.Arbitrary<Doc> = fc.record({ originalId: fc.option(fc.string({ minLength: 1 }), { nil: undefined }), text: fc.string({ unit: 'grapheme' }) }, { requiredKeys: ['text'] });
const optionsArb: fc.Arbitrary<SplitOptions> = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: -1e9, max: 1e9 }))
  .filter(([train, dev]) => train + dev <= 100)
  .map(([train, dev, seed]) => ({ train, dev, seed }));

function split(docs: readonly Doc[], options: SplitOptions): Map<SplitPart, string[]> {
  const parts = new Map<SplitPart, string[]>([['train', []], ['dev', []], ['test', []]]);
  for (const doc of docs) parts.get(splitPartOf(splitKey(doc), options))?.push(splitKey(doc));
  for (const keys of parts.values()) keys.sort();
  return parts;
}

describe('splitPartOf', () => {
  it('is the same whatever the order of the input', () => {
    fc.assert(
      fc.property(fc.array(docArb, { maxLength: 40 }), optionsArb, fc.nat(), (docs, options, shuffleSeed) => {
        const shuffled = [...docs].sort((a, b) => ((splitKey(a).length * 31 + shuffleSeed) % 7) - ((splitKey(b).length * 31 + shuffleSeed) % 7)).reverse();
        expect(split(shuffled, options)).toEqual(split(docs, options));
      }),
    );
  });

  it('is deterministic: the same key, ratios and seed give the same part', () => {
    fc.assert(
      fc.property(fc.string(), optionsArb, (key, options) => {
        expect(splitPartOf(key, options)).toBe(splitPartOf(key, { ...options }));
      }),
    );
  });

  it('puts every document in exactly one part (disjoint and covering)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(docArb, { selector: splitKey, maxLength: 40 }), optionsArb, (docs, options) => {
        const parts = split(docs, options);
        const all = [...parts.values()].flat();
        expect(all.length).toBe(docs.length);
        expect(new Set(all).size).toBe(docs.length);
      }),
    );
  });

  it('honours the ratios approximately, and exactly at 0% and 100%', () => {
    fc.assert(
      fc.property(optionsArb, (options) => {
        const n = 4000;
        const counts = { train: 0, dev: 0, test: 0 };
        for (let i = 0; i < n; i++) counts[splitPartOf(`doc-${i}`, options)]++;
        const expected = { train: options.train, dev: options.dev, test: 100 - options.train - options.dev };
        for (const part of ['train', 'dev', 'test'] as const) {
          // Five standard deviations of a binomial: a false alarm is practically impossible.
          const p = expected[part] / 100;
          expect(Math.abs(counts[part] - n * p)).toBeLessThanOrEqual(5 * Math.sqrt(n * p * (1 - p)) + 1e-9);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('gives different seeds different splits, and keys by id before text', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `k${i}`);
    const a = keys.map((key) => splitPartOf(key, { train: 50, dev: 25, seed: 1 }));
    const b = keys.map((key) => splitPartOf(key, { train: 50, dev: 25, seed: 2 }));
    expect(a).not.toEqual(b);
    // Pinned: the browser and the command line must agree with this forever, or old splits move.
    expect(keys.slice(0, 8).map((key) => splitPartOf(key, { train: 80, dev: 10, seed: 7 }))).toMatchSnapshot();
    expect(splitKey({ originalId: 'd1', text: 'x' })).toBe('id:d1');
    expect(splitKey({ text: 'x' })).toBe('text:x');
  });

  it('refuses ratios over 100% and seeds that are not integers', () => {
    expect(splitOptionsProblem({ train: 80, dev: 30, seed: 1 })).toMatch(/more than 100%/);
    expect(splitOptionsProblem({ train: 80, dev: 10, seed: 1.5 })).toMatch(/seed/);
    expect(splitOptionsProblem({ train: 80, dev: 10, seed: 7 })).toBeNull();
  });
});
