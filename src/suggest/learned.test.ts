import { describe, expect, it } from 'vitest';
import { learnGazetteer } from './learned';

describe('learnGazetteer', () => {
  it('turns tagged strings into entries with their majority label', () => {
    const docs = [
      { text: '刘艳霞在通州区工作', spans: [{ start: 0, end: 3, label: 'person' }, { start: 4, end: 7, label: 'place' }] },
      { text: '通州区通州区', spans: [{ start: 0, end: 3, label: 'org' }, { start: 3, end: 6, label: 'place' }] },
      { text: '刘艳霞', spans: [{ start: 0, end: 3, label: 'person' }] },
    ];
    expect(learnGazetteer(docs)).toEqual([
      { term: '刘艳霞', label: 'person' },
      { term: '通州区', label: 'place' },
    ]);
  });

  it('breaks ties by label name, whatever the order of the documents', () => {
    const a = { text: '中仓街道', spans: [{ start: 0, end: 4, label: 'place' }] };
    const b = { text: '中仓街道', spans: [{ start: 0, end: 4, label: 'org' }] };
    expect(learnGazetteer([a, b])).toEqual([{ term: '中仓街道', label: 'org' }]);
    expect(learnGazetteer([b, a])).toEqual([{ term: '中仓街道', label: 'org' }]);
  });

  it('ignores single characters (astral and emoji sequences included), whitespace and bad ranges', () => {
    const text = '京 𠮷👩‍👩‍👧  北京';
    const spans = [
      { start: 0, end: 1, label: 'place' }, // 京
      { start: 2, end: 4, label: 'person' }, // 𠮷, one code point in two units
      { start: 4, end: 12, label: 'emoji' }, // one grapheme cluster
      { start: 12, end: 14, label: 'space' }, // whitespace only
      { start: 14, end: 16, label: 'place' }, // 北京
      { start: 10, end: 99, label: 'place' }, // outside the text
      { start: 5, end: 5, label: 'place' }, // empty
    ];
    expect(learnGazetteer([{ text, spans }])).toEqual([{ term: '北京', label: 'place' }]);
  });

  it('accepts any iterable, such as a generator over the database', () => {
    function* docs() {
      yield { text: '四员厅社区', spans: [{ start: 0, end: 5, label: 'place' }] };
    }
    expect(learnGazetteer(docs())).toEqual([{ term: '四员厅社区', label: 'place' }]);
  });
});
