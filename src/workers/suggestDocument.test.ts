import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_METRIC_PATTERN } from '../suggest/patterns';
import { suggestSpans } from '../suggest/suggest';
import type { DictionaryEntry, PatternRule } from '../suggest/types';
import { createDocumentSuggester } from './suggestDocument';

const SEED_EXCERPT =
  '实施网格化管理后,每名社区工作者负责约150户居民;每户居民遇到问题,都能第一时间找到具体人员进行对接。\n' +
  '为获取两个无物业小区306户居民的理解与支持,刘艳霞组织了征求意见会。最终,同意引入物业的居民占比超过了三分之二。';

describe('createDocumentSuggester', () => {
  it('announces each pattern before it runs, then null', () => {
    const place: PatternRule = { id: 'p1', label: 'place', pattern: '通州区?' };
    const announced: (string | null)[] = [];
    const suggest = createDocumentSuggester({ dictionary: [], learned: [], patterns: [BUILT_IN_METRIC_PATTERN, place] });
    suggest('通州区150户', (rule) => announced.push(rule?.id ?? null));
    expect(announced).toEqual(['builtin:metric', 'p1', null]);
  });

  it('suggests what the engine suggests on the seed excerpt', () => {
    const sources = {
      dictionary: [{ term: '刘艳霞', label: 'person' }],
      learned: [{ term: '网格化管理', label: 'policy' }, { term: '150户', label: 'metric' }],
      patterns: [BUILT_IN_METRIC_PATTERN, { id: 'p', label: 'place', pattern: '物业小区' }],
    };
    const mine = createDocumentSuggester(sources)(SEED_EXCERPT);
    expect(mine).toEqual(suggestSpans({ ...sources, text: SEED_EXCERPT, existing: [] }));
    expect(mine.find((s) => SEED_EXCERPT.slice(s.start, s.end) === '150户')?.source).toBe('learned');
  });

  it('agrees with suggestSpans on arbitrary texts and sources', () => {
    const alphabet = fc.constantFrom(...'通州区北京市刘艳霞150户 ab\n'.split(''));
    const term = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((chars) => chars.join(''));
    const entry = fc.record({ term, label: fc.constantFrom('place', 'person', 'metric') });
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join('')),
        fc.array(entry, { maxLength: 5 }),
        fc.array(entry, { maxLength: 5 }),
        (text, dictionary: DictionaryEntry[], learned: DictionaryEntry[]) => {
          const patterns: PatternRule[] = [BUILT_IN_METRIC_PATTERN, { id: 'u', label: 'place', pattern: '[通北][州京]' }];
          const sources = { dictionary, learned, patterns };
          expect(createDocumentSuggester(sources)(text)).toEqual(suggestSpans({ ...sources, text, existing: [] }));
        },
      ),
      { numRuns: 300 },
    );
  });
});
