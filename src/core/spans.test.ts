import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGraphemeBoundary } from './graphemes';
import { noteLineage, findSpan } from './spanLineage';
import { assignLanes, hasDuplicate, isSorted, keptSorted, mergeSpans, rejectSpan, sameRange, snapSelection, sortSpans } from './spans';
import { mixedText } from './testing';
import type { Span } from './types';

const span = (id: string, start: number, end: number, label: string): Span => ({ id, start, end, label });

describe('snapSelection', () => {
  it('trims leading and trailing whitespace', () => {
    expect(snapSelection('  刘艳霞 在', 0, 6)).toEqual({ start: 2, end: 5 });
  });

  it('refuses a whitespace-only selection', () => {
    expect(snapSelection('a   b', 1, 4)).toBeNull();
  });

  it('never splits a surrogate pair', () => {
    const text = '𠮷野家';
    expect(snapSelection(text, 1, 3)).toEqual({ start: 0, end: 3 });
  });

  it('widens to whole grapheme clusters (ZWJ sequences, flags, combining marks)', () => {
    const family = '👨‍👩‍👧';
    expect(snapSelection(`a${family}b`, 3, 4)).toEqual({ start: 1, end: 1 + family.length });
    expect(snapSelection('🇨🇳中国', 1, 3)).toEqual({ start: 0, end: 4 });
  });

  it('snaps Latin words whole but CJK by character', () => {
    expect(snapSelection('看TikTok直播', 2, 4)).toEqual({ start: 1, end: 7 });
    expect(snapSelection('刘艳霞在通州区', 1, 2)).toEqual({ start: 1, end: 2 });
    expect(snapSelection('约150户居民', 2, 4)).toEqual({ start: 1, end: 4 });
  });

  it('may cross line breaks', () => {
    expect(snapSelection('刘艳霞\n通州区', 1, 6)).toEqual({ start: 1, end: 6 });
  });

  it('always returns grapheme boundaries inside the text (property)', () => {
    fc.assert(
      fc.property(mixedText(), fc.nat(), fc.nat(), (text, a, b) => {
        const result = snapSelection(text, a % (text.length + 1), b % (text.length + 1));
        if (!result) return;
        expect(result.start).toBeLessThan(result.end);
        expect(result.end).toBeLessThanOrEqual(text.length);
        expect(isGraphemeBoundary(text, result.start)).toBe(true);
        expect(isGraphemeBoundary(text, result.end)).toBe(true);
        expect(text.slice(result.start, result.end).trim()).not.toBe('');
      }),
    );
  });
});

describe('span rules', () => {
  const text = '刘艳霞在通州区工作';
  const existing = [span('a', 0, 3, 'person')];

  it('refuses exact duplicates but allows the same range with another label', () => {
    expect(rejectSpan(text, existing, { start: 0, end: 3, label: 'person' })).toBe('duplicate');
    expect(rejectSpan(text, existing, { start: 0, end: 3, label: 'place' })).toBeNull();
  });

  it('allows nested and overlapping spans', () => {
    expect(rejectSpan(text, existing, { start: 0, end: 7, label: 'place' })).toBeNull();
    expect(rejectSpan(text, existing, { start: 2, end: 5, label: 'policy' })).toBeNull();
  });

  it('refuses empty and out-of-range spans', () => {
    expect(rejectSpan(text, [], { start: 2, end: 2, label: 'person' })).toBe('empty');
    expect(rejectSpan(text, [], { start: 5, end: 30, label: 'person' })).toBe('out-of-range');
  });

  it('merges drafts without duplicates, sorted', () => {
    const { spans, added } = mergeSpans(text, existing, [
      { start: 4, end: 7, label: 'place' },
      { start: 0, end: 3, label: 'person' },
      { start: 4, end: 7, label: 'place' },
    ]);
    expect(added).toHaveLength(1);
    expect(spans.map((s) => [s.start, s.end, s.label])).toEqual([
      [0, 3, 'person'],
      [4, 7, 'place'],
    ]);
  });

  it('merges as one set of (start, end, label) keys would, few spans or many', () => {
    const draft = fc.record({ start: fc.integer({ min: -2, max: 12 }), end: fc.integer({ min: -2, max: 12 }), label: fc.constantFrom('a', 'b', 'a:b') });
    fc.assert(
      fc.property(fc.array(draft, { maxLength: 20 }), fc.array(draft, { maxLength: 40 }), (before, drafts) => {
        const existing = mergeSpans('0123456789', [], before).spans;
        const { spans, added } = mergeSpans('0123456789', existing, drafts);
        const keys = new Set(existing.map((s) => `${s.start}:${s.end}:${s.label}`));
        const expected = drafts.filter((d) => {
          const key = `${d.start}:${d.end}:${d.label}`;
          if (d.start < 0 || d.end > 10 || d.start >= d.end || keys.has(key)) return false;
          keys.add(key);
          return true;
        });
        expect(added.map(({ start, end, label }) => ({ start, end, label }))).toEqual(expected);
        expect(spans).toEqual(sortSpans([...existing, ...added]));
        expect(new Set(spans.map((s) => s.id)).size).toBe(spans.length);
      }),
      { numRuns: 500 },
    );
  });

  it('sorts by start, then end, then label', () => {
    const sorted = sortSpans([span('1', 4, 7, 'x'), span('2', 0, 7, 'b'), span('3', 0, 3, 'z'), span('4', 0, 7, 'a')]);
    expect(sorted.map((s) => s.id)).toEqual(['3', '4', '2', '1']);
  });
});

describe('assignLanes', () => {
  it('gives overlapping spans different lanes and reuses lanes when free', () => {
    const lanes = assignLanes([span('outer', 0, 10, 'a'), span('inner', 2, 4, 'b'), span('later', 5, 8, 'c'), span('after', 10, 12, 'd')]);
    expect(lanes.get('outer')).not.toBe(lanes.get('inner'));
    expect(lanes.get('outer')).not.toBe(lanes.get('later'));
    expect(lanes.get('after')).toBe(0);
  });

  it('never puts two overlapping spans in one lane (property)', () => {
    const arbitrarySpans = fc.array(
      fc.tuple(fc.nat(50), fc.integer({ min: 1, max: 20 })).map(([start, length]) => ({ start, end: start + length })),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arbitrarySpans, (ranges) => {
        const spans = ranges.map((range, i) => span(String(i), range.start, range.end, 'x'));
        const lanes = assignLanes(spans);
        for (const a of spans) {
          for (const b of spans) {
            if (a !== b && a.start < b.end && b.start < a.end) expect(lanes.get(a.id)).not.toBe(lanes.get(b.id));
          }
        }
      }),
    );
  });
});

describe('sorted span lists', () => {
  const arbitrarySpan = fc.record({ start: fc.nat(30), length: fc.integer({ min: 1, max: 6 }), label: fc.constantFrom('person', 'place', 'metric') });
  const toSpans = (drafts: { start: number; length: number; label: string }[]): Span[] =>
    drafts.map((draft, i) => ({ id: `s${i}`, start: draft.start, end: draft.start + draft.length, label: draft.label }));

  it('finds duplicates by bisection in a sorted list exactly as by looking at every span', () => {
    fc.assert(
      fc.property(fc.array(arbitrarySpan, { maxLength: 40 }), arbitrarySpan, (drafts, probe) => {
        const spans = toSpans(drafts);
        const [draft] = toSpans([probe]);
        if (!draft) return;
        const sorted = sortSpans(spans);
        expect(isSorted(sorted)).toBe(true);
        expect(hasDuplicate(sorted, draft)).toBe(spans.some((span) => sameRange(span, draft)));
        expect(hasDuplicate(spans, draft)).toBe(spans.some((span) => sameRange(span, draft)));
      }),
    );
  });

  it('tells an unsorted list from a sorted one unless it was made sorted', () => {
    const a: Span = { id: 'a', start: 5, end: 6, label: 'place' };
    const b: Span = { id: 'b', start: 1, end: 2, label: 'place' };
    expect(isSorted([a, b])).toBe(false);
    expect(isSorted([b, a])).toBe(true);
    expect(isSorted(keptSorted([b, a]))).toBe(true);
  });

  it('finds a span by id among those an edit added first, and anywhere otherwise', () => {
    const before: Span[] = [{ id: 'a', start: 0, end: 1, label: 'place' }];
    const added: Span = { id: 'b', start: 2, end: 3, label: 'place' };
    const after = [...before, added];
    noteLineage(after, { from: before, added: [added], removed: [] });
    expect(findSpan(after, 'b')).toBe(added);
    expect(findSpan(after, 'a')).toBe(before[0]);
    expect(findSpan(after, 'c')).toBeUndefined();
  });
});
