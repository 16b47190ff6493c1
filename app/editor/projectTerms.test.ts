import { describe, expect, it } from 'vitest';
import { noteLineage } from '../../src/core/spanLineage';
import type { Span } from '../../src/core/types';
import { learnShownTerms, projectTerms } from './projectTerms';

const TEXT = '刘艳霞在上海见了王小明和李雷。';

describe('learnShownTerms', () => {
  it('makes what an edit added a word at once, and learns a list of unknown lineage whole', () => {
    const first: Span[] = [{ id: 'a', start: 0, end: 3, label: 'person' }];
    learnShownTerms(TEXT, first);
    const size = projectTerms().size;
    expect(size).toBeGreaterThan(0);
    const added: Span = { id: 'b', start: 8, end: 11, label: 'person' };
    const second = [...first, added];
    noteLineage(second, { from: first, added: [added], removed: [] });
    learnShownTerms(TEXT, second);
    expect(projectTerms().size).toBe(size + 1);
    // A list of unknown lineage is learned whole: 上海 is new, 刘艳霞 and 王小明 are known already.
    learnShownTerms(TEXT, [...second, { id: 'c', start: 4, end: 6, label: 'place' }]);
    expect(projectTerms().size).toBe(size + 2);
  });
});
