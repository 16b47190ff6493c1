import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TermMatcher } from './termMatcher';
import type { DictionaryEntry, Suggestion } from './types';

function hits(found: readonly Suggestion[], text: string): string[] {
  return found
    .map(({ start, end, label }) => `${start}-${end}:${label}:${text.slice(start, end)}`)
    .sort();
}

describe('TermMatcher', () => {
  it('finds overlapping and nested terms, every occurrence', () => {
    const text = '北京市民在北京,刘艳霞在通州区';
    const matcher = new TermMatcher([
      { term: '北京', label: 'place' },
      { term: '北京市', label: 'place' },
      { term: '市民', label: 'role' },
      { term: '刘艳霞', label: 'person' },
      { term: '刘艳霞在', label: 'phrase' },
      { term: '艳霞', label: 'given' },
    ]);
    expect(hits(matcher.findAll(text), text)).toEqual([
      '0-2:place:北京',
      '0-3:place:北京市',
      '2-4:role:市民',
      '5-7:place:北京',
      '8-11:person:刘艳霞',
      '8-12:phrase:刘艳霞在',
      '9-11:given:艳霞',
    ]);
  });

  it('finds self-overlapping occurrences of one term', () => {
    const matcher = new TermMatcher([{ term: '哈哈', label: 'x' }]);
    expect(matcher.findAll('哈哈哈').map((s) => s.start)).toEqual([0, 1]);
  });

  it('reports a term once per label, and a repeated pair once', () => {
    const matcher = new TermMatcher([
      { term: '通州', label: 'place' },
      { term: '通州', label: 'org' },
      { term: '通州', label: 'place' },
    ]);
    expect(matcher.size).toBe(2);
    expect(hits(matcher.findAll('通州区'), '通州区')).toEqual(['0-2:org:通州', '0-2:place:通州']);
  });

  it('tags matches with its source', () => {
    const matcher = new TermMatcher([{ term: '郭彦', label: 'person' }], 'learned');
    expect(matcher.findAll('记者 郭彦')).toEqual([{ start: 3, end: 5, label: 'person', source: 'learned' }]);
    expect(new TermMatcher([{ term: '郭彦', label: 'person' }]).findAll('郭彦')[0]?.source).toBe('dictionary');
  });

  it('matches Latin-script terms only as whole words', () => {
    const matcher = new TermMatcher([
      { term: 'art', label: 'x' },
      { term: 'G20', label: 'x' },
      { term: 'TikTok', label: 'x' },
      { term: 'café', label: 'x' },
    ]);
    const text = 'party art. smart art G200 G20, 看TikTok直播 cafe\u0301 café';
    expect(hits(matcher.findAll(text), text)).toEqual([
      '17-20:x:art',
      '26-29:x:G20',
      '32-38:x:TikTok',
      '47-51:x:café',
      '6-9:x:art',
    ]);
  });

  it('applies the word rule per side: a Han term with a Latin end checks only that end', () => {
    const matcher = new TermMatcher([{ term: '中国Ltd', label: 'org' }]);
    expect(matcher.findAll('新中国Ltd公司').map((s) => s.start)).toEqual([1]);
    expect(matcher.findAll('中国Ltda')).toEqual([]);
  });

  it('counts offsets in UTF-16 units around astral characters', () => {
    const text = '𠮷野家的𠮷田';
    const matcher = new TermMatcher([{ term: '𠮷田', label: 'person' }, { term: '野家', label: 'org' }]);
    expect(hits(matcher.findAll(text), text)).toEqual(['2-4:org:野家', '5-8:person:𠮷田']);
  });

  it('ignores empty terms and terms with lone surrogates', () => {
    const matcher = new TermMatcher([
      { term: '', label: 'x' },
      { term: '\uD842', label: 'x' },
    ]);
    expect(matcher.size).toBe(0);
    expect(matcher.findAll('𠮷')).toEqual([]);
  });
});

/** A small alphabet, so random terms occur in random texts often. */
const HAN = ['北', '京', '市', '刘', '艳', '霞', '区', '𠮷'];
const ASCII = ['a', 'b', ' ', '1', ','];
const hanString = (maxLength: number) =>
  fc.array(fc.constantFrom(...HAN), { minLength: 1, maxLength }).map((chars) => chars.join(''));
const mixedText = fc
  .array(fc.constantFrom(...HAN, ...ASCII), { maxLength: 200 })
  .map((chars) => chars.join(''));
const hanEntries = fc.array(
  fc.record({ term: hanString(4), label: fc.constantFrom('person', 'place') }),
  { maxLength: 30 },
);

/** Every (start, end, label) found by indexOf from each position: the definition of "all occurrences". */
function naive(text: string, entries: readonly DictionaryEntry[]): string[] {
  const keys = new Set<string>();
  for (const { term, label } of entries) {
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      keys.add(`${at}:${at + term.length}:${label}`);
    }
  }
  return [...keys].sort();
}

describe('TermMatcher properties', () => {
  it('every match is the term it claims, at its offsets', () => {
    fc.assert(
      fc.property(mixedText, hanEntries, (text, entries) => {
        const terms = new Map(entries.map((e) => [`${e.label}\u0000${e.term}`, e.term]));
        for (const match of new TermMatcher(entries).findAll(text)) {
          const term = text.slice(match.start, match.end);
          expect(terms.get(`${match.label}\u0000${term}`)).toBe(term);
        }
      }),
    );
  });

  it('finds exactly what a naive indexOf loop finds (Han terms, mixed text)', () => {
    fc.assert(
      fc.property(mixedText, hanEntries, (text, entries) => {
        const found = new TermMatcher(entries).findAll(text).map((s) => `${s.start}:${s.end}:${s.label}`);
        expect(found.length).toBe(new Set(found).size);
        expect(found.sort()).toEqual(naive(text, entries));
      }),
    );
  });
});
