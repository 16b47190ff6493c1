import { describe, expect, it } from 'vitest';
import { untaggedOccurrences } from './occurrences';

describe('untaggedOccurrences', () => {
  it('finds the other occurrences not yet carrying the label', () => {
    const text = '刘艳霞说，刘艳霞在通州区。刘艳霞';
    const found = untaggedOccurrences(text, '刘艳霞', 'person', [{ start: 0, end: 3, label: 'person' }]);
    expect(found.map((span) => span.start)).toEqual([5, 13]);
  });

  it('counts an occurrence tagged with another label as untagged', () => {
    expect(untaggedOccurrences('北京北京', '北京', 'place', [{ start: 0, end: 2, label: 'org' }])).toHaveLength(2);
  });

  it('does not tag a Latin word inside a longer word', () => {
    expect(untaggedOccurrences('art party art', 'art', 'x', []).map((span) => span.start)).toEqual([0, 10]);
  });

  it('does not overlap itself', () => {
    expect(untaggedOccurrences('哈哈哈哈', '哈哈', 'x', []).map((span) => span.start)).toEqual([0, 2]);
  });
});
