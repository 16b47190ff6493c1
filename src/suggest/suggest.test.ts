import { describe, expect, it } from 'vitest';
import { BUILT_IN_METRIC_PATTERN } from './patterns';
import { createSuggester, suggestSpans } from './suggest';
import type { SuggestRequest, Suggestion } from './types';

/** Two sentences of shared/seeds/000_f843adead5036889.txt, inlined so the test stands alone. */
const SEED_EXCERPT =
  '实施网格化管理后,每名社区工作者负责约150户居民;每户居民遇到问题,都能第一时间找到具体人员进行对接。\n' +
  '为获取两个无物业小区306户居民的理解与支持,刘艳霞组织了征求意见会。最终,同意引入物业的居民占比超过了三分之二。';

function request(overrides: Partial<SuggestRequest>): SuggestRequest {
  return { text: '', dictionary: [], patterns: [], learned: [], existing: [], ...overrides };
}

function shown(text: string, suggestions: readonly Suggestion[]): string[] {
  return suggestions.map((s) => `${s.label}: ${text.slice(s.start, s.end)} (${s.source})`);
}

describe('suggestSpans', () => {
  it('suggests metrics and names over the seed article, sorted', () => {
    const text = SEED_EXCERPT;
    const suggestions = suggestSpans(
      request({ text, dictionary: [{ term: '刘艳霞', label: 'person' }], patterns: [BUILT_IN_METRIC_PATTERN] }),
    );
    expect(shown(text, suggestions)).toEqual([
      'metric: 150户 (pattern)',
      'metric: 两个 (pattern)',
      'metric: 306户 (pattern)',
      'person: 刘艳霞 (dictionary)',
      'metric: 三分之二 (pattern)',
    ]);
    const at = text.indexOf('150户');
    expect(suggestions[0]).toEqual({ start: at, end: at + 4, label: 'metric', source: 'pattern', ruleId: 'builtin:metric' });
  });

  it('merges identical suggestions, crediting dictionary over learned over pattern', () => {
    const text = '通州区和通州';
    const suggestions = suggestSpans(
      request({
        text,
        patterns: [{ id: 'p', label: 'place', pattern: '通州区?' }],
        learned: [{ term: '通州区', label: 'place' }, { term: '通州', label: 'place' }],
        dictionary: [{ term: '通州区', label: 'place' }],
      }),
    );
    expect(suggestions).toEqual([
      { start: 0, end: 2, label: 'place', source: 'learned' },
      { start: 0, end: 3, label: 'place', source: 'dictionary' },
      { start: 4, end: 6, label: 'place', source: 'learned' },
    ]);
  });

  it('keeps the same range under different labels apart', () => {
    const text = '北京社区报';
    const suggestions = suggestSpans(
      request({ text, dictionary: [{ term: '北京社区报', label: 'org' }], learned: [{ term: '北京社区报', label: 'policy' }] }),
    );
    expect(suggestions.map((s) => s.label)).toEqual(['org', 'policy']);
  });

  it('leaves out suggestions identical to an existing span, and only those', () => {
    const text = '刘艳霞在通州区';
    const suggestions = suggestSpans(
      request({
        text,
        dictionary: [{ term: '刘艳霞', label: 'person' }, { term: '通州区', label: 'place' }],
        existing: [{ start: 0, end: 3, label: 'person' }, { start: 4, end: 7, label: 'org' }],
      }),
    );
    expect(suggestions).toEqual([{ start: 4, end: 7, label: 'place', source: 'dictionary' }]);
  });

  it('drops matches the editor could not select: cut words, edge whitespace, split graphemes', () => {
    const text = 'abc123 共 5 个, 葛\u{E0100}洪';
    const suggestions = suggestSpans(
      request({
        text,
        patterns: [
          { id: 'digits', label: 'metric', pattern: '\\d+' },
          { id: 'spaced', label: 'metric', pattern: ' \\d ' },
          { id: 'count', label: 'metric', pattern: '\\d 个' },
        ],
        dictionary: [{ term: '葛', label: 'person' }, { term: '洪', label: 'person' }],
      }),
    );
    // `123` (inside `abc123`), ` 5 ` and `葛` (without its variation selector) are gone.
    expect(shown(text, suggestions)).toEqual(['metric: 5 (pattern)', 'metric: 5 个 (pattern)', 'person: 洪 (dictionary)']);
  });

  it('createSuggester reuses prepared sources across documents', () => {
    const suggest = createSuggester({ dictionary: [{ term: '郭彦', label: 'person' }], patterns: [BUILT_IN_METRIC_PATTERN], learned: [] });
    expect(shown('记者 郭彦', suggest('记者 郭彦', []))).toEqual(['person: 郭彦 (dictionary)']);
    expect(shown('16个网格', suggest('16个网格', []))).toEqual(['metric: 16个 (pattern)']);
  });
});
