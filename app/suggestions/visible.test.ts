import { describe, expect, it } from 'vitest';
import { noteLineage } from '../../src/core/spanLineage';
import type { Span } from '../../src/core/types';
import type { Suggestion } from '../../src/suggest/types';
import { visibleSuggestions } from './visible';

const metric: Suggestion = { start: 3, end: 7, label: 'metric', source: 'pattern', ruleId: 'builtin:metric' };
const person: Suggestion = { start: 0, end: 3, label: 'person', source: 'dictionary' };
const place: Suggestion = { start: 0, end: 3, label: 'place', source: 'learned' };

describe('visibleSuggestions', () => {
  it('hides suggestions that are spans already, under the same label only', () => {
    expect(visibleSuggestions([person, place, metric], [{ start: 0, end: 3, label: 'person' }], [])).toEqual([place, metric]);
  });

  it('hides rejected suggestions by key', () => {
    expect(visibleSuggestions([person, place, metric], [], ['3:7:metric', '0:3:place'])).toEqual([person]);
  });

  it('returns the previous array when an edit hides nothing more, so nothing downstream re-renders', () => {
    const all = [person, place, metric];
    const before = visibleSuggestions(all, [{ start: 0, end: 3, label: 'person' }], []);
    const after = visibleSuggestions(all, [{ start: 0, end: 3, label: 'person' }, { start: 8, end: 9, label: 'place' }], []);
    expect(after).toBe(before);
    expect(after).toEqual([place, metric]);
  });

  it('returns a new array when an edit hides another suggestion', () => {
    const all = [person, place, metric];
    const before = visibleSuggestions(all, [], []);
    const after = visibleSuggestions(all, [{ start: 3, end: 7, label: 'metric' }], []);
    expect(after).not.toBe(before);
    expect(after).toEqual([person, place]);
  });

  it('returns the same empty list when there is nothing to filter', () => {
    const none: Suggestion[] = [];
    expect(visibleSuggestions(none, [{ start: 0, end: 1, label: 'x' }], ['0:1:x'])).toBe(none);
  });

  it('after an edit that only added spans, answers from the previous list as a full filtering would', () => {
    const all = [person, place, metric];
    const before: Span[] = [{ id: 'p', start: 0, end: 3, label: 'person' }];
    const first = visibleSuggestions(all, before, []);
    const unrelated: Span = { id: 'u', start: 8, end: 9, label: 'place' };
    const second = [...before, unrelated];
    noteLineage(second, { from: before, added: [unrelated], removed: [] });
    expect(visibleSuggestions(all, second, [])).toBe(first);
    const hiding: Span = { id: 'm', start: 3, end: 7, label: 'metric' };
    const third = [...second, hiding];
    noteLineage(third, { from: second, added: [hiding], removed: [] });
    expect(visibleSuggestions(all, third, [])).toEqual([place]);
  });
});
